// The case's documents: add by file picker or drag and drop (each file is staged first, for its
// document date and description), chunked upload with progress and cancel; the list with type,
// document date, size and SHA-256; open in the system's viewer; save a copy; delete after
// confirmation.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../preload/contract';
import { type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { AttachmentList } from './AttachmentList';
import { StagedFile, type Staged } from './StagedFile';
import { uploadAttachment, UploadCancelled } from './upload';

interface Props {
  caseId: string;
  attachments: AttachmentMeta[];
  /** Called with a change to apply to the current list. */
  onChange: (change: (attachments: AttachmentMeta[]) => AttachmentMeta[]) => void;
  onVaultLocked: () => void;
}

let nextKey = 0;

export function AttachmentsPanel({ caseId, attachments, onChange, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const [staged, setStaged] = useState<Staged[]>([]);
  const [dragging, setDragging] = useState(false);
  const [dropRefused, setDropRefused] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const stage = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setDropRefused(false);
    const added = Array.from(files, (file) => ({ key: (nextKey += 1), file, documentDate: '', description: '', sent: 0, state: 'ready' as const }));
    setStaged((list) => [...list, ...added]);
  };

  const update = (key: number, patch: Partial<Staged>) => setStaged((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const upload = async (item: Staged) => {
    const controller = new AbortController();
    update(item.key, { state: 'uploading', sent: 0, controller, error: null });
    try {
      const meta = await uploadAttachment({
        caseId,
        file: item.file,
        documentDate: item.documentDate.trim() || null,
        description: item.description.trim() || null,
        signal: controller.signal,
        onProgress: (sent) => update(item.key, { sent }),
      });
      setStaged((list) => list.filter((entry) => entry.key !== item.key));
      onChange((list) => [...list, meta]);
    } catch (caught) {
      if (caught instanceof UploadCancelled) {
        update(item.key, { state: 'ready', sent: 0, controller: null });
        return;
      }
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      update(item.key, { state: 'failed', controller: null, error });
    }
  };

  return (
    <section className="card intake-section" id="section-attachments" aria-labelledby="section-attachments-title">
      <header className="intake-section__head">
        <h2 id="section-attachments-title" className="card__title" tabIndex={-1}>
          {t('attachments.title')}
        </h2>
      </header>
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        data-testid="dropzone"
        onDragOver={(event) => {
          // Only files may land here; dragged text or links are refused by the pointer.
          if (!Array.from(event.dataTransfer.types).includes('Files')) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={(event) => {
          // Moving over the hint or the button inside is not leaving.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const { files } = event.dataTransfer;
          setDropRefused(files.length === 0);
          stage(files);
        }}
      >
        <p aria-live="polite">{dragging ? t('dropFiles.active') : t('attachments.dropHint')}</p>
        {dropRefused && <p role="alert">{t('dropFiles.notFiles')}</p>}
        <label htmlFor="attachment-files" className="button">
          {t('attachments.choose')}
        </label>
        <input
          id="attachment-files"
          ref={input}
          className="visually-hidden-input"
          type="file"
          multiple
          accept=".pdf,.docx,.doc,.txt,.odt,.rtf,image/*,application/pdf,text/plain"
          onChange={(event) => {
            stage(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      {staged.length > 0 && (
        <ul className="staged" aria-label={t('attachments.staged')}>
          {staged.map((item) => (
            <StagedFile
              key={item.key}
              item={item}
              onChange={(patch) => update(item.key, patch)}
              onUpload={() => void upload(item)}
              onCancel={() => item.controller?.abort()}
              onDiscard={() => setStaged((list) => list.filter((entry) => entry.key !== item.key))}
            />
          ))}
        </ul>
      )}
      <ErrorAlert error={failure} />
      <AttachmentList
        attachments={attachments}
        onDeleted={(id) => onChange((list) => list.filter((meta) => meta.id !== id))}
        onError={(error) => (error.code === 'VAULT_LOCKED' ? onVaultLocked() : setFailure(error))}
      />
    </section>
  );
}

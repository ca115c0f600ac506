// A source's stored document: attach (or replace) it with the same chunked, hashed upload as a
// case's attachments; open it; for a PDF, show its text page by page to take excerpts from.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { formatPercent, formatSize } from '../i18n/format';
import { uploadAttachment, UploadCancelled } from '../attachments/upload';
import { PdfPages } from './PdfPages';
import type { PageSelection } from './selection';

interface Props {
  source: Source;
  onUploaded: () => void;
  onUseSelection: (selection: PageSelection) => void;
  onVaultLocked: () => void;
}

export function DocumentPanel({ source, onUploaded, onUseSelection, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [upload, setUpload] = useState<{ name: string; size: number; sent: number; controller: AbortController } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const document = source.document;

  const send = async (file: File) => {
    const controller = new AbortController();
    setError(null);
    setUpload({ name: file.name, size: file.size, sent: 0, controller });
    try {
      await uploadAttachment({
        sourceId: source.id,
        file,
        documentDate: source.date,
        description: null,
        signal: controller.signal,
        onProgress: (sent) => setUpload((current) => (current ? { ...current, sent } : current)),
      });
      onUploaded();
    } catch (caught) {
      if (caught instanceof UploadCancelled) return;
      const failure = toApiError(caught);
      if (failure.code === 'VAULT_LOCKED') return onVaultLocked();
      setError(failure);
    } finally {
      setUpload(null);
    }
  };

  const percent = upload ? (upload.size === 0 ? 100 : Math.round((upload.sent / upload.size) * 100)) : 0;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        {t('evidence.document.title')}
      </h2>
      {document ? (
        <p>
          <span dir="auto">{document.name}</span>{' '}
          <span className="muted">
            {document.mediaType}, {formatSize(document.size, i18n.language)}
          </span>{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => api.attachments.open({ id: document.id }).catch((caught: unknown) => setError(toApiError(caught)))}
          >
            {t('attachments.open')}
          </button>
        </p>
      ) : (
        <p className="muted">{t('evidence.document.none')}</p>
      )}
      {upload ? (
        <div className="upload-progress">
          <label htmlFor={`${id}-progress`}>{t('attachments.uploading', { name: upload.name })}</label>
          <progress id={`${id}-progress`} max={100} value={percent}>
            {formatPercent(percent, i18n.language)}
          </progress>
          <button type="button" className="button" onClick={() => upload.controller.abort()}>
            {t('attachments.cancelUpload')}
          </button>
        </div>
      ) : (
        <div>
          <label htmlFor={`${id}-file`} className="button">
            {document ? t('evidence.document.replace') : t('evidence.document.attach')}
          </label>
          <input
            id={`${id}-file`}
            className="visually-hidden-input"
            type="file"
            accept=".pdf,.html,.htm,.txt,application/pdf,text/html,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void send(file);
            }}
          />
        </div>
      )}
      <ErrorAlert error={error} />
      {document?.mediaType === 'application/pdf' && (
        <PdfPages key={document.id} sourceId={source.id} onUseSelection={onUseSelection} onVaultLocked={onVaultLocked} />
      )}
    </section>
  );
}

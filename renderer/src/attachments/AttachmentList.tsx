// The documents in the vault for this case, with "Open" (in the system's viewer: the core writes a
// private decrypted copy and hands it over; no path reaches the renderer), "Save a copy" and
// "Delete" (after confirmation).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { saveCopy } from './download';
import { formatSize } from '../i18n/format';

interface Props {
  attachments: AttachmentMeta[];
  onDeleted: (id: string) => void;
  onError: (error: ApiError) => void;
}

export function AttachmentList({ attachments, onDeleted, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<AttachmentMeta | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const open = async (meta: AttachmentMeta) => {
    setOpening(meta.id);
    try {
      await api.attachments.open({ id: meta.id });
    } catch (caught) {
      onError(toApiError(caught));
    } finally {
      setOpening(null);
    }
  };
  if (attachments.length === 0) return <p className="muted">{t('attachments.none')}</p>;
  return (
    <>
      <table className="table attachments">
        <caption className="visually-hidden">{t('attachments.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('attachments.name')}</th>
            <th scope="col">{t('attachments.type')}</th>
            <th scope="col">{t('attachments.documentDate')}</th>
            <th scope="col">{t('attachments.size')}</th>
            <th scope="col">{t('attachments.sha256')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('attachments.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((meta) => (
            <tr key={meta.id}>
              <th scope="row">
                <span dir="auto">{meta.name}</span>
                {meta.description && (
                  <span className="attachments__description" dir="auto">
                    {meta.description}
                  </span>
                )}
              </th>
              <td>{meta.mediaType}</td>
              <td>{meta.documentDate ?? <span className="muted">{t('intake.notSet')}</span>}</td>
              <td>{formatSize(meta.size, i18n.language)}</td>
              <td>
                <code title={meta.sha256}>{meta.sha256.slice(0, 12)}…</code>
              </td>
              <td className="attachments__actions">
                <button type="button" className="button button--quiet" aria-disabled={opening === meta.id || undefined} onClick={() => opening !== meta.id && void open(meta)}>
                  {t('attachments.open')}
                  <span className="visually-hidden"> {meta.name}</span>
                </button>
                <button type="button" className="button button--quiet" onClick={() => void saveCopy(meta).catch((e: unknown) => onError(toApiError(e)))}>
                  {t('attachments.saveCopy')}
                  <span className="visually-hidden"> {meta.name}</span>
                </button>
                <button type="button" className="button button--quiet button--danger" onClick={() => setConfirming(meta)}>
                  {t('attachments.delete')}
                  <span className="visually-hidden"> {meta.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirming && (
        <ConfirmDelete
          meta={confirming}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            try {
              await api.attachments.delete({ id: confirming.id });
              onDeleted(confirming.id);
            } catch (caught) {
              onError(toApiError(caught));
            }
            setConfirming(null);
          }}
        />
      )}
    </>
  );
}

function ConfirmDelete({ meta, onClose, onConfirm }: { meta: AttachmentMeta; onClose: () => void; onConfirm: () => Promise<void> }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The safe choice has the focus.
    cancel.current?.focus();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby="delete-attachment-title" aria-describedby="delete-attachment-body" onClose={onClose}>
      <div className="form">
        <h2 id="delete-attachment-title">{t('attachments.deleteTitle')}</h2>
        <p id="delete-attachment-body">{t('attachments.deleteBody', { name: meta.name })}</p>
        <div className="form__actions">
          <button type="button" className="button" ref={cancel} onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button--danger-solid" onClick={() => void onConfirm()}>
            {t('attachments.deleteConfirm')}
          </button>
        </div>
      </div>
    </dialog>
  );
}

// The documents kept on the case, newest first: which template (and its version), language,
// format, when, size and SHA-256 (short; the whole hash in its tooltip), with Preview (PDFs, in
// the app), Open (in the system's word processor or PDF viewer), Save a copy and Delete.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion, TemplateSummary } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { formatShortDay, formatSize, formatTime } from '../i18n/format';
import { saveVersionCopy } from './bytes';
import { ConfirmDialog } from './ConfirmDialog';
import { templateTitle } from './useTemplates';

interface Props {
  versions: DocumentVersion[];
  templates: TemplateSummary[];
  previewing: string | null;
  onPreview: (version: DocumentVersion) => void;
  onDeleted: (id: string) => void;
  onError: (error: ApiError) => void;
}

export const isPdf = (version: DocumentVersion) => version.format !== 'docx';

export function VersionList({ versions, templates, previewing, onPreview, onDeleted, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState<DocumentVersion | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (version: DocumentVersion, action: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(version.id);
    try {
      await action();
    } catch (caught) {
      onError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  if (versions.length === 0) return <p className="muted">{t('documents.versions.none')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table doc-versions">
          <caption className="visually-hidden">{t('documents.versions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.versions.document')}</th>
              <th scope="col">{t('documents.versions.language')}</th>
              <th scope="col">{t('documents.versions.format')}</th>
              <th scope="col">{t('documents.versions.created')}</th>
              <th scope="col">{t('documents.versions.size')}</th>
              <th scope="col">{t('documents.versions.sha256')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('documents.versions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => {
              const template = templates.find((item) => item.id === version.templateId);
              const title = template ? templateTitle(template, i18n.language) : version.templateId;
              return (
                <tr key={version.id} aria-current={previewing === version.id || undefined}>
                  <th scope="row">
                    <span dir="auto">{version.name}</span>
                    <span className="doc-versions__template muted">
                      {t('documents.versions.templateVersion', { title, version: version.templateVersion })}
                    </span>
                  </th>
                  <td>{t(`languages.${version.language}`)}</td>
                  <td>{t(`documents.format.${version.format}`)}</td>
                  <td>
                    <time dateTime={version.createdAt}>
                      {formatShortDay(version.createdAt, i18n.language)}
                      <span className="doc-versions__time">{formatTime(version.createdAt, i18n.language)}</span>
                    </time>
                  </td>
                  <td>{formatSize(version.size, i18n.language)}</td>
                  <td>
                    <code title={version.sha256} aria-label={t('documents.versions.hash', { hash: version.sha256 })}>
                      {version.sha256.slice(0, 10)}…
                    </code>
                  </td>
                  <td className="doc-versions__actions">
                    <div className="doc-versions__buttons">
                      {isPdf(version) && (
                        <button type="button" className="button button--quiet" aria-pressed={previewing === version.id} onClick={() => onPreview(version)}>
                          {t('documents.versions.preview')}
                          <span className="visually-hidden"> {version.name}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-disabled={busy === version.id || undefined}
                        onClick={() => void run(version, () => api.documents.open({ id: version.id }))}
                      >
                        {t('documents.versions.open')}
                        <span className="visually-hidden"> {version.name}</span>
                      </button>
                      <button type="button" className="button button--quiet" onClick={() => void run(version, () => saveVersionCopy(version))}>
                        {t('documents.versions.saveCopy')}
                        <span className="visually-hidden"> {version.name}</span>
                      </button>
                      <button type="button" className="button button--quiet button--danger" onClick={() => setConfirming(version)}>
                        {t('documents.versions.delete')}
                        <span className="visually-hidden"> {version.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('documents.versions.deleteTitle')}
          confirmLabel={t('documents.versions.deleteConfirm')}
          danger
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            try {
              await api.documents.delete({ id: confirming.id });
              onDeleted(confirming.id);
            } catch (caught) {
              onError(toApiError(caught));
            }
          }}
        >
          <p>{t('documents.versions.deleteBody', { name: confirming.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

// The templates: those shipped with Briefcase and the clinic's own, with "Add template" from files
// (meta.json and one .md per language) or from a folder holding them, and "Remove" for a clinic's
// template. A template is untrusted input (clinics share them): the core checks it and a broken
// one is refused with each problem as "file:line — reason".
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ConfirmDialog } from './ConfirmDialog';
import { DocumentError } from './DocumentError';
import { pickedFiles, readTemplateFiles } from './templateFiles';
import { templateTitle } from './useTemplates';

interface Props {
  templates: TemplateSummary[];
  onChanged: () => void;
  onClose: () => void;
  onVaultLocked: () => void;
}

/** The folder picker: not in React's typings, so passed as a plain attribute. */
const FOLDER_PICKER = { webkitdirectory: '', directory: '' } as Record<string, string>;

export function TemplatesDialog({ templates, onChanged, onClose, onVaultLocked }: Props) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<TemplateSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<TemplateSummary | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    heading.current?.focus();
  }, []);

  const fail = (error: ApiError) => (error.code === 'VAULT_LOCKED' ? onVaultLocked() : setFailure(error));

  const add = async (list: FileList | null) => {
    setFailure(null);
    setLocalProblem(null);
    setAdded(null);
    const files = pickedFiles(list);
    if (files.length === 0) return;
    setBusy(true);
    try {
      const read = await readTemplateFiles(files);
      if (!read.ok) {
        setLocalProblem(t(`documents.templates.${read.reason}`, { file: read.file ?? '', max: 10 }));
        return;
      }
      const summary = await api.documents.addTemplate(read.upload);
      setAdded(summary);
      onChanged();
    } catch (caught) {
      fail(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog dialog--wide"
      aria-labelledby="templates-title"
      // React passes a nested dialog's close up the tree: only this dialog's own closing counts.
      onClose={(event) => event.target === event.currentTarget && onClose()}
    >
      <div className="form doc-templates" aria-busy={busy}>
        <h2 id="templates-title" ref={heading} tabIndex={-1}>
          {t('documents.templates.title')}
        </h2>
        <table className="table">
          <caption className="visually-hidden">{t('documents.templates.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.templates.name')}</th>
              <th scope="col">{t('documents.templates.languages')}</th>
              <th scope="col">{t('documents.templates.version')}</th>
              <th scope="col">{t('documents.templates.origin')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('documents.templates.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => {
              const title = templateTitle(template, i18n.language);
              return (
                <tr key={template.id}>
                  <th scope="row">
                    <span dir="auto">{title}</span> <code className="muted">{template.id}</code>
                  </th>
                  <td>{template.languages.map((language) => t(`languages.${language}`)).join(', ')}</td>
                  <td>{template.version}</td>
                  <td>{t(`documents.templates.${template.origin}`)}</td>
                  <td>
                    {template.origin === 'clinic' && (
                      <button type="button" className="button button--quiet button--danger" onClick={() => setRemoving(template)}>
                        {t('documents.templates.remove')}
                        <span className="visually-hidden"> {title}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">{t('documents.templates.addHint')}</p>
        <div className="form__actions form__actions--start">
          <label htmlFor="template-files" className="button">
            {t('documents.templates.addFiles')}
          </label>
          <input
            id="template-files"
            className="visually-hidden-input"
            type="file"
            multiple
            accept=".json,.md,application/json,text/markdown,text/plain"
            disabled={busy}
            onChange={(event) => {
              void add(event.target.files);
              event.target.value = '';
            }}
          />
          <label htmlFor="template-folder" className="button">
            {t('documents.templates.addFolder')}
          </label>
          <input
            id="template-folder"
            className="visually-hidden-input"
            type="file"
            {...FOLDER_PICKER}
            disabled={busy}
            onChange={(event) => {
              void add(event.target.files);
              event.target.value = '';
            }}
          />
        </div>
        {busy && <p className="loading">{t('documents.templates.checking')}</p>}
        {added && (
          <p className="notice" role="status">
            {t('documents.templates.added', { title: templateTitle(added, i18n.language) })}
          </p>
        )}
        {localProblem && (
          <p className="alert" role="alert">
            {localProblem}
          </p>
        )}
        <DocumentError error={failure} listIssues />
        <div className="form__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('common.close')}
          </button>
        </div>
      </div>
      {removing && (
        <ConfirmDialog
          title={t('documents.templates.removeTitle')}
          confirmLabel={t('documents.templates.removeConfirm')}
          danger
          onClose={() => setRemoving(null)}
          onConfirm={async () => {
            try {
              await api.documents.removeTemplate({ id: removing.id });
              onChanged();
            } catch (caught) {
              fail(toApiError(caught));
            }
          }}
        >
          <p>{t('documents.templates.removeBody', { title: templateTitle(removing, i18n.language) })}</p>
        </ConfirmDialog>
      )}
    </dialog>
  );
}

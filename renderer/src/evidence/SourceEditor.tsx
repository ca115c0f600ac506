// One source: its metadata (all fields, "superseded by" among the other sources, method notes),
// then, once saved, its stored document (with the PDF's text for taking excerpts) and its excerpts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Excerpt, Source } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { BackIcon } from '../app/icons';
import { CurrencyWarning } from './CurrencyWarning';
import { DocumentPanel } from './DocumentPanel';
import { ExcerptsPanel } from './ExcerptsPanel';
import type { PageSelection } from './selection';
import { SourceFieldsForm } from './SourceFieldsForm';
import { draftOf, EMPTY_SOURCE, fieldOfIssue, fieldsOf, type SourceDraft } from './sourceForm';

interface Props {
  id: string | null;
  sources: Source[];
  onSaved: (id: string) => void;
  onDeleted: () => void;
  onChanged: () => void;
  onBack: () => void;
  onVaultLocked: () => void;
}

export function SourceEditor({ id, sources, onSaved, onDeleted, onChanged, onBack, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ source: Source; excerpts: Excerpt[] } | null>(null);
  const [draft, setDraft] = useState<SourceDraft | null>(id ? null : EMPTY_SOURCE);
  const [errors, setErrors] = useState<Partial<Record<keyof SourceDraft, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [reload, setReload] = useState(0);
  const [prefill, setPrefill] = useState<PageSelection | null>(null);

  useEffect(() => {
    if (!id) return;
    let current = true;
    api.evidence.getSource({ id }).then(
      (answer) => {
        if (!current) return;
        setLoaded(answer);
        setDraft((previous) => previous ?? draftOf(answer.source));
      },
      (caught: unknown) => {
        const error = toApiError(caught);
        if (!current) return;
        if (error.code === 'VAULT_LOCKED') onVaultLocked();
        else setFailure(error);
      },
    );
    return () => {
      current = false;
    };
  }, [id, reload, onVaultLocked]);

  const fail = (caught: unknown) => {
    const error = toApiError(caught);
    if (error.code === 'VAULT_LOCKED') return onVaultLocked();
    const placed: Partial<Record<keyof SourceDraft, string>> = {};
    for (const issue of error.issues) {
      const field = fieldOfIssue(issue.path);
      if (field && !placed[field]) placed[field] = issue.message;
    }
    setErrors(placed);
    if (Object.keys(placed).length === 0) setFailure(error);
    else document.getElementById(`source-${Object.keys(placed)[0]}`)?.focus();
  };

  const save = async () => {
    if (!draft) return;
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      const saved = await api.evidence.saveSource({ ...(id ? { id } : {}), source: fieldsOf(draft) });
      setLoaded((previous) => (previous ? { ...previous, source: saved } : { source: saved, excerpts: [] }));
      onSaved(saved.id);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!id) return;
    try {
      await api.evidence.deleteSource({ id });
      onDeleted();
    } catch (caught) {
      setConfirmDelete(false);
      fail(caught);
    }
  };

  const refresh = () => {
    setReload((n) => n + 1);
    onChanged();
  };

  return (
    <div className="stack source-editor">
      <button type="button" className="button button--link back-link" onClick={onBack}>
        <BackIcon />
        {t('evidence.sources.back')}
      </button>
      <section className="card" aria-labelledby="source-editor-title">
        <h2 id="source-editor-title" className="card__title" dir="auto">
          {id ? (loaded?.source.title ?? t('app.loading')) : t('evidence.sources.new')}
        </h2>
        {loaded && <CurrencyWarning currency={loaded.source.currency} />}
        {draft && (
          <form
            className="form"
            noValidate
            aria-busy={busy}
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <SourceFieldsForm draft={draft} errors={errors} sources={sources.filter((source) => source.id !== id)} onChange={(patch) => setDraft({ ...draft, ...patch })} />
            <ErrorAlert error={failure} />
            <div className="form__actions form__actions--start">
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('evidence.source.save')}
              </button>
              {id && !confirmDelete && (
                <button type="button" className="button button--danger" onClick={() => setConfirmDelete(true)}>
                  {t('evidence.source.delete')}
                </button>
              )}
              {id && confirmDelete && (
                <>
                  <button type="button" className="button button--danger-solid" onClick={() => void remove()}>
                    {t('evidence.source.deleteConfirm')}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
                    {t('common.cancel')}
                  </button>
                </>
              )}
            </div>
          </form>
        )}
        {!draft && <ErrorAlert error={failure} />}
      </section>
      {id && loaded && (
        <>
          <DocumentPanel source={loaded.source} onUploaded={refresh} onUseSelection={setPrefill} onVaultLocked={onVaultLocked} />
          <ExcerptsPanel
            source={loaded.source}
            excerpts={loaded.excerpts}
            prefill={prefill}
            onChanged={refresh}
            onVaultLocked={onVaultLocked}
          />
        </>
      )}
    </div>
  );
}

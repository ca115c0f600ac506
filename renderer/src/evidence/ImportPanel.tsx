// "Import…": a CSL-JSON, RIS or Briefcase library file, read as text in the page and sent whole.
// The core takes all of it or nothing: the result lists what was added and merged, a rejection
// every problem with its line or path.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult, Issue } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { ImportSummary } from './ImportSummary';

interface Props {
  onImported: () => void;
  /** What the import did, for the screen to show below its head (null: a new import started). */
  onOutcome: (outcome: ImportOutcome | null) => void;
  onVaultLocked: () => void;
}

export type ImportOutcome =
  | { kind: 'done'; name: string; result: ImportResult }
  | { kind: 'rejected'; name: string; issues: readonly Issue[] }
  | { kind: 'failed'; error: ApiError };

export function ImportPanel({ onImported, onOutcome: setOutcome, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await api.evidence.import({ content: await file.text(), format: 'auto' });
      setOutcome({ kind: 'done', name: file.name, result });
      onImported();
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      if (error.issues.length > 0) setOutcome({ kind: 'rejected', name: file.name, issues: error.issues });
      else setOutcome({ kind: 'failed', error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import" aria-busy={busy}>
      <label htmlFor={`${id}-file`} className="button">
        {t('evidence.import.choose')}
      </label>
      <input
        id={`${id}-file`}
        className="visually-hidden-input"
        type="file"
        accept=".json,.ris,.txt,application/json,application/x-research-info-systems,text/plain"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {busy && <p aria-live="polite">{t('evidence.import.reading')}</p>}
    </div>
  );
}

export function ImportOutcomeView({ outcome, onDismiss }: { outcome: ImportOutcome; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const message = (key: string) => (i18n.exists(key) ? t(key) : t('validation.invalid'));
  return (
    <>
      {outcome.kind === 'done' && <ImportSummary name={outcome.name} result={outcome.result} onDismiss={onDismiss} />}
      {outcome.kind === 'rejected' && (
        <div className="alert import__problems" role="alert">
          <p>{t('evidence.import.rejected', { name: outcome.name, count: outcome.issues.length })}</p>
          <ul>
            {outcome.issues.map((issue, index) => (
              <li key={index}>
                {issue.path && (
                  <code dir="ltr" className="import__path">
                    {issue.path}
                  </code>
                )}{' '}
                {message(issue.message)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome.kind === 'failed' && <ErrorAlert error={outcome.error} />}
    </>
  );
}

// The clinic's evidence settings: after how many months a source is flagged as old.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { TextField } from '../app/TextField';
import { evidenceSettingsChanged } from './useEvidenceSettings';

/** `onSaved`: currency flags already on screen were computed with the old limit: reload them. */
export function SettingsPane({ onVaultLocked, onSaved }: { onVaultLocked: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  useEffect(() => {
    let current = true;
    api.evidence.settings().then(
      (settings) => current && setValue(String(settings.maxAgeMonths)),
      (caught: unknown) => current && setError(toApiError(caught)),
    );
    return () => {
      current = false;
    };
  }, []);
  if (value === null) return <ErrorAlert error={error} />;
  const months = Number(value);
  const valid = Number.isInteger(months) && months >= 1 && months <= 600;
  return (
    <form
      className="form card settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        setError(null);
        api.evidence.setSettings({ maxAgeMonths: months }).then(
          (settings) => {
            evidenceSettingsChanged(settings);
            setSavedAt(Date.now());
            onSaved();
          },
          (caught: unknown) => {
            const failure = toApiError(caught);
            if (failure.code === 'VAULT_LOCKED') onVaultLocked();
            else setError(failure);
          },
        );
      }}
    >
      <h2 className="card__title">{t('evidence.settings.title')}</h2>
      <TextField
        id="evidence-max-age"
        label={t('evidence.settings.maxAge')}
        hint={t('evidence.settings.maxAgeHint')}
        type="number"
        inputMode="numeric"
        min={1}
        max={600}
        dir="ltr"
        value={value}
        errorKey={valid ? undefined : 'validation.maxAge'}
        onChange={(event) => {
          setValue(event.target.value);
          setSavedAt(null);
        }}
      />
      <ErrorAlert error={error} />
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={!valid}>
          {t('evidence.settings.save')}
        </button>
        <span aria-live="polite">{savedAt !== null ? t('evidence.settings.saved') : ''}</span>
      </div>
    </form>
  );
}

// The clinic's settings (idle lock, backups kept, retention; stored in the vault) and who uses this
// seat (the audit trail's "who"; stored with this computer's preferences). One form, two calls.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { idleSettingsChanged } from '../app/idleLock';
import { TextField } from '../app/TextField';
import { boundsOf, NUMBER_FIELDS, settingsForm, type SettingsFormInput, type SettingsFormOutput } from './settingsForm';

export function SettingsPanel({ onVaultLocked }: { onVaultLocked: () => void }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState, reset, setError } = useForm<SettingsFormInput, unknown, SettingsFormOutput>({
    resolver: zodResolver(settingsForm),
  });

  useEffect(() => {
    let current = true;
    Promise.all([api.settings.get(), api.prefs.get()]).then(
      ([settings, prefs]) => {
        if (!current) return;
        reset({ ...settings, userName: prefs.userName ?? '' });
        setLoaded(true);
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
  }, [reset, onVaultLocked]);

  const submit = handleSubmit(async ({ userName, ...settings }) => {
    setFailure(null);
    setSaved(false);
    try {
      const stored = await api.settings.update(settings);
      const prefs = await api.prefs.setUserName({ userName });
      reset({ ...stored, userName: prefs.userName ?? '' });
      // A new idle time counts from now: the window asks the core for its new deadline.
      idleSettingsChanged();
      setSaved(true);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      let placed = false;
      for (const issue of error.issues) {
        const field = [...NUMBER_FIELDS, 'userName' as const].find((name) => issue.path === name);
        if (!field) continue;
        setError(field, { type: 'server', message: issue.message }, { shouldFocus: !placed });
        placed = true;
      }
      if (!placed) setFailure(error);
    }
  });

  if (!loaded) return <ErrorAlert error={failure} />;
  const busy = formState.isSubmitting;
  const errors = formState.errors;
  return (
    <form className="form card settings" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby="clinic-settings-title">
      <h2 className="card__title" id="clinic-settings-title">
        {t('clinicSettings.title')}
      </h2>
      {NUMBER_FIELDS.map((field) => (
        <TextField
          key={field}
          id={`settings-${field}`}
          label={t(`clinicSettings.${field}`)}
          hint={t(`clinicSettings.${field}Hint`, boundsOf(field))}
          type="number"
          inputMode="numeric"
          {...boundsOf(field)}
          dir="ltr"
          errorKey={errors[field]?.message}
          {...register(field, { valueAsNumber: true, onChange: () => setSaved(false) })}
        />
      ))}
      <TextField
        id="settings-userName"
        label={t('clinicSettings.userName')}
        hint={t('clinicSettings.userNameHint')}
        type="text"
        autoComplete="name"
        errorKey={errors.userName?.message}
        {...register('userName', { onChange: () => setSaved(false) })}
      />
      <ErrorAlert error={failure} />
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('clinicSettings.save')}
        </button>
        <span aria-live="polite">{saved ? t('clinicSettings.saved') : ''}</span>
      </div>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { TextField } from '../app/TextField';
import { RememberCheckbox, RememberedActions } from './RememberedKey';
import { RevealToggle } from './RevealToggle';
import { unlockVaultForm, type UnlockVaultForm as Values } from './schemas';
import { VaultPath } from './VaultPath';

export function UnlockForm({ status, onOpened }: { status: VaultStatus; onOpened: (status: VaultStatus) => void }) {
  const { t } = useTranslation();
  const path = status.path;
  const keychain = status.keychain ?? 'unavailable';
  const [reveal, setReveal] = useState(false);
  const [remembered, setRemembered] = useState(status.remembered === true);
  const [rememberBusy, setRememberBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: ApiError; attempt: number } | null>(null);
  const { register, handleSubmit, formState, setValue, setFocus, control, clearErrors } = useForm<Values>({
    resolver: zodResolver(unlockVaultForm),
    // Remembering is off unless the person ticks it, every time.
    defaultValues: { passphrase: '', useOtherFile: false, remember: false, otherPath: '' },
  });
  const useOtherFile = useWatch({ control, name: 'useOtherFile' });

  const fail = (caught: unknown) => {
    const error = toApiError(caught);
    setFailure((previous) => ({ error, attempt: (previous?.attempt ?? 0) + 1 }));
    return error;
  };

  /** Unlock with, or forget, the key this computer remembers for the suggested vault. */
  const withRemembered = async (action: 'unlock' | 'forget') => {
    setRememberBusy(true);
    setFailure(null);
    try {
      if (action === 'unlock') return onOpened(await api.vault.unlockRemembered({}));
      setRemembered((await api.vault.forget({})).remembered === true);
    } catch (caught) {
      // A stale key is forgotten by the core: the passphrase is the way in now.
      if (fail(caught).code === 'NOTHING_REMEMBERED') setRemembered(false);
      setFocus('passphrase');
    } finally {
      setRememberBusy(false);
    }
  };

  const submit = handleSubmit(async ({ passphrase, useOtherFile: other, otherPath, remember }) => {
    try {
      onOpened(await api.vault.unlock({ passphrase, remember: remember && keychain === 'available', ...(other ? { path: otherPath.trim() } : {}) }));
    } catch (caught) {
      const error = fail(caught);
      // A passphrase that failed is of no further use in the field; clear it for the next try.
      setValue('passphrase', '');
      setFocus(error.code === 'WRONG_PASSPHRASE' || !other ? 'passphrase' : 'otherPath');
    }
  });

  const toggleOtherFile = () => {
    setValue('useOtherFile', !useOtherFile);
    clearErrors('otherPath');
    setFailure(null);
  };

  const busy = formState.isSubmitting;
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h1>{t('vault.unlock.title')}</h1>
      <p className="lead">{t('vault.unlock.intro')}</p>
      {remembered && !useOtherFile && (
        <RememberedActions
          keychain={keychain}
          busy={rememberBusy}
          onUnlock={() => void withRemembered('unlock')}
          onForget={() => void withRemembered('forget')}
        />
      )}
      {useOtherFile ? (
        <TextField
          id="vault-path"
          label={t('vault.unlock.otherFileLabel')}
          hint={t('vault.unlock.otherFileHint')}
          type="text"
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          errorKey={formState.errors.otherPath?.message}
          {...register('otherPath')}
        />
      ) : (
        <VaultPath path={path} />
      )}
      <button type="button" className="button button--link" aria-expanded={useOtherFile} onClick={toggleOtherFile}>
        {useOtherFile ? t('vault.unlock.useSuggested') : t('vault.unlock.otherFile')}
      </button>
      <TextField
        id="passphrase"
        label={t('vault.unlock.passphrase')}
        type={reveal ? 'text' : 'password'}
        autoComplete="current-password"
        autoFocus
        spellCheck={false}
        errorKey={formState.errors.passphrase?.message}
        {...register('passphrase')}
      />
      <RevealToggle id="reveal-passphrase" checked={reveal} onChange={setReveal} />
      <RememberCheckbox keychain={keychain} {...register('remember')} />
      {failure && <ErrorAlert key={failure.attempt} error={failure.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('vault.unlock.submitting') : t('vault.unlock.submit')}
        </button>
      </div>
    </form>
  );
}

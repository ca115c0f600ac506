import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { TextField } from '../app/TextField';
import { RevealToggle } from './RevealToggle';
import { createVaultForm, type CreateVaultForm as Values } from './schemas';
import { VaultPath } from './VaultPath';

export function CreateVaultForm({ path, onOpened }: { path: string; onOpened: (status: VaultStatus) => void }) {
  const { t } = useTranslation();
  const [reveal, setReveal] = useState(false);
  const [failure, setFailure] = useState<{ error: ApiError; attempt: number } | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: zodResolver(createVaultForm),
    defaultValues: { passphrase: '', confirm: '' },
  });

  const submit = handleSubmit(async ({ passphrase }) => {
    try {
      onOpened(await api.vault.create({ passphrase }));
    } catch (caught) {
      const error = toApiError(caught);
      const passphraseIssue = error.issues.find((issue) => issue.path === 'passphrase');
      if (passphraseIssue) setError('passphrase', { message: passphraseIssue.message }, { shouldFocus: true });
      setFailure((previous) => ({ error, attempt: (previous?.attempt ?? 0) + 1 }));
    }
  });

  const busy = formState.isSubmitting;
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h1>{t('vault.create.title')}</h1>
      <p className="lead">{t('vault.create.intro')}</p>
      <VaultPath path={path} />
      <TextField
        id="new-passphrase"
        label={t('vault.create.passphrase')}
        hint={t('vault.create.passphraseHint')}
        type={reveal ? 'text' : 'password'}
        autoComplete="new-password"
        autoFocus
        spellCheck={false}
        errorKey={formState.errors.passphrase?.message}
        {...register('passphrase')}
      />
      <TextField
        id="confirm-passphrase"
        label={t('vault.create.confirm')}
        type={reveal ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        errorKey={formState.errors.confirm?.message}
        {...register('confirm')}
      />
      <RevealToggle id="reveal-new-passphrase" checked={reveal} onChange={setReveal} />
      {failure && <ErrorAlert key={failure.attempt} error={failure.error} />}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('vault.create.submitting') : t('vault.create.submit')}
        </button>
      </div>
    </form>
  );
}

// The clinic's profile (name, address, contact), validated with the contract's own schema. The
// first save creates the clinic's keys (clinic.setup); later saves change only the profile.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type ClinicIdentity } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { TextField } from '../app/TextField';
import { ExchangeError } from './errors';

const schema = contract['clinic.setup'].input.shape.profile;
type Input = z.input<typeof schema>;
type Output = z.output<typeof schema>;
const fields = ['name', 'address', 'contact'] as const;

interface Props {
  identity: ClinicIdentity | null;
  onSaved: (identity: ClinicIdentity) => void;
  onCancel?: (() => void) | undefined;
  onVaultLocked: () => void;
}

export function ClinicProfileForm({ identity, onSaved, onCancel, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const profile = identity?.profile;
  const { register, handleSubmit, formState, setError } = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { name: profile?.name ?? '', address: profile?.address ?? '', contact: profile?.contact ?? '' },
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      onSaved(await api.clinic.setup({ profile: values }));
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      let placed = false;
      for (const issue of error.issues) {
        const field = fields.find((name) => issue.path === name || issue.path === `profile.${name}`);
        if (!field) continue;
        setError(field, { type: 'server', message: issue.message }, { shouldFocus: !placed });
        placed = true;
      }
      if (!placed) setFailure(error);
    }
  });

  const busy = formState.isSubmitting;
  return (
    <form className="form clinic-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-labelledby="clinic-form-title">
      <h2 id="clinic-form-title">{identity ? t('exchange.profile.editTitle') : t('exchange.profile.setupTitle')}</h2>
      {!identity && <p className="lead">{t('exchange.profile.setupIntro')}</p>}
      <TextField
        id="clinic-name"
        label={t('exchange.profile.name')}
        autoComplete="organization"
        maxLength={200}
        errorKey={formState.errors.name?.message}
        {...register('name')}
      />
      <div className={`field${formState.errors.address ? ' field--invalid' : ''}`}>
        <label htmlFor="clinic-address">{t('exchange.profile.address')}</label>
        <textarea
          id="clinic-address"
          className="input textarea"
          rows={3}
          maxLength={500}
          dir="auto"
          aria-invalid={formState.errors.address ? true : undefined}
          aria-describedby={formState.errors.address ? 'clinic-address-error' : undefined}
          {...register('address')}
        />
        {formState.errors.address?.message && (
          <p className="field__error" id="clinic-address-error">
            {t(formState.errors.address.message)}
          </p>
        )}
      </div>
      <TextField
        id="clinic-contact"
        label={t('exchange.profile.contact')}
        hint={t('exchange.profile.contactHint')}
        maxLength={200}
        errorKey={formState.errors.contact?.message}
        {...register('contact')}
      />
      <ExchangeError error={failure} />
      <div className="form__actions form__actions--start">
        <button type="submit" className="button button--primary" disabled={busy}>
          {identity ? t('exchange.profile.save') : t('exchange.profile.create')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

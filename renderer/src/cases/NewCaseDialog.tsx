// "New case" in a native modal <dialog>: showModal() makes the rest of the page inert (the focus
// stays inside) and Escape closes it. Validated with the contract's own schema for cases.create.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type Case } from '../../../preload/contract';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { TextField } from '../app/TextField';

const schema = contract['cases.create'].input;
type Input = z.input<typeof schema>;
type Output = z.output<typeof schema>;
const fields = ['reference', 'clientName'] as const;

interface Props {
  onClose: () => void;
  onCreated: (created: Case) => void;
  onVaultLocked: () => void;
}

export function NewCaseDialog({ onClose, onCreated, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const { register, handleSubmit, formState, setError, setFocus } = useForm<Input, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { reference: '', clientName: '' },
  });

  useEffect(() => {
    const element = dialog.current;
    // No close() on cleanup: it would fire `close` (and onClose) after a remount in StrictMode.
    // Unmounting removes the element, which takes it out of the top layer.
    if (element && !element.open) element.showModal();
    setFocus('reference');
  }, [setFocus]);

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      onCreated(await api.cases.create(values));
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      let placed = false;
      for (const issue of error.issues) {
        const field = fields.find((name) => name === issue.path);
        if (!field) continue;
        setError(field, { type: 'server', message: issue.message }, { shouldFocus: !placed });
        placed = true;
      }
      if (!placed && error.code === 'DUPLICATE_REFERENCE') {
        setError('reference', { type: 'server', message: 'errors.DUPLICATE_REFERENCE' }, { shouldFocus: true });
        placed = true;
      }
      if (!placed) setFailure(error);
    }
  });

  const busy = formState.isSubmitting;
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="new-case-title" onClose={onClose}>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <h2 id="new-case-title">{t('newCase.title')}</h2>
        <TextField
          id="case-reference"
          label={t('newCase.reference')}
          hint={t('newCase.referenceHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          errorKey={formState.errors.reference?.message}
          {...register('reference')}
        />
        <TextField
          id="case-client-name"
          label={t('newCase.clientName')}
          hint={t('newCase.clientNameHint')}
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          errorKey={formState.errors.clientName?.message}
          {...register('clientName')}
        />
        <ErrorAlert error={failure} />
        <div className="form__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('newCase.submitting') : t('newCase.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

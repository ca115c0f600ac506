// "Erase client…": erasing a case for good (cases.erase, main/core/gdpr/erase.ts) in a native modal
// <dialog>. The person types the case's reference as the confirmation; the core compares it (the
// rule lives there, not here) and answers CONFIRMATION_MISMATCH, shown on the field, when it differs.
// The text says what a person must know before: it cannot be undone, and older backups keep the
// data until they rotate out.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError, toApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { TextField } from '../app/TextField';
import './gdpr.css';

interface Props {
  caseId: string;
  reference: string;
  onClose: () => void;
  onErased: () => void;
  onVaultLocked: () => void;
}

export function EraseDialog({ caseId, reference, onClose, onErased, onVaultLocked }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    input.current?.focus();
  }, []);

  const erase = async () => {
    if (busy) return;
    setBusy(true);
    setFieldError(undefined);
    setFailure(null);
    try {
      await api.cases.erase({ caseId, confirmReference: typed });
      onErased();
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') return onVaultLocked();
      if (error.code === 'CONFIRMATION_MISMATCH' || error.code === 'INVALID_INPUT') {
        setFieldError(error.code === 'INVALID_INPUT' ? 'validation.required' : error.key);
        input.current?.focus();
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby="erase-title" aria-describedby="erase-body" onClose={onClose}>
      <form
        className="form"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          void erase();
        }}
      >
        <h2 id="erase-title">{t('gdpr.erase.title', { reference })}</h2>
        <div id="erase-body" className="erase-dialog__body">
          <p>{t('gdpr.erase.what')}</p>
          <p>
            <strong>{t('gdpr.erase.undo')}</strong>
          </p>
          <p>{t('gdpr.erase.backups')}</p>
        </div>
        <TextField
          id="erase-confirm"
          ref={input}
          label={t('gdpr.erase.typeReference', { reference })}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          errorKey={fieldError}
        />
        <ErrorAlert error={failure} />
        <div className="form__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--danger-solid" disabled={busy || typed.trim() === ''}>
            {busy ? t('gdpr.erase.working') : t('gdpr.erase.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

// Check or restore one backup. Both ask the passphrase the backup was made under (after a
// passphrase change, the old one). Restore also asks the person to confirm that the vault as it
// is now will be replaced, and says that this state is itself kept as a pre-restore backup.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCheck, BackupInfo } from '../../../preload/schemas/security';
import { api, toApiError, type ApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';

interface Props {
  mode: 'check' | 'restore';
  backup: BackupInfo;
  /** The backup as the list shows it (time and kind), for the dialog's heading. */
  label: string;
  onClose: () => void;
  onVaultLocked: () => void;
  onRestored: () => void;
}

export function BackupDialog({ mode, backup, label, onClose, onVaultLocked, onRestored }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const passphraseInput = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BackupCheck | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    passphraseInput.current?.focus();
  }, []);

  const submit = async () => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      if (mode === 'check') {
        setResult(await api.backups.check({ id: backup.id, passphrase }));
      } else {
        await api.backups.restore({ id: backup.id, passphrase });
        setPassphrase('');
        dialog.current?.close();
        onRestored();
      }
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'VAULT_LOCKED') onVaultLocked();
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const ready = passphrase.length > 0 && (mode === 'check' || confirmed) && !busy;
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      data-testid={`backup-${mode}-dialog`}
      onClose={(event) => event.target === event.currentTarget && onClose()}
    >
      <form
        className="form"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void submit();
        }}
      >
        <h2 id={`${id}-title`}>{t(mode === 'check' ? 'backups.checkTitle' : 'backups.restoreTitle')}</h2>
        <p>{label}</p>
        {mode === 'restore' && (
          <p className="alert" role="note">
            {t('backups.restoreWarning')}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{t('backups.passphrase')}</label>
          <input
            id={`${id}-passphrase`}
            ref={passphraseInput}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            maxLength={1000}
            aria-describedby={`${id}-passphrase-hint`}
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          <p className="field__hint" id={`${id}-passphrase-hint`}>
            {t('backups.passphraseHint')}
          </p>
        </div>
        {mode === 'restore' && (
          <div className="checkbox">
            <input id={`${id}-confirm`} type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
            <label htmlFor={`${id}-confirm`}>{t('backups.confirmReplace')}</label>
          </div>
        )}
        <div aria-live="polite" data-testid="backup-check-result">
          {result?.ok && <p>{t('backups.checkOk', { count: result.cases ?? 0, version: result.schemaVersion ?? '—' })}</p>}
          {result && !result.ok && (
            <p className="alert" role="alert">
              {t('backups.checkFailed')}
            </p>
          )}
        </div>
        <ErrorAlert error={failure} />
        <div className="form__actions">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('backups.cancel')}
          </button>
          <button type="submit" className={mode === 'restore' ? 'button button--danger-solid' : 'button button--primary'} disabled={!ready}>
            {t(mode === 'check' ? 'backups.checkButton' : 'backups.restoreButton')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

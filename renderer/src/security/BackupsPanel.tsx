// Backups in the app: the list (kind, when in the person's language, size), "Back up now", and per
// backup "Check" and "Restore…", each asking the passphrase the backup was made under
// (BackupDialog). After a restore the vault is another file's contents: the app starts over.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../preload/schemas/security';
import { api, toApiError, type ApiError } from '../api/client';
import { ErrorAlert } from '../app/ErrorAlert';
import { useApiLoad } from '../app/useApiLoad';
import { formatDateTime, formatNumber } from '../i18n/format';
import { BackupDialog } from './BackupDialog';

interface Props {
  onVaultLocked: () => void;
  onRestored: () => void;
}

export function BackupsPanel({ onVaultLocked, onRestored }: Props) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => api.backups.list(), []);
  const { data, error, reload } = useApiLoad(load, onVaultLocked);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState(false);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<{ mode: 'check' | 'restore'; backup: BackupInfo } | null>(null);

  const backUpNow = async () => {
    setBusy(true);
    setMade(false);
    setActionError(null);
    try {
      await api.backups.create();
      setMade(true);
      reload();
    } catch (caught) {
      const failure = toApiError(caught);
      if (failure.code === 'VAULT_LOCKED') onVaultLocked();
      else setActionError(failure);
    } finally {
      setBusy(false);
    }
  };

  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('backups.size.kib', { value: formatNumber(Math.max(1, Math.round(bytes / 1024)), i18n.language) })
      : t('backups.size.mib', { value: formatNumber(bytes / (1024 * 1024), i18n.language, 1) });

  return (
    <section className="card stack" aria-labelledby="backups-title" data-testid="backups-panel">
      <h2 id="backups-title" className="card__title">
        {t('backups.title')}
      </h2>
      <p className="muted">{t('backups.intro')}</p>
      <div className="form__actions form__actions--start">
        <button type="button" className="button button--primary" onClick={() => void backUpNow()} disabled={busy}>
          {t('backups.now')}
        </button>
      </div>
      <div aria-live="polite" data-testid="backups-status">
        {made && <p>{t('backups.made')}</p>}
      </div>
      <ErrorAlert error={actionError ?? error} />
      {data && data.items.length === 0 && <p className="muted">{t('backups.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="backups-table">
            <caption className="visually-hidden">{t('backups.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backups.createdColumn')}</th>
                <th scope="col">{t('backups.kindColumn')}</th>
                <th scope="col">{t('backups.sizeColumn')}</th>
                <th scope="col">{t('backups.actionsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((backup) => (
                <tr key={backup.id} data-backup-id={backup.id}>
                  <th scope="row">
                    <time dateTime={backup.createdAt}>{formatDateTime(backup.createdAt, i18n.language, true)}</time>
                  </th>
                  <td>{t(`backups.kind.${backup.kind}`)}</td>
                  <td>{size(backup.size)}</td>
                  <td>
                    <button type="button" className="button button--quiet" onClick={() => setDialog({ mode: 'check', backup })}>
                      {t('backups.check')}
                    </button>{' '}
                    <button type="button" className="button button--quiet" onClick={() => setDialog({ mode: 'restore', backup })}>
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog && (
        <BackupDialog
          mode={dialog.mode}
          backup={dialog.backup}
          label={`${formatDateTime(dialog.backup.createdAt, i18n.language, true)} · ${t(`backups.kind.${dialog.backup.kind}`)}`}
          onClose={() => setDialog(null)}
          onVaultLocked={onVaultLocked}
          onRestored={onRestored}
        />
      )}
    </section>
  );
}

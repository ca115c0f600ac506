// Locked: unlock the vault the core suggests, or create one when there is none yet (the first run,
// which also offers a demo vault of invented people). After a lock the app made on its own, a
// polite notice says why.
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../preload/contract';
import type { LockNotice } from '../app/idleLock';
import { CreateVaultForm } from './CreateVaultForm';
import { DemoOffer } from './DemoOffer';
import { UnlockForm } from './UnlockForm';

interface Props {
  status: VaultStatus;
  notice?: LockNotice | null;
  onOpened: (status: VaultStatus) => void;
}

export function VaultScreen({ status, notice = null, onOpened }: Props) {
  const { t } = useTranslation();
  return (
    <section className="panel panel--narrow vault-screen">
      {notice && (
        <p className="notice" role="status">
          {notice.reason === 'idle' ? t('lock.notice.idle', { count: notice.minutes }) : t('lock.notice.locked')}
        </p>
      )}
      {status.exists ? (
        <UnlockForm status={status} onOpened={onOpened} />
      ) : (
        <>
          <CreateVaultForm path={status.path} onOpened={onOpened} />
          <DemoOffer onOpened={onOpened} />
        </>
      )}
    </section>
  );
}

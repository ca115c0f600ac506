// Locked: unlock the vault the core suggests, or create one when there is none yet.
import type { VaultStatus } from '../../../preload/contract';
import { CreateVaultForm } from './CreateVaultForm';
import { UnlockForm } from './UnlockForm';

export function VaultScreen({ status, onOpened }: { status: VaultStatus; onOpened: (status: VaultStatus) => void }) {
  return (
    <section className="panel panel--narrow vault-screen">
      {status.exists ? (
        <UnlockForm path={status.path} onOpened={onOpened} />
      ) : (
        <CreateVaultForm path={status.path} onOpened={onOpened} />
      )}
    </section>
  );
}

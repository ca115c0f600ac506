// After a kill during a passphrase change: which of the two passphrases opens the vault. Each is
// tried on its own copy of the vault's files (database, WAL, shared memory, rollback journal, key
// file), because a successful unlock finishes the change (it drops `pending` from the key file)
// and would hide what the other passphrase would have done.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createApi } from '../../../main/core/api';
import { readKeyFile } from '../../../main/core/vault/keyfile';
import { FAST_KDF, tempDir } from '../helpers';

export interface Probe {
  /** The passphrases that opened their copy. */
  opened: string[];
  /** The error codes of those that did not. */
  refused: string[];
  /** Whether the kill left the key file naming both parameter sets (mid-change). */
  pending: boolean;
}

export async function probePassphrases(vaultPath: string, passphrases: readonly string[]): Promise<Probe> {
  const probe: Probe = { opened: [], refused: [], pending: readKeyFile(vaultPath).pending !== undefined };
  for (const passphrase of passphrases) {
    const dataDir = tempDir();
    const copy = join(dataDir, 'vault', basename(vaultPath));
    mkdirSync(dirname(copy));
    for (const name of readdirSync(dirname(vaultPath))) {
      if (name.startsWith(basename(vaultPath))) copyFileSync(join(dirname(vaultPath), name), join(dirname(copy), name));
    }
    const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
    const envelope = await api.call('vault.unlock', { path: copy, passphrase });
    api.close();
    if (envelope.ok) probe.opened.push(passphrase);
    else probe.refused.push(envelope.error.code);
  }
  return probe;
}

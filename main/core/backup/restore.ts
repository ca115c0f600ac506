// Restoring a chosen backup. Nothing is touched until the backup has passed its check with the
// passphrase given; the current vault is then itself kept as a 'pre-restore' backup, and the
// vault file and its key file are replaced by renames, so a crash leaves one whole vault.
import { copyFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { BriefcaseError } from '../errors';
import { readKeyFile, writeKeyFile } from '../vault/keyfile';
import { LATEST_SCHEMA_VERSION } from '../vault/migrations';
import type { Vault } from '../vault/vault';
import { backupKey, checkWithKey } from './check';
import { backUp } from './create';
import { backupPath, syncFile, syncFolder } from './folder';

export interface RestoreOptions {
  nativeBinding?: string | undefined;
  /** The api's lock (jobs cancelled, timers stopped, files in flight removed); vault.lock() alone otherwise. */
  lock?: () => void;
}

export async function restoreBackup(vault: Vault, id: string, passphrase: string, options: RestoreOptions = {}): Promise<void> {
  const vaultPath = vault.path;
  if (!vaultPath) throw new BriefcaseError('VAULT_LOCKED');
  const source = backupPath(vaultPath, id);
  const { key, params } = await backupKey(source, passphrase);
  let check;
  try {
    check = checkWithKey(source, key, options);
  } finally {
    key.fill(0);
  }
  if (!check.ok) throw new BriefcaseError('BACKUP_DAMAGED');
  if ((check.schemaVersion ?? 0) > LATEST_SCHEMA_VERSION) throw new BriefcaseError('VAULT_TOO_NEW');

  // From here on everything is synchronous: no other call (nor the hourly backup timer) can run
  // between the copy, the lock and the renames.
  // The copy is staged before the pre-restore backup, whose rotation might remove the source.
  removeStagedLeftovers(vaultPath);
  const staged = `${vaultPath}.restoring-${randomBytes(6).toString('hex')}`;
  try {
    copyFileSync(source, staged);
    syncFile(staged);
    backUp(vault.db, vaultPath, 'pre-restore');
  } catch (error) {
    rmSync(staged, { force: true });
    throw error;
  }

  (options.lock ?? (() => vault.lock()))();
  // Closing checkpointed the WAL into the old file; whatever remains belongs to the old vault (kept
  // in the pre-restore backup) and must never be replayed over the restored one.
  rmSync(`${vaultPath}-wal`, { force: true });
  rmSync(`${vaultPath}-shm`, { force: true });
  const header = { format: 'briefcase-vault-keys', version: 1 } as const;
  const current = readKeyFile(vaultPath).current;
  const sameKey = current.salt === params.salt && current.verifier === params.verifier;
  // As in a passphrase change (vault.ts rekey): while the file is swapped, the key file names both
  // parameter sets, so whichever file a crash leaves, its passphrase opens it.
  if (!sameKey) writeKeyFile(vaultPath, { ...header, current, pending: params });
  renameSync(staged, vaultPath);
  syncFolder(dirname(vaultPath));
  if (!sameKey) writeKeyFile(vaultPath, { ...header, current: params });
  await vault.unlock(vaultPath, passphrase);
}

/** A copy an interrupted restore staged beside the vault (encrypted, a backup's twin): removed before the next. */
function removeStagedLeftovers(vaultPath: string): void {
  const prefix = `${basename(vaultPath)}.restoring-`;
  for (const name of readdirSync(dirname(vaultPath))) {
    if (name.startsWith(prefix)) rmSync(join(dirname(vaultPath), name), { force: true });
  }
}

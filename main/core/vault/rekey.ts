// Changing the key the vault's database is encrypted under, without ever leaving it half-changed.
//
// SQLite3MultipleCiphers rekeys a file in place, in one rollback-journal transaction. A crash
// inside that transaction leaves a hot journal that neither key can roll back (found by the
// SIGKILL tests in test/unit/crash): page 1 in the file already carries the new key's salt, so
// the old key no longer reads it, and the journal's page images are under the old key, so the
// new key cannot roll it back. Neither passphrase opened the vault again.
//
// So the live file is never rekeyed. A copy is, and the copy replaces the live file in one rename:
//   1. the caller has checkpointed the WAL into the file and switched it off (journal_mode=DELETE),
//      so no -wal is left that SQLite could later apply to the other file;
//   2. the file is copied to `<vault>.rekeying`, the copy rekeyed on its own connection, closed
//      and fsynced (a crash here leaves the live file untouched, under the old key);
//   3. the caller closes its connection and calls `swapInRekeyed`: one rename, then the folder is
//      fsynced (from here the live file is under the new key).
// The key file names both parameter sets meanwhile (keyfile.ts), so whichever key the live file is
// under, its passphrase opens it. What a crash leaves of the copy is removed at the next open.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncDirectory } from '../files/sync-directory';
import { openEncrypted, registerFunctions } from './sqlite';

const rekeyingPath = (path: string) => `${path}.rekeying`;

/** Removes a copy an interrupted passphrase change left (never the live file: it has its own name). */
export function removeRekeyLeftovers(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${rekeyingPath(path)}${suffix}`, { force: true });
}

/** Step 2: the live file, copied and rekeyed under `newKey`, durable on disk. Throws without touching the live file. */
export function writeRekeyedCopy(path: string, oldKey: Buffer, newKey: Buffer, nativeBinding: string | undefined): void {
  // A WAL with frames would belong to the live file and be lost to (or misapplied after) the copy.
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) throw new Error('rekey: the WAL was not checkpointed');
  const copy = rekeyingPath(path);
  removeRekeyLeftovers(path);
  try {
    copyFileSync(path, copy);
    const db = openEncrypted(copy, oldKey, { nativeBinding });
    try {
      // Functions the schema's indexes use, in case the library rekeys by VACUUM.
      registerFunctions(db);
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
      db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    } finally {
      db.close();
    }
    const fd = openSync(copy, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    removeRekeyLeftovers(path);
    throw error;
  }
}

/** Step 3, with the live connection closed: the rekeyed copy becomes the vault in one rename. */
export async function swapInRekeyed(path: string): Promise<void> {
  renameSync(rekeyingPath(path), path);
  await syncDirectory(dirname(path));
}

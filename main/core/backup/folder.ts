// Where backups live: `<vault folder>/backups/` (0700), one `.bcvault` file per backup and beside
// it a copy of the vault's key file as it was when the backup was made (keyfile.ts), so a backup
// made before a passphrase change still opens with the passphrase of its time.
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupInfo } from '../../../preload/schemas/security';
import { BriefcaseError } from '../errors';
import { keyFilePath } from '../vault/keyfile';
import { parseBackupName, vaultTag } from './names';

export const backupsFolder = (vaultPath: string) => join(dirname(vaultPath), 'backups');

export function ensureBackupsFolder(vaultPath: string): string {
  const folder = backupsFolder(vaultPath);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700); // mkdir's mode is cut by the umask, and an existing folder keeps its own
  return folder;
}

/** The path of backup `id`; NOT_FOUND unless it is a backup of this vault and both its files exist. */
export function backupPath(vaultPath: string, id: string): string {
  const path = join(backupsFolder(vaultPath), id);
  if (parseBackupName(id)?.vault !== vaultTag(vaultPath) || !existsSync(path) || !existsSync(keyFilePath(path))) {
    throw new BriefcaseError('NOT_FOUND');
  }
  return path;
}

/** This vault's backups, newest first. Files in progress (`.part-…`) and backups without their key file are not listed. */
export function listBackups(vaultPath: string): BackupInfo[] {
  const folder = backupsFolder(vaultPath);
  if (!existsSync(folder)) return [];
  const tag = vaultTag(vaultPath);
  const items: BackupInfo[] = [];
  for (const id of readdirSync(folder)) {
    const parsed = parseBackupName(id);
    const path = join(folder, id);
    if (!parsed || parsed.vault !== tag || !existsSync(keyFilePath(path))) continue;
    const { kind, createdAt, schemaVersion } = parsed;
    items.push({ id, kind, createdAt, schemaVersion, size: statSync(path).size });
  }
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** What a crash in the middle of a backup left: `<name>.part-<random>` files are never a backup. */
export function removeUnfinished(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (/\.part-[0-9a-f]+$/.test(name) || /\.keys\.json\.tmp-\d+$/.test(name)) rmSync(join(folder, name), { force: true });
  }
}

export function removeBackup(vaultPath: string, id: string): void {
  const path = join(backupsFolder(vaultPath), id);
  // The database first: a key file without its backup is harmless, the reverse is an unreadable backup.
  rmSync(path, { force: true });
  rmSync(keyFilePath(path), { force: true });
}

/** fsync a file's contents (r+: Windows refuses to flush a read-only handle). */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * fsync a folder so a rename in it survives a power cut. Synchronous, unlike files/sync-directory.ts,
 * because the pre-migration backup runs inside Vault's synchronous open. Windows cannot open a
 * folder; NTFS makes the rename durable on its own.
 */
export function syncFolder(path: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

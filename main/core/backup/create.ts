// Making a backup: SQLite3MultipleCiphers writes `VACUUM INTO` targets with the source's cipher
// and key (tested: the file has no plain SQLite header, no client name in clear, and opens with
// the vault's key), so a backup is as encrypted as the vault it comes from, with no key in SQL text.
//
// Steps, so that a failed or interrupted backup leaves nothing that looks like one:
// `<name>.part-<random>` → integrity check → fsync → key file copy → rename → fsync the folder.
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ClinicSettings, type BackupInfo } from '../../../preload/schemas/security';
import { BriefcaseError } from '../errors';
import { getSettings } from '../settings/service';
import { keyFilePath, readKeyFile, writeKeyFile } from '../vault/keyfile';
import { schemaVersion } from '../vault/migrations';
import type { Db } from '../vault/sqlite';
import { ensureBackupsFolder, listBackups, removeBackup, removeUnfinished, syncFile, syncFolder } from './folder';
import { backupName, vaultTag, type BackupKind } from './names';
import { backupsToRemove } from './rotation';

/** A backup of the open vault, then rotation. Returns the new backup. */
export function backUp(db: Db, vaultPath: string, kind: BackupKind, now: Date = new Date()): BackupInfo {
  const info = writeBackup(db, vaultPath, kind, now);
  rotate(db, vaultPath, now);
  return info;
}

export function writeBackup(db: Db, vaultPath: string, kind: BackupKind, now: Date): BackupInfo {
  const folder = ensureBackupsFolder(vaultPath);
  removeUnfinished(folder);
  const version = schemaVersion(db);
  // Two backups in the same millisecond (a pre-restore right after a manual one) get distinct names.
  const tag = vaultTag(vaultPath);
  let at = now.getTime();
  while (existsSync(join(folder, backupName(kind, new Date(at), version, tag)))) at += 1;
  const id = backupName(kind, new Date(at), version, tag);
  const path = join(folder, id);
  const part = `${path}.part-${randomBytes(6).toString('hex')}`;
  let renamed = false;
  try {
    db.prepare('VACUUM INTO ?').run(part);
    chmodSync(part, 0o600);
    assertIntact(db, part);
    syncFile(part);
    // The key file as it is now: a later passphrase change must not lock this backup out.
    writeKeyFile(path, readKeyFile(vaultPath));
    renameSync(part, path);
    renamed = true;
    syncFolder(folder);
  } catch (error) {
    rmSync(part, { force: true });
    if (!renamed) rmSync(keyFilePath(path), { force: true });
    throw error;
  }
  const info = listBackups(vaultPath).find((item) => item.id === id);
  if (!info) throw new BriefcaseError('NOT_FOUND');
  return info;
}

/**
 * PRAGMA integrity_check on the written copy. ATTACH without KEY opens it with the main
 * connection's cipher and key: the same check proves the copy is readable with the vault's key.
 */
function assertIntact(db: Db, part: string): void {
  db.prepare('ATTACH ? AS bc_backup_check').run(part);
  try {
    const rows = db.pragma('bc_backup_check.integrity_check', { simple: false }) as { integrity_check: string }[];
    if (rows.some((row) => row.integrity_check !== 'ok')) throw new BriefcaseError('BACKUP_DAMAGED');
  } finally {
    db.exec('DETACH bc_backup_check');
  }
}

/** Removes what the rotation rule does not keep (ClinicSettings keepDaily/keepWeekly). */
export function rotate(db: Db, vaultPath: string, now: Date = new Date()): string[] {
  const removed = backupsToRemove(listBackups(vaultPath), keepSettings(db), now);
  for (const id of removed) removeBackup(vaultPath, id);
  return removed;
}

/** Before migration 010 (a pre-migration backup of an older vault) the defaults apply. */
function keepSettings(db: Db): ClinicSettings {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clinic_settings'").get();
  return hasTable ? getSettings(db) : ClinicSettings.parse({});
}

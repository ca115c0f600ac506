// A backup's file name says when it was made, why, at which schema version and of which vault, so
// the list is read from the folder alone, without opening (or decrypting) any backup:
//   2026-11-23T10-00-00-123Z-daily-v10.briefcase.bcvault   (+ its key file, ….bcvault.keys.json)
// The vault's name is in it because two vaults in one folder share its backups/ folder: neither
// may list, restore or rotate away the other's backups.
import { basename, extname } from 'node:path';
import type { BackupInfo } from '../../../preload/schemas/security';

export type BackupKind = BackupInfo['kind'];

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(daily|manual|pre-migration|pre-restore)-v(\d{1,6})\.([0-9A-Za-z_-]{1,60})\.bcvault$/;

export interface ParsedName {
  kind: BackupKind;
  createdAt: string;
  schemaVersion: number;
  /** The vault's file name, as vaultTag() gives it. */
  vault: string;
}

/** The vault's file name without its extension, in the characters a backup id allows. */
export function vaultTag(vaultPath: string): string {
  const name = basename(vaultPath, extname(vaultPath)) || basename(vaultPath);
  return name.replace(/[^0-9A-Za-z_-]/g, '_').slice(0, 60) || 'vault';
}

export function backupName(kind: BackupKind, createdAt: Date, schemaVersion: number, vault: string): string {
  const stamp = createdAt.toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${kind}-v${schemaVersion}.${vault}.bcvault`;
}

/** The parts of a backup's name, or null for any other file (a `.part-…` in progress, a key file). */
export function parseBackupName(name: string): ParsedName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis, kind, version, vault] = match;
  const createdAt = `${day}T${hours}:${minutes}:${seconds}.${millis}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { kind: kind as BackupKind, createdAt, schemaVersion: Number(version), vault: vault! };
}

// Checking a backup with its own key file: the passphrase is the one the backup was made under
// (after a passphrase change, the old one). The result names pages and tables, never content.
import { closeSync, openSync, readSync } from 'node:fs';
import type { BackupCheck } from '../../../preload/schemas/security';
import { BriefcaseError } from '../errors';
import { keyIfCorrect, type KdfParams } from '../vault/kdf';
import { readKeyFile } from '../vault/keyfile';
import { schemaVersion } from '../vault/migrations';
import { openEncrypted, PLAIN_SQLITE_HEADER, type Db } from '../vault/sqlite';

export interface UnlockedBackup {
  key: Buffer;
  params: KdfParams;
}

/** The backup's key for this passphrase (current or, mid-change, pending parameters); WRONG_PASSPHRASE. */
export async function backupKey(path: string, passphrase: string): Promise<UnlockedBackup> {
  let keyFile;
  try {
    keyFile = readKeyFile(path);
  } catch {
    throw new BriefcaseError('BACKUP_DAMAGED');
  }
  for (const params of [keyFile.current, keyFile.pending]) {
    if (!params) continue;
    const key = await keyIfCorrect(passphrase, params);
    if (key) return { key, params };
  }
  throw new BriefcaseError('WRONG_PASSPHRASE');
}

export async function checkBackup(path: string, passphrase: string, options: { nativeBinding?: string | undefined } = {}): Promise<BackupCheck> {
  const { key } = await backupKey(path, passphrase);
  try {
    return checkWithKey(path, key, options);
  } finally {
    key.fill(0);
  }
}

export function checkWithKey(path: string, key: Buffer, options: { nativeBinding?: string | undefined }): BackupCheck {
  const failed = (problem: string): BackupCheck => ({ ok: false, problems: [problem], schemaVersion: null, cases: null });
  if (startsPlain(path)) return failed('not encrypted');
  let db: Db;
  try {
    db = openEncrypted(path, key, { nativeBinding: options.nativeBinding, readonly: true });
  } catch {
    return failed('cannot be read with its key');
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = integrity.map((row) => row.integrity_check).filter((message) => message !== 'ok');
    const foreignKeys = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    for (const row of foreignKeys) problems.push(`foreign key: ${row.table} → ${row.parent}`);
    const hasCases = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cases'").get();
    const cases = hasCases ? (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n : null;
    return { ok: problems.length === 0, problems, schemaVersion: schemaVersion(db), cases };
  } catch {
    // A page that fails its HMAC shows up here, mid-check.
    return failed('damaged');
  } finally {
    db.close();
  }
}

function startsPlain(path: string): boolean {
  const head = Buffer.alloc(PLAIN_SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(PLAIN_SQLITE_HEADER);
}

// Shared by the backup tests: an api over a temporary vault, and every table read whole.
import { join } from 'node:path';
import { createApi, type Api } from '../../../main/core/api';
import type { Db } from '../../../main/core/vault/sqlite';
import { apiCalls, type ApiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

export interface BackupFixture extends ApiCalls {
  api: Api;
  dir: string;
  vaultPath: string;
  backupsDir: string;
}

/** The daily backup is checked just after unlock, not during it (backup/schedule.ts): wait for that check. */
export async function afterFirstBackupCheck(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

export async function openVault(): Promise<BackupFixture> {
  const dir = tempDir();
  const vaultPath = join(dir, 'clinic', 'briefcase.vault');
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF, firstBackupCheckMs: 0 });
  const calls = apiCalls(api);
  await calls.ok('vault.create', { path: vaultPath, passphrase: PASSPHRASE });
  return { ...calls, api, dir, vaultPath, backupsDir: join(dir, 'clinic', 'backups') };
}

/**
 * Every row of every table in sqlite_master (virtual tables and their shadow tables included),
 * each table's rows sorted, so two snapshots compare equal exactly when the stored data is equal.
 */
export function snapshotTables(db: Db): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all();
    snapshot[table] = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))).sort();
  }
  return snapshot;
}

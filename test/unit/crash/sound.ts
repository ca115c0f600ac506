// What every round of the crash tests checks first: the vault opens as the app opens it after a
// crash, and SQLite finds nothing wrong with it.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { createApi, type Api } from '../../../main/core/api';
import { apiCalls, readAllChunks } from '../api-calls';
import { FAST_KDF } from '../helpers';

/** Opens the vault as the app does after a crash (createApi + vault.unlock), in this process. */
export async function reopen(dataDir: string, path: string, passphrase: string): Promise<Api> {
  const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
  await apiCalls(api).ok('vault.unlock', { path, passphrase });
  return api;
}

/** integrity_check and foreign_key_check clean; no upload or import left half-done by the kill. */
export function expectSound(api: Api): void {
  const db = api.vault.db;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  expect(count("SELECT count(*) AS n FROM attachments WHERE state = 'pending'"), 'pending uploads removed at unlock').toBe(0);
  expect(count('SELECT count(*) AS n FROM imports') + count('SELECT count(*) AS n FROM import_staging'), 'import staging removed at unlock').toBe(0);
}

/** Every case as cases.export gives it, and each attachment's bytes hashed: what a person would miss. */
export async function caseContents(api: Api): Promise<Record<string, unknown>> {
  const { ok } = apiCalls(api);
  const { items } = await ok<{ items: { id: string }[] }>('cases.list', { limit: 500 });
  const out: Record<string, unknown> = {};
  for (const { id } of items) {
    const file = await ok<{ attachments: { id: string }[] }>('cases.export', { id });
    const bytes: Record<string, string> = {};
    for (const attachment of file.attachments) {
      bytes[attachment.id] = createHash('sha256').update(await readAllChunks(ok, 'attachments.read', attachment.id)).digest('hex');
    }
    out[id] = { file, bytes };
  }
  return out;
}

// The passphrase change rekeys a copy and renames it over the vault (main/core/vault/rekey.ts),
// because a crash inside SQLite3MultipleCiphers' in-place rekey left a vault neither passphrase
// opened (sigkill.test.ts found it). What that design promises besides surviving kills: the copy
// never outlives the change, and one a crash left is removed at the next open.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

const NEW_PASSPHRASE = 'another passphrase for the same vault';

async function vaultWithACase() {
  const dataDir = tempDir();
  const path = join(dataDir, 'clinic.vault');
  const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const { ok, failure } = apiCalls(api);
  await ok('vault.create', { path, passphrase: PASSPHRASE });
  const { id } = await ok<{ id: string }>('cases.create', { clientName: 'Amal Testdatter' });
  return { api, ok, failure, path, id };
}

const filesBeside = (path: string) => readdirSync(dirname(path)).filter((name) => name.startsWith(basename(path))).sort();

describe('passphrase change by rekeyed copy', () => {
  it('leaves no copy behind, keeps the vault in WAL mode and its cases, and only the new passphrase opens it', async () => {
    const { api, ok, failure, path, id } = await vaultWithACase();
    await ok('vault.rekey', { passphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE });
    expect(filesBeside(path).filter((name) => name.includes('.rekeying'))).toEqual([]);
    expect(api.vault.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // The connection is on the new file: writes after the change land in the vault.
    await ok('cases.create', { clientName: 'Samir Fiktiv' });
    await ok('vault.lock', {});

    expect((await failure('vault.unlock', { path, passphrase: PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
    await ok('vault.unlock', { path, passphrase: NEW_PASSPHRASE });
    const { items } = await ok<{ items: { id: string; clientName: string }[] }>('cases.list', {});
    expect(items.map((c) => c.clientName).sort()).toEqual(['Amal Testdatter', 'Samir Fiktiv']);
    expect(items.map((c) => c.id)).toContain(id);
    api.close();
  });

  it('a copy a crash left before the rename is removed at the next unlock, and the vault opens untouched', async () => {
    const { api, ok, path } = await vaultWithACase();
    await ok('vault.lock', {});
    // What a kill during writeRekeyedCopy leaves: a half-rekeyed copy and its hot journal.
    writeFileSync(`${path}.rekeying`, Buffer.alloc(8192, 7));
    writeFileSync(`${path}.rekeying-journal`, Buffer.alloc(4096, 9));

    await ok('vault.unlock', { path, passphrase: PASSPHRASE });
    expect(existsSync(`${path}.rekeying`)).toBe(false);
    expect(existsSync(`${path}.rekeying-journal`)).toBe(false);
    expect(await ok('vault.check', {})).toEqual({ ok: true, problems: [] });
    expect((await ok<{ total: number }>('cases.list', {})).total).toBe(1);
    api.close();
  });
});

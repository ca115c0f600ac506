// Failed unlocks, recorded while the vault is locked: a plaintext note beside the vault with the
// time and the seat's user only, moved into the log at the next unlock and then removed.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { failedUnlocksPath } from '../../../main/core/audit/failed-unlocks';
import type { AuditPage } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

async function lockedVault() {
  const dataDir = tempDir();
  const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const calls = apiCalls(api);
  await calls.ok('prefs.setUserName', { userName: 'Samir Fiktiv' });
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
  await calls.ok('vault.lock', {});
  return { api, ...calls, note: failedUnlocksPath(join(dataDir, 'briefcase.vault')) };
}

const listed = async (ok: ReturnType<typeof apiCalls>['ok']) => (await ok<AuditPage>('audit.list', {})).items.slice().reverse();

describe('failed unlocks', () => {
  it('notes each wrong passphrase beside the vault (time and user only) and moves them into the log at the next unlock', async () => {
    const { api, ok, failure, note } = await lockedVault();
    expect((await failure('vault.unlock', { passphrase: 'not the passphrase 1' })).code).toBe('WRONG_PASSPHRASE');
    expect((await failure('vault.unlock', { passphrase: 'not the passphrase 2' })).code).toBe('WRONG_PASSPHRASE');
    const lines = readFileSync(note, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(['actor', 'at', 'id', 'method']);
    expect(readFileSync(note, 'utf8')).not.toContain('not the passphrase');

    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(existsSync(note)).toBe(false);
    const entries = await listed(ok);
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'lock', 'failed_unlock', 'failed_unlock', 'unlock']);
    expect(entries[2]).toMatchObject({ actor: 'Samir Fiktiv', method: 'vault.unlock', at: lines[0]!.at, ids: [lines[0]!.id] });
    expect(await ok('audit.verify', {})).toMatchObject({ ok: true, entries: 5 });
    api.close();
  });

  it('records each noted attempt once, even when the note survived a crash after the unlock committed', async () => {
    const { api, ok, failure, note } = await lockedVault();
    await failure('vault.unlock', { passphrase: 'not the passphrase' });
    const kept = readFileSync(note, 'utf8');
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    await ok('vault.lock', {});
    appendFileSync(note, kept); // as if the file had not been removed
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await listed(ok)).filter((entry) => entry.action === 'failed_unlock')).toHaveLength(1);
    api.close();
  });

  it('ignores lines of the note that are not well-formed attempts', async () => {
    const { api, ok, note } = await lockedVault();
    appendFileSync(note, 'not json\n{"id":"x","at":"yesterday","actor":"a","method":"vault.unlock"}\n{"id":"3f0c8f57-2f3e-4b8e-9a51-6f1d2c3b4a01","at":"2026-01-01T00:00:00.000Z","actor":"Samir Fiktiv","method":"vault.unlock","extra":"Amal Testdatter"}\n');
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await listed(ok)).map((entry) => entry.action)).toEqual(['create', 'lock', 'unlock']);
    api.close();
  });

  it('records a wrong current passphrase given while unlocked (a passphrase change) straight into the log', async () => {
    const { api, ok, failure } = await lockedVault();
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    await failure('vault.rekey', { passphrase: 'not the passphrase', newPassphrase: 'another long passphrase' });
    expect((await listed(ok)).at(-1)).toMatchObject({ action: 'failed_unlock', method: 'vault.rekey', ids: [], fields: [] });
    api.close();
  });
});

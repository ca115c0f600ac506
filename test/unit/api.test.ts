// The handler table as every caller sees it: envelopes, validation, typed errors, no leaks.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, errorCodes } from '../../preload/contract';
import { createApi } from '../../main/core/api';
import { FAST_KDF, PASSPHRASE, fingerprint, tempDir } from './helpers';

function api(dataDir = tempDir()) {
  return createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
}

describe('api', () => {
  it('implements exactly the methods of the contract', async () => {
    const a = api();
    for (const method of Object.keys(contract)) {
      const envelope = await a.call(method, {});
      expect(envelope.ok === false ? envelope.error.code : 'ok').not.toBe('UNKNOWN_METHOD');
    }
  });

  it('refuses an unknown method', async () => {
    expect(await api().call('vault.destroy', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', key: 'errors.UNKNOWN_METHOD' } });
  });

  it('reports invalid input by path with i18n keys, and stores nothing', async () => {
    const a = api();
    await a.call('vault.create', { passphrase: PASSPHRASE });
    const result = await a.call('cases.create', { reference: '  ', clientName: 'Testa Fictiva', extra: 1 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        key: 'errors.INVALID_INPUT',
        issues: expect.arrayContaining([
          { path: 'reference', message: 'validation.required' },
          { path: '', message: 'validation.unknownField' },
        ]),
      },
    });
    expect(await a.call('cases.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    a.close();
  });

  it('refuses a passphrase shorter than 12 characters when creating a vault', async () => {
    const dataDir = tempDir();
    const result = await api(dataDir).call('vault.create', { passphrase: 'short' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'passphrase', message: 'validation.passphraseTooShort' }] } });
    expect(existsSync(join(dataDir, 'briefcase.vault'))).toBe(false);
  });

  it('answers VAULT_LOCKED for case methods while locked', async () => {
    expect(await api().call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED', key: 'errors.VAULT_LOCKED' } });
  });

  it('creates the vault in the data folder by default and remembers it', async () => {
    const dataDir = tempDir();
    const a = api(dataDir);
    expect(await a.call('vault.status', {})).toEqual({ ok: true, value: { state: 'locked', path: join(dataDir, 'briefcase.vault'), exists: false, keychain: 'unavailable', remembered: false, demo: false } });
    await a.call('vault.create', { passphrase: PASSPHRASE });
    a.close();
    const b = api(dataDir);
    expect(await b.call('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked', exists: true } });
    expect(await b.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    b.close();
  });

  it('uses any chosen path and remembers it for next time', async () => {
    const dataDir = tempDir();
    const path = join(tempDir(), 'elsewhere', 'clinic.vault');
    const a = api(dataDir);
    await a.call('vault.create', { path, passphrase: PASSPHRASE });
    a.close();
    expect(await api(dataDir).call('vault.status', {})).toMatchObject({ ok: true, value: { path, exists: true } });
  });

  it('a wrong passphrase is an envelope, not a throw, and leaves the vault file unchanged', async () => {
    const dataDir = tempDir();
    const a = api(dataDir);
    await a.call('vault.create', { passphrase: PASSPHRASE });
    await a.call('vault.lock', {});
    const file = join(dataDir, 'briefcase.vault');
    const before = fingerprint(file);
    expect(await a.call('vault.unlock', { passphrase: 'nope' })).toEqual({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', key: 'errors.WRONG_PASSPHRASE' },
    });
    expect(fingerprint(file)).toEqual(before);
  });

  it('turns unexpected failures into INTERNAL without their message', async () => {
    const seen: string[] = [];
    const a = createApi({ dataDir: tempDir(), version: '0', kdfCost: FAST_KDF, onInternalError: (m, kind) => seen.push(`${m}:${kind}`) });
    await a.call('vault.create', { passphrase: PASSPHRASE });
    a.vault.db.exec('DROP TABLE deadlines'); // breaks the list query underneath the service
    const result = await a.call('cases.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', key: 'errors.INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/deadlines|SQLITE|stack/i);
    expect(seen).toEqual(['cases.list:SqliteError']);
    a.close();
  });

  it('every error code has an i18n key of the same name', () => {
    for (const code of errorCodes) expect(`errors.${code}`).toMatch(/^errors\.[A-Z_]+$/);
  });

  it('serialises calls, so a second unlock cannot race the first', async () => {
    const dataDir = tempDir();
    const a = api(dataDir);
    await a.call('vault.create', { passphrase: PASSPHRASE });
    await a.call('vault.lock', {});
    const [first, second] = await Promise.all([
      a.call('vault.unlock', { passphrase: PASSPHRASE }),
      a.call('vault.unlock', { passphrase: PASSPHRASE }),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'VAULT_ALREADY_OPEN' } });
    a.close();
  });
});

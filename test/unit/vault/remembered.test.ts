// "Remember on this computer" through the api with a fake keychain (the real one is Electron's
// safeStorage, main/keychain.ts): only the keychain's ciphertext is stored, in the data folder and
// never beside the vault; an insecure or missing keychain is refused with nothing stored; the
// remembered key opens the vault until it is forgotten or the passphrase changes.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import type { Keychain } from '../../../main/core/platform';
import { rememberedDir, rememberedFile } from '../../../main/core/vault/remembered';
import type { KeychainState, VaultStatus } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

/** A stand-in for the OS keychain: seals by XOR with a secret pad and a marker, so the test can tell its output. */
function fakeKeychain(state: KeychainState = 'available'): Keychain & { sealed: Buffer[] } {
  const pad = Buffer.alloc(64, 0x5a);
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte, i) => byte ^ pad[i % pad.length]!));
  const sealed: Buffer[] = [];
  return {
    sealed,
    state: () => state,
    seal(secret) {
      if (state !== 'available') throw new Error('the fake keychain was used while not available');
      const out = Buffer.concat([Buffer.from('FAKE-SEALED:'), xor(secret)]);
      sealed.push(out);
      return out;
    },
    unseal: (bytes) => xor(bytes.subarray('FAKE-SEALED:'.length)),
  };
}

async function setUp(keychain: Keychain | undefined) {
  const dataDir = tempDir();
  const vaultDir = join(tempDir(), 'clinic share');
  mkdirSync(vaultDir);
  const vaultPath = join(vaultDir, 'clinic.vault');
  const make = () => createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF, platform: { openPath: async () => undefined, ...(keychain ? { keychain } : {}) } });
  const api = make();
  const calls = apiCalls(api);
  await calls.ok('vault.create', { path: vaultPath, passphrase: PASSPHRASE });
  await calls.ok('cases.create', { clientName: 'Amal Testdatter' });
  const { key } = api.vault.keyToRemember();
  await calls.ok('vault.lock', {});
  return { api, ...calls, dataDir, vaultDir, vaultPath, key };
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((name) => join(dir, name)).filter((path) => statSync(path).isFile());
}

describe('remember on this computer', () => {
  it('is off by default: an unlock stores nothing', async () => {
    const t = await setUp(fakeKeychain());
    const status = await t.ok<VaultStatus>('vault.unlock', { path: t.vaultPath, passphrase: PASSPHRASE });
    expect(status).toMatchObject({ state: 'unlocked', keychain: 'available', remembered: false });
    expect(filesUnder(t.dataDir).some((path) => path.startsWith(rememberedDir(t.dataDir)))).toBe(false);
    t.api.close();
  });

  it('stores only the keychain ciphertext (0600, in the data folder): the raw key is never on disk, nothing beside the vault', async () => {
    const keychain = fakeKeychain();
    const t = await setUp(keychain);
    const status = await t.ok<VaultStatus>('vault.unlock', { path: t.vaultPath, passphrase: PASSPHRASE, remember: true });
    expect(status).toMatchObject({ state: 'unlocked', remembered: true });
    await t.ok('vault.lock', {});

    const file = rememberedFile(t.dataDir, t.vaultPath);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(rememberedDir(t.dataDir)).mode & 0o777).toBe(0o700);
    }
    const record = JSON.parse(readFileSync(file, 'utf8')) as { sealed: string };
    expect(keychain.sealed).toHaveLength(1);
    expect(Buffer.from(record.sealed, 'base64').equals(keychain.sealed[0]!)).toBe(true);
    // The key in any spelling, in any file of the data folder or the vault's folder: none.
    const spellings = [t.key, Buffer.from(t.key.toString('hex')), Buffer.from(t.key.toString('base64'))];
    for (const path of [...filesUnder(t.dataDir), ...filesUnder(t.vaultDir)]) {
      const bytes = readFileSync(path);
      for (const spelling of spellings) expect(bytes.includes(spelling), path).toBe(false);
    }
    // A copied vault folder (or its backups) must not carry its key, not even sealed.
    for (const path of filesUnder(t.vaultDir)) {
      const bytes = readFileSync(path);
      expect(bytes.includes(keychain.sealed[0]!) || bytes.includes('briefcase-remembered-key'), path).toBe(false);
    }
    t.api.close();
  });

  it("refuses an insecure keychain (safeStorage's basic_text) with KEYCHAIN_INSECURE: vault stays locked, nothing stored", async () => {
    const keychain = fakeKeychain('insecure');
    const t = await setUp(keychain);
    expect((await t.failure('vault.unlock', { path: t.vaultPath, passphrase: PASSPHRASE, remember: true })).code).toBe('KEYCHAIN_INSECURE');
    expect(await t.ok<VaultStatus>('vault.status', {})).toMatchObject({ state: 'locked', keychain: 'insecure', remembered: false });
    expect(keychain.sealed).toEqual([]);
    expect(filesUnder(t.dataDir).some((path) => path.startsWith(rememberedDir(t.dataDir)))).toBe(false);
    t.api.close();
  });

  it('refuses without a keychain (CLI, harness) or with an unavailable one: KEYCHAIN_UNAVAILABLE', async () => {
    for (const keychain of [undefined, fakeKeychain('unavailable')]) {
      const t = await setUp(keychain);
      expect((await t.failure('vault.unlock', { path: t.vaultPath, passphrase: PASSPHRASE, remember: true })).code).toBe('KEYCHAIN_UNAVAILABLE');
      expect((await t.failure('vault.unlockRemembered', { path: t.vaultPath })).code).toBe('KEYCHAIN_UNAVAILABLE');
      expect(await t.ok<VaultStatus>('vault.status', {})).toMatchObject({ state: 'locked', keychain: 'unavailable', remembered: false });
      t.api.close();
    }
  });

  it('opens the vault with the remembered key, without the passphrase, until it is forgotten', async () => {
    const t = await setUp(fakeKeychain());
    await t.ok('vault.unlock', { path: t.vaultPath, passphrase: PASSPHRASE, remember: true });
    await t.ok('vault.lock', {});

    expect(await t.ok<VaultStatus>('vault.unlockRemembered', { path: t.vaultPath })).toMatchObject({ state: 'unlocked', path: t.vaultPath });
    const page = await t.ok<{ items: { clientName: string }[] }>('cases.list', {});
    expect(page.items.map((item) => item.clientName)).toEqual(['Amal Testdatter']);
    await t.ok('vault.lock', {});

    expect(await t.ok<VaultStatus>('vault.forget', { path: t.vaultPath })).toMatchObject({ state: 'locked', remembered: false });
    expect((await t.failure('vault.unlockRemembered', { path: t.vaultPath })).code).toBe('NOTHING_REMEMBERED');
    // Forgetting twice is fine.
    await t.ok('vault.forget', { path: t.vaultPath });
    t.api.close();
  });

  it('forgets the remembered key when the passphrase changes; an old record put back is refused and removed', async () => {
    const t = await setUp(fakeKeychain());
    await t.ok('vault.unlock', { path: t.vaultPath, passphrase: PASSPHRASE, remember: true });
    const oldRecord = readFileSync(rememberedFile(t.dataDir, t.vaultPath));
    const changed = await t.ok<VaultStatus>('vault.rekey', { passphrase: PASSPHRASE, newPassphrase: 'an entirely new passphrase' });
    expect(changed.remembered).toBe(false);
    await t.ok('vault.lock', {});
    expect((await t.failure('vault.unlockRemembered', { path: t.vaultPath })).code).toBe('NOTHING_REMEMBERED');

    // A record from before the change (a restored data folder) names the old salt: refused, removed.
    writeFileSync(rememberedFile(t.dataDir, t.vaultPath), oldRecord, { mode: 0o600 });
    expect((await t.failure('vault.unlockRemembered', { path: t.vaultPath })).code).toBe('NOTHING_REMEMBERED');
    expect((await t.ok<VaultStatus>('vault.status', {})).remembered).toBe(false);
    expect(t.api.vault.isUnlocked).toBe(false);
    t.api.close();
  });

  it('does not open a copy of the vault at another path', async () => {
    const t = await setUp(fakeKeychain());
    await t.ok('vault.unlock', { path: t.vaultPath, passphrase: PASSPHRASE, remember: true });
    await t.ok('vault.lock', {});
    const copy = join(tempDir(), 'copied.vault');
    copyFileSync(t.vaultPath, copy);
    copyFileSync(`${t.vaultPath}.keys.json`, `${copy}.keys.json`);
    expect((await t.failure('vault.unlockRemembered', { path: copy })).code).toBe('NOTHING_REMEMBERED');
    t.api.close();
  });
});

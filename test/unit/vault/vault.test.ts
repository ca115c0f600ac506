import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { keyFilePath, readKeyFile, writeKeyFile } from '../../../main/core/vault/keyfile';
import { keyIfCorrect, newKey } from '../../../main/core/vault/kdf';
import { LATEST_SCHEMA_VERSION } from '../../../main/core/vault/migrations';
import { openEncrypted } from '../../../main/core/vault/sqlite';
import { Vault } from '../../../main/core/vault/vault';
import { createCase, listCases } from '../../../main/core/cases/service';
import { FAST_KDF, PASSPHRASE, fingerprint, tempDir } from '../helpers';

const vaultIn = (dir: string) => join(dir, 'clinic.vault');

async function newVault(path: string): Promise<Vault> {
  const vault = new Vault({ kdfCost: FAST_KDF });
  await vault.create(path, PASSPHRASE);
  return vault;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BriefcaseError) return error.code;
    throw error;
  }
  return 'no error';
}

const allFiles = (path: string) => [path, `${path}-wal`, `${path}-shm`, keyFilePath(path)];

describe('vault', () => {
  it('creates, locks and unlocks; the case survives', async () => {
    const path = vaultIn(tempDir());
    const vault = await newVault(path);
    const created = createCase(vault.db, { reference: 'BC-1', clientName: 'Testa Fictiva' });
    vault.lock();
    expect(vault.isUnlocked).toBe(false);
    expect(() => vault.db).toThrow('VAULT_LOCKED');

    await vault.unlock(path, PASSPHRASE);
    expect(listCases(vault.db, { limit: 10, offset: 0 }).items.map((c) => c.id)).toEqual([created.id]);
    vault.lock();
  });

  it('keeps the key file beside the vault, with salt and parameters but never the key', async () => {
    const path = vaultIn(tempDir());
    const vault = await newVault(path);
    const keyFile = readKeyFile(path);
    expect(keyFile.current).toMatchObject({ algorithm: 'scrypt', ...FAST_KDF });
    expect(Buffer.from(keyFile.current.salt, 'base64')).toHaveLength(16);
    expect(keyFile.pending).toBeUndefined();
    expect(Object.keys(keyFile.current).sort()).toEqual(['N', 'algorithm', 'p', 'r', 'salt', 'verifier']);
    vault.lock();
  });

  it('sets the connection pragmas the issue requires', async () => {
    const vault = await newVault(vaultIn(tempDir()));
    const db = vault.db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(vault.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    vault.lock();
  });

  it('refuses to create over an existing file', async () => {
    const path = vaultIn(tempDir());
    (await newVault(path)).lock();
    const before = fingerprint(...allFiles(path));
    expect(await codeOf(new Vault({ kdfCost: FAST_KDF }).create(path, 'another passphrase 1'))).toBe('VAULT_EXISTS');
    expect(fingerprint(...allFiles(path))).toEqual(before);
  });

  describe('leaks nothing', () => {
    const name = 'Zuleika Quxbridge-Fictional';
    // The name as bytes in every encoding a database could plausibly hold it in.
    const needles = (text: string): Buffer[] => [
      ...[text, text.toLowerCase(), text.toUpperCase()].map((t) => Buffer.from(t, 'utf8')),
      Buffer.from(text, 'utf16le'),
      Buffer.from(text, 'utf16le').swap16(),
      Buffer.from(Buffer.from(text, 'utf8').toString('base64').slice(0, 24), 'latin1'),
      Buffer.from(Buffer.from(text, 'utf8').toString('hex'), 'latin1'),
    ];
    const contains = (file: string, text: string) => {
      if (!existsSync(file)) return false;
      const bytes = readFileSync(file);
      return needles(text).some((needle) => needle.length > 0 && bytes.includes(needle));
    };

    it('the check itself finds the name in a plain database', () => {
      const path = join(tempDir(), 'plain.db');
      const plain = new Database(path);
      plain.exec('CREATE TABLE t (x TEXT)');
      plain.prepare('INSERT INTO t VALUES (?)').run(name);
      plain.close();
      expect(contains(path, name)).toBe(true);
    });

    it('the database, its WAL and its shared-memory file never hold a client name, open or closed', async () => {
      const path = vaultIn(tempDir());
      const vault = await newVault(path);
      for (let i = 0; i < 50; i++) createCase(vault.db, { reference: `BC-${i}`, clientName: `${name} ${i}` });
      // While open, the last writes sit in the WAL.
      expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
      for (const file of allFiles(path)) expect(contains(file, name), file).toBe(false);
      vault.lock();
      for (const file of allFiles(path)) expect(contains(file, name), file).toBe(false);
    });

    it('a plain SQLite reader cannot open it', async () => {
      const path = vaultIn(tempDir());
      (await newVault(path)).lock();
      const plain = new Database(path, { readonly: true });
      expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
      plain.close();
      expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    });
  });

  describe('refusals change nothing', () => {
    it('a wrong passphrase is refused and the files stay byte-for-byte the same', async () => {
      const path = vaultIn(tempDir());
      (await newVault(path)).lock();
      const before = fingerprint(...allFiles(path));
      const vault = new Vault();
      expect(await codeOf(vault.unlock(path, 'not the passphrase'))).toBe('WRONG_PASSPHRASE');
      expect(vault.isUnlocked).toBe(false);
      expect(fingerprint(...allFiles(path))).toEqual(before);
    });

    it('a missing file is VAULT_NOT_FOUND and nothing is created', async () => {
      const path = vaultIn(tempDir());
      expect(await codeOf(new Vault().unlock(path, PASSPHRASE))).toBe('VAULT_NOT_FOUND');
      expect(existsSync(path)).toBe(false);
    });

    it('a plain SQLite database is NOT_A_VAULT', async () => {
      const path = vaultIn(tempDir());
      const plain = new Database(path);
      plain.exec('CREATE TABLE t (x TEXT)');
      plain.close();
      writeFileSync(keyFilePath(path), readFileSync(keyFilePath(await makeOther())));
      const before = fingerprint(path);
      expect(await codeOf(new Vault().unlock(path, PASSPHRASE))).toBe('NOT_A_VAULT');
      expect(fingerprint(path)).toEqual(before);
    });

    it('a document without a key file is NOT_A_VAULT', async () => {
      const path = join(tempDir(), 'letter.pdf');
      writeFileSync(path, Buffer.alloc(8192, 7));
      const before = fingerprint(path);
      expect(await codeOf(new Vault().unlock(path, PASSPHRASE))).toBe('NOT_A_VAULT');
      expect(fingerprint(path)).toEqual(before);
    });

    it('a damaged key file is NOT_A_VAULT', async () => {
      const path = vaultIn(tempDir());
      (await newVault(path)).lock();
      writeFileSync(keyFilePath(path), '{"format":"something else"}');
      const before = fingerprint(path);
      expect(await codeOf(new Vault().unlock(path, PASSPHRASE))).toBe('NOT_A_VAULT');
      expect(fingerprint(path)).toEqual(before);
    });

    it.each([
      ['mid-page', (size: number) => size - 1000],
      ['at a page boundary', (size: number) => size - 4096 * 2],
      ['to one page', () => 4096],
    ])('a vault truncated %s is VAULT_DAMAGED', async (_label, newSize) => {
      const path = vaultIn(tempDir());
      const vault = await newVault(path);
      for (let i = 0; i < 300; i++) createCase(vault.db, { reference: `BC-${i}`, clientName: `Client ${i} ${'x'.repeat(150)}` });
      vault.lock();
      truncateSync(path, newSize(statSync(path).size));
      const before = fingerprint(...allFiles(path));
      expect(await codeOf(new Vault({ kdfCost: FAST_KDF }).unlock(path, PASSPHRASE))).toBe('VAULT_DAMAGED');
      expect(fingerprint(...allFiles(path))).toEqual(before);
    });

    it('a vault from a newer Briefcase is VAULT_TOO_NEW', async () => {
      const path = vaultIn(tempDir());
      const vault = await newVault(path);
      vault.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      vault.lock();
      const before = fingerprint(...allFiles(path));
      expect(await codeOf(new Vault().unlock(path, PASSPHRASE))).toBe('VAULT_TOO_NEW');
      expect(fingerprint(...allFiles(path))).toEqual(before);
    });

    async function makeOther(): Promise<string> {
      const other = vaultIn(tempDir());
      (await newVault(other)).lock();
      return other;
    }
  });

  describe('passphrase change', () => {
    it('the new passphrase opens it, the old one no longer does', async () => {
      const path = vaultIn(tempDir());
      const vault = await newVault(path);
      const created = createCase(vault.db, { reference: 'BC-7', clientName: 'Testa Fictiva' });
      await vault.rekey(PASSPHRASE, 'a brand new passphrase');
      expect(vault.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(readKeyFile(path).pending).toBeUndefined();
      vault.lock();

      expect(await codeOf(vault.unlock(path, PASSPHRASE))).toBe('WRONG_PASSPHRASE');
      await vault.unlock(path, 'a brand new passphrase');
      expect(listCases(vault.db, { limit: 5, offset: 0 }).items[0]?.id).toBe(created.id);
      vault.lock();
    });

    it('needs the current passphrase', async () => {
      const path = vaultIn(tempDir());
      const vault = await newVault(path);
      const before = fingerprint(keyFilePath(path));
      expect(await codeOf(vault.rekey('wrong', 'a brand new passphrase'))).toBe('WRONG_PASSPHRASE');
      expect(fingerprint(keyFilePath(path))).toEqual(before);
      vault.lock();
    });

    // A crash between the steps of rekey() leaves the key file naming both parameter sets. The
    // database is then under one key or the other; the matching passphrase must open it.
    it('after a crash before the rekey ran, the old passphrase opens it and the new one is refused', async () => {
      const path = vaultIn(tempDir());
      (await newVault(path)).lock();
      const keyFile = readKeyFile(path);
      const pending = await newKey('the passphrase being set', FAST_KDF);
      writeKeyFile(path, { ...keyFile, pending: pending.params });

      const vault = new Vault();
      expect(await codeOf(vault.unlock(path, 'the passphrase being set'))).toBe('WRONG_PASSPHRASE');
      await vault.unlock(path, PASSPHRASE);
      expect(readKeyFile(path)).toEqual({ ...keyFile, pending: undefined });
      vault.lock();
    });

    it('after a crash once the rekey committed, the new passphrase opens it and the key file is settled', async () => {
      const path = vaultIn(tempDir());
      (await newVault(path)).lock();
      const keyFile = readKeyFile(path);
      const oldKey = await keyIfCorrect(PASSPHRASE, keyFile.current);
      const pending = await newKey('the passphrase being set', FAST_KDF);
      const db = openEncrypted(path, oldKey!);
      db.pragma('journal_mode = DELETE');
      db.pragma(`rekey="x'${pending.key.toString('hex')}'"`);
      db.close();
      writeKeyFile(path, { ...keyFile, pending: pending.params });

      const vault = new Vault();
      expect(await codeOf(vault.unlock(path, PASSPHRASE))).toBe('WRONG_PASSPHRASE');
      await vault.unlock(path, 'the passphrase being set');
      expect(readKeyFile(path).current).toEqual(pending.params);
      expect(readKeyFile(path).pending).toBeUndefined();
      vault.lock();
    });
  });

  it("removes the key file's temporary copies that killed processes left, not one a live process is writing", async () => {
    const path = vaultIn(tempDir());
    (await newVault(path)).lock();
    // A pid far above any Linux pid_max is never running; this process is.
    const dead = `${keyFilePath(path)}.tmp-4194399`;
    const live = `${keyFilePath(path)}.tmp-${process.pid}`;
    for (const file of [dead, live]) writeFileSync(file, '{}');
    const vault = new Vault({ kdfCost: FAST_KDF });
    await vault.unlock(path, PASSPHRASE);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    vault.lock();
  });

  it('integrity check reports ok on a healthy vault', async () => {
    const vault = await newVault(vaultIn(tempDir()));
    createCase(vault.db, { reference: 'BC-1', clientName: 'Testa Fictiva' });
    expect(vault.check()).toEqual({ ok: true, problems: [] });
    vault.lock();
  });
});

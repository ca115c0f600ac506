// The vault: one encrypted SQLite file per clinic seat, and the operations on it.
//
// Invariants (each has a test in test/unit/vault):
// - A wrong passphrase is recognised from the key file before the database is touched, so the
//   file stays byte-for-byte as it was.
// - A file that is not a vault, a damaged one and one from a newer Briefcase each get their own
//   error, and none of them is modified.
// - A passphrase change is atomic: after a crash at any point, one of the two passphrases opens it.
import { existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { backUp } from '../backup/create';
import { BriefcaseError } from '../errors';
import { keyIfCorrect, newKey, type KdfParams } from './kdf';
import { readKeyFile, removeKeyFileLeftovers, writeKeyFile, keyFilePath } from './keyfile';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations';
import { removeRekeyLeftovers, swapInRekeyed, writeRekeyedCopy } from './rekey';
import { configure, openEncrypted, PAGE_SIZE, PLAIN_SQLITE_HEADER, type Db } from './sqlite';

export interface VaultOptions {
  nativeBinding?: string | undefined;
  /** scrypt cost; tests lower it to keep the suite fast. The cost used is stored with the vault. */
  kdfCost?: { N: number; r: number; p: number } | undefined;
}

interface Open {
  db: Db;
  path: string;
  key: Buffer;
  params: KdfParams;
}

export class Vault {
  private open: Open | null = null;

  constructor(private readonly options: VaultOptions = {}) {}

  get isUnlocked(): boolean {
    return this.open !== null;
  }

  get path(): string | null {
    return this.open?.path ?? null;
  }

  /** The connection, for repositories. Throws VAULT_LOCKED when there is none. */
  get db(): Db {
    if (!this.open) throw new BriefcaseError('VAULT_LOCKED');
    return this.open.db;
  }

  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  async create(path: string, passphrase: string): Promise<void> {
    if (this.open) throw new BriefcaseError('VAULT_ALREADY_OPEN');
    if (existsSync(path)) throw new BriefcaseError('VAULT_EXISTS');
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const { key, params } = await newKey(passphrase, this.options.kdfCost);
    // Build the database under a temporary name and move it into place last, so a crash never
    // leaves a half-made vault where the app will look for one.
    const building = `${path}.creating`;
    for (const leftover of [building, `${building}-wal`, `${building}-shm`]) rmSync(leftover, { force: true });
    let db: Db | null = null;
    try {
      db = openEncrypted(building, key, { nativeBinding: this.options.nativeBinding });
      configure(db);
      migrate(db);
      db.close();
      db = null;
      writeKeyFile(path, { format: 'briefcase-vault-keys', version: 1, current: params });
      renameSync(building, path);
    } catch (error) {
      db?.close();
      rmSync(building, { force: true });
      key.fill(0);
      throw error;
    }
    this.open = { db: this.openChecked(path, key), path, key, params };
  }

  async unlock(path: string, passphrase: string): Promise<void> {
    if (this.open) throw new BriefcaseError('VAULT_ALREADY_OPEN');
    assertLooksLikeVault(path);
    const keyFile = readKeyFile(path);
    let params = keyFile.current;
    let key = await keyIfCorrect(passphrase, params);
    if (!key && keyFile.pending) {
      params = keyFile.pending;
      key = await keyIfCorrect(passphrase, params);
    }
    if (!key) throw new BriefcaseError('WRONG_PASSPHRASE');
    let db: Db;
    try {
      db = this.openChecked(path, key);
    } catch (error) {
      key.fill(0);
      // Mid-way through a passphrase change both parameter sets are in the key file, but the
      // database is under only one of them: the other passphrase is the one that works.
      if (keyFile.pending && error instanceof BriefcaseError && error.code === 'VAULT_DAMAGED') {
        throw new BriefcaseError('WRONG_PASSPHRASE');
      }
      throw error;
    }
    if (keyFile.pending) writeKeyFile(path, { format: 'briefcase-vault-keys', version: 1, current: params });
    this.open = { db, path, key, params };
  }

  /**
   * Unlock with a key remembered on this computer (vault/remembered.ts) instead of a passphrase.
   * `salt` names the key-file parameters the key was derived under: when neither parameter set
   * has it (the passphrase changed since), the key is stale and NOTHING_REMEMBERED is thrown
   * before the database is touched. Takes ownership of `key` (zeroed on failure and on lock).
   */
  unlockWithKey(path: string, key: Buffer, salt: string): void {
    if (this.open) throw new BriefcaseError('VAULT_ALREADY_OPEN');
    try {
      assertLooksLikeVault(path);
      const keyFile = readKeyFile(path);
      const params = [keyFile.current, keyFile.pending].find((candidate) => candidate?.salt === salt);
      if (!params) throw new BriefcaseError('NOTHING_REMEMBERED');
      const db = this.openChecked(path, key);
      if (keyFile.pending) writeKeyFile(path, { format: 'briefcase-vault-keys', version: 1, current: params });
      this.open = { db, path, key, params };
    } catch (error) {
      key.fill(0);
      // A key that does not open the database is as good as none (the file was replaced).
      if (error instanceof BriefcaseError && error.code === 'VAULT_DAMAGED') throw new BriefcaseError('NOTHING_REMEMBERED');
      throw error;
    }
  }

  /** A copy of the open vault's key and its salt, for remembering it; the caller zeroes the copy. */
  keyToRemember(): { key: Buffer; salt: string } {
    if (!this.open) throw new BriefcaseError('VAULT_LOCKED');
    return { key: Buffer.from(this.open.key), salt: this.open.params.salt };
  }

  lock(): void {
    if (!this.open) return;
    const { db, key } = this.open;
    this.open = null;
    try {
      db.close();
    } finally {
      key.fill(0);
    }
  }

  /** SQLite's full integrity check plus foreign keys. Messages name pages and tables, never content. */
  check(): { ok: boolean; problems: string[] } {
    const db = this.db;
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    const problems = integrity.map((row) => row.integrity_check).filter((message) => message !== 'ok');
    const foreignKeys = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    for (const row of foreignKeys) problems.push(`foreign key: ${row.table} → ${row.parent}`);
    return { ok: problems.length === 0, problems };
  }

  /**
   * Change the passphrase. SQLite3MultipleCiphers cannot rekey a WAL database, so the journal mode
   * goes to DELETE first; and a crash inside its in-place rekey leaves a file neither key opens, so
   * a rekeyed copy replaces the file in one rename (rekey.ts). The key file names both parameter
   * sets meanwhile; see keyfile.ts.
   */
  async rekey(passphrase: string, newPassphrase: string): Promise<void> {
    const open = this.open;
    if (!open) throw new BriefcaseError('VAULT_LOCKED');
    const oldKey = await keyIfCorrect(passphrase, open.params);
    if (!oldKey) throw new BriefcaseError('WRONG_PASSPHRASE');
    oldKey.fill(0);
    const next = await newKey(newPassphrase, this.options.kdfCost);
    const header = { format: 'briefcase-vault-keys', version: 1 } as const;
    writeKeyFile(open.path, { ...header, current: open.params, pending: next.params });
    try {
      open.db.pragma('wal_checkpoint(TRUNCATE)');
      open.db.pragma('journal_mode = DELETE');
      writeRekeyedCopy(open.path, open.key, next.key, this.options.nativeBinding);
    } catch (error) {
      writeKeyFile(open.path, { ...header, current: open.params });
      open.db.pragma('journal_mode = WAL');
      next.key.fill(0);
      throw error;
    }
    // From the rename on, the file is under the new key; until the connection on it is open the
    // vault counts as locked, so a failure below leaves it locked, never half-open.
    this.open = null;
    open.db.close();
    open.key.fill(0);
    try {
      await swapInRekeyed(open.path);
      writeKeyFile(open.path, { ...header, current: next.params });
      this.open = { ...open, db: this.openChecked(open.path, next.key), key: next.key, params: next.params };
    } catch (error) {
      next.key.fill(0);
      throw error;
    }
  }

  /** Open with a known-good key, refuse newer schemas untouched, then configure and migrate. */
  private openChecked(path: string, key: Buffer): Db {
    // What a passphrase change interrupted before its rename left (rekey.ts): never the live file.
    removeRekeyLeftovers(path);
    removeKeyFileLeftovers(path);
    let db: Db;
    try {
      db = openEncrypted(path, key, { nativeBinding: this.options.nativeBinding });
    } catch (error) {
      throw sqliteToVaultError(error);
    }
    try {
      const version = schemaVersion(db);
      if (version > LATEST_SCHEMA_VERSION) throw new BriefcaseError('VAULT_TOO_NEW');
      // No quick_check here: it decrypts every page (about 4 ms per MiB), which a vault holding
      // attachments cannot afford on each unlock. A truncated file is still caught: SQLite compares
      // the page count in the (authenticated) header with the file's size when reading the schema.
      // The full check is `vault check`.
      configure(db);
      // The way back if a migration goes wrong (backup/create.ts): made before any of them runs.
      if (version > 0 && version < LATEST_SCHEMA_VERSION) backUp(db, path, 'pre-migration');
      migrate(db);
      return db;
    } catch (error) {
      db.close();
      throw sqliteToVaultError(error);
    }
  }
}

/** Cheap checks on the raw file before any key is derived. */
function assertLooksLikeVault(path: string): void {
  if (!existsSync(path)) throw new BriefcaseError('VAULT_NOT_FOUND');
  if (!existsSync(keyFilePath(path))) throw new BriefcaseError('NOT_A_VAULT');
  const size = statSync(path).size;
  const head = Buffer.alloc(PLAIN_SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(PLAIN_SQLITE_HEADER)) throw new BriefcaseError('NOT_A_VAULT');
  if (size < PAGE_SIZE || size % PAGE_SIZE !== 0) throw new BriefcaseError('VAULT_DAMAGED');
}

function sqliteToVaultError(error: unknown): unknown {
  if (error instanceof BriefcaseError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB') {
    return new BriefcaseError('VAULT_DAMAGED');
  }
  return error;
}

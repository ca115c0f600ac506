// Opening the SQLite file with SQLCipher v4 encryption and the pragmas every connection needs.
//
// The derived 32-byte key is handed to the cipher raw (x'…'), so SQLCipher's own PBKDF2 is skipped:
// the passphrase is stretched once, by scrypt, in kdf.ts.
import Database from 'better-sqlite3-multiple-ciphers';
import { foldForSearch } from '../text';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron needs its own: see docs/native-module.md). */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}

/** SQLite's file header. An encrypted vault never starts with it: its first 16 bytes are the salt. */
export const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
export const PAGE_SIZE = 4096;

export function openEncrypted(path: string, key: Buffer, options: OpenOptions = {}): Db {
  const db = new Database(path, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    // Reading the schema is the first access that decrypts page 1: a wrong key fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Pragmas for a read-write vault connection. WAL + synchronous=FULL: a committed write survives power loss. */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  registerFunctions(db);
}

/** SQL functions the schema relies on: bc_fold folds case and diacritics as text.ts does. */
export function registerFunctions(db: Db): void {
  db.function('bc_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : text,
  );
}

/** A plain, unencrypted connection: used only by benchmarks as the baseline. */
export function openPlain(path: string, options: OpenOptions = {}): Db {
  return new Database(path, { nativeBinding: options.nativeBinding });
}

export function sqliteVersion(db: Db): string {
  return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}

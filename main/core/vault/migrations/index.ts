// The numbered migrations, in order. One file each; each has a test in test/unit/vault/migrations.
// A migration is applied in one transaction that also records it (schema_migrations and
// PRAGMA user_version), so a crash leaves the vault at the previous version, never half-way.
import { registerFunctions, type Db } from '../sqlite';
import m001 from './001_cases';
import m002 from './002_case_sections';
import m003 from './003_attachments';
import m004 from './004_case_search_text';
import m005 from './005_evidence';
import m006 from './006_evidence_rank_indexes';
import m007 from './007_documents';
import m008 from './008_exchange';
import m009 from './009_exchange_log_manifest';
import m010 from './010_clinic_settings';
import m011 from './011_audit';
import m012 from './012_demo_marker';
import m013 from './013_recent_cases';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Set when the migration rebuilds a table others point to: foreign keys are off while it runs
   * (they cannot be switched inside a transaction), and foreign_key_check must pass before commit.
   */
  foreignKeysOff?: boolean;
}

export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013];
export const LATEST_SCHEMA_VERSION = migrations.length;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Apply every migration above the vault's version. Returns the versions applied. */
export function migrate(db: Db, upTo: number = LATEST_SCHEMA_VERSION): number[] {
  registerFunctions(db); // migrations may call them (004 folds existing rows)
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version > upTo || migration.version <= schemaVersion(db)) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      apply(db, migration);
    } finally {
      if (migration.foreignKeysOff) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
    applied.push(migration.version);
  }
  return applied;
}

function apply(db: Db, migration: Migration): void {
  db.transaction(() => {
    db.exec(migration.sql);
    if (migration.foreignKeysOff && db.prepare('PRAGMA foreign_key_check').all().length > 0) {
      throw new Error('foreign key check failed');
    }
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      migration.version,
      migration.name,
      new Date().toISOString(),
    );
    db.pragma(`user_version = ${migration.version}`);
  })();
}

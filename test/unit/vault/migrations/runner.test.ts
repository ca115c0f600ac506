// The migration runner: numbering, and all-or-nothing application.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrate, migrations, schemaVersion } from '../../../../main/core/vault/migrations';

describe('migration runner', () => {
  it('numbers migrations 1..n without gaps, one per file', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: migrations.length }, (_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('a failing migration leaves the schema and version as they were', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken = { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half (x TEXT) STRICT; INSERT INTO nowhere VALUES (1);' };
    migrations.push(broken);
    try {
      expect(() => migrate(db, broken.version)).toThrow(/no such table/);
    } finally {
      migrations.pop();
    }
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
  });
});

// Migration 001 on an in-memory database: what it creates, that it records itself, and that the
// tables are STRICT and constrained.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(migrate(db, 1)).toEqual([1]);
  return db;
}

describe('001_cases', () => {
  it('creates cases and deadlines as STRICT tables and records version 1', () => {
    const db = migrated();
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(tables).toEqual(
      expect.arrayContaining([
        { name: 'cases', strict: 1 },
        { name: 'deadlines', strict: 1 },
        { name: 'schema_migrations', strict: 1 },
      ]),
    );
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([{ version: 1, name: 'cases' }]);
  });

  it('rejects an unknown status, a duplicate reference (any case) and a deadline without its case', () => {
    const db = migrated();
    const insert = db.prepare(
      "INSERT INTO cases (id, reference, client_name, status, created_at, updated_at) VALUES (?, ?, 'X', ?, 't', 't')",
    );
    insert.run('a', 'BC-1', 'intake');
    expect(() => insert.run('b', 'BC-2', 'lost')).toThrow(/CHECK/);
    expect(() => insert.run('c', 'bc-1', 'intake')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO deadlines (id, case_id, kind, due_on) VALUES ('d', 'nope', 'k', '2026-01-01')").run()).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('is applied once: a second migrate does nothing', () => {
    const db = migrated();
    expect(migrate(db, 1)).toEqual([]);
    expect(schemaVersion(db)).toBe(1);
  });
});

// Migration 013 on an in-memory database: recent_cases, one row per case, gone with its case.
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

it('013 adds recent_cases, whose rows go with their case', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 12);
  expect(migrate(db, 13)).toEqual([13]);
  expect(schemaVersion(db)).toBe(13);
  db.prepare("INSERT INTO cases (id, reference, client_name, status, created_at, updated_at) VALUES ('c1', 'R-1', 'Amal Testdatter', 'intake', 't', 't')").run();
  db.prepare("INSERT INTO recent_cases (case_id, opened_at) VALUES ('c1', '2026-01-01T00:00:00.000Z')").run();
  expect(() => db.prepare("INSERT INTO recent_cases (case_id, opened_at) VALUES ('c1', 'x')").run()).toThrow(/UNIQUE|PRIMARY/);
  expect(() => db.prepare("INSERT INTO recent_cases (case_id, opened_at) VALUES ('missing', 'x')").run()).toThrow(/FOREIGN KEY/);
  db.prepare("DELETE FROM cases WHERE id = 'c1'").run();
  expect(db.prepare('SELECT count(*) FROM recent_cases').pluck().get()).toBe(0);
});

// Migration 009 on an in-memory database: the log's digest column is renamed, rows and checks kept.
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

it('009 renames exchange_log.sha256 to manifest_sha256, keeping rows and the hex check', () => {
  const db = new Database(':memory:');
  migrate(db, 8);
  const digest = 'ab'.repeat(32);
  db.prepare("INSERT INTO exchange_log (id, at, direction, case_ids, clinics, via, sha256) VALUES ('e1', '2026-11-23T10:00:00.000Z', 'export', '[]', '[]', 'keys', ?)").run(digest);
  expect(migrate(db, 9)).toEqual([9]);
  expect(schemaVersion(db)).toBe(9);
  expect(db.prepare('SELECT manifest_sha256 FROM exchange_log').pluck().get()).toBe(digest);
  const insert = db.prepare("INSERT INTO exchange_log (id, at, direction, case_ids, clinics, via, manifest_sha256) VALUES (?, '2026-11-23T10:00:00.000Z', 'import', '[]', '[]', 'keys', ?)");
  expect(() => insert.run('e2', 'not hex')).toThrow(/CHECK/);
  insert.run('e3', 'cd'.repeat(32));
  expect(db.prepare('SELECT count(*) FROM exchange_log').pluck().get()).toBe(2);
});

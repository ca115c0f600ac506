// Migration 011 on an in-memory database: the audit_log table, append-only by its triggers.
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

it('011 adds audit_log, whose rows cannot be updated or deleted', () => {
  const db = new Database(':memory:');
  migrate(db, 10);
  expect(migrate(db, 11)).toEqual([11]);
  expect(schemaVersion(db)).toBe(11);
  db.prepare("INSERT INTO audit_log (seq, at, actor, action, method, hash) VALUES (1, '2026-01-01T00:00:00.000Z', 'a', 'create', 'cases.create', 'h')").run();
  expect(db.prepare('SELECT ids, fields FROM audit_log').get()).toEqual({ ids: '[]', fields: '[]' });
  expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
  expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  expect(() => db.prepare("INSERT INTO audit_log (seq, at, actor, action, method, hash) VALUES (0, 'x', 'a', 'b', 'c', 'h')").run()).toThrow(/CHECK/);
});

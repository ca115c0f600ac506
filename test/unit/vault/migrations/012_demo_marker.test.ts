// Migration 012 on an in-memory database: every vault starts as a real one (demo = 0); the marker
// is one row that holds only 0 or 1.
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';
import { isDemoVault, markAsDemo } from '../../../../main/core/demo/marker';

it('012 adds vault_kind: real by default, demo only when marked, one row of 0 or 1', () => {
  const db = new Database(':memory:');
  migrate(db, 11);
  expect(migrate(db, 12)).toEqual([12]);
  expect(schemaVersion(db)).toBe(12);
  expect(isDemoVault(db)).toBe(false);
  markAsDemo(db);
  expect(isDemoVault(db)).toBe(true);
  expect(() => db.prepare('UPDATE vault_kind SET demo = 2').run()).toThrow(/CHECK/);
  expect(() => db.prepare('INSERT INTO vault_kind (id, demo) VALUES (2, 1)').run()).toThrow(/CHECK/);
});

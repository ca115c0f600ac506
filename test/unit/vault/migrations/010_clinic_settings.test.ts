// Migration 010 on an in-memory database: one settings row with the documented defaults and bounds.
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

it('010 adds clinic_settings with one row of defaults, bounded as the schema is', () => {
  const db = new Database(':memory:');
  migrate(db, 9);
  expect(migrate(db, 10)).toEqual([10]);
  expect(schemaVersion(db)).toBe(10);
  expect(db.prepare('SELECT * FROM clinic_settings').all()).toEqual([{ id: 1, idle_minutes: 10, keep_daily: 7, keep_weekly: 4, retention_years: 5 }]);
  expect(() => db.prepare('UPDATE clinic_settings SET idle_minutes = 0').run()).toThrow(/CHECK/);
  expect(() => db.prepare('INSERT INTO clinic_settings (id) VALUES (2)').run()).toThrow(/CHECK/);
});

// Migration 006 on an in-memory database: the covering indexes exist and search ranking uses them.
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';
import { searchStatement } from '../../../../main/core/evidence/search-repository';

it('006 adds covering indexes that the candidate ranking reads instead of the tables', () => {
  const db = new Database(':memory:');
  expect(migrate(db, 5)).toEqual([1, 2, 3, 4, 5]);
  expect(migrate(db, 6)).toEqual([6]);
  expect(schemaVersion(db)).toBe(6);
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
  expect(names).toEqual(expect.arrayContaining(['excerpts_rank', 'sources_rank']));

  const { sql, params } = searchStatement({
    match: '"checkpoint"*', topic: [], place: [], profile: [], publisher: null, country: null,
    from: null, to: null, staleBefore: '2024-01-01', limit: 20, offset: 0,
  });
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n');
  expect(plan).toMatch(/COVERING INDEX excerpts_rank/);
  expect(plan).toMatch(/COVERING INDEX sources_rank/);
});

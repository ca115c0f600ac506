// Migration 004 on an in-memory database: existing cases get their folded search text.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

describe('004_case_search_text', () => {
  it('adds search_text and fills it for the cases already there', () => {
    const db = new Database(':memory:');
    expect(migrate(db, 3)).toEqual([1, 2, 3]);
    db.prepare(
      `INSERT INTO cases (id, reference, client_name, client_name_original, status, created_at, updated_at)
       VALUES ('00000000-0000-4000-8000-000000000001', 'KBH-2026-7', 'Søren Prøvesen', 'سورين', 'intake', 't', 't')`,
    ).run();

    expect(migrate(db, 4)).toEqual([4]);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT search_text FROM cases').get()).toEqual({ search_text: 'kbh-2026-7 soren provesen سورين' });
    const strict = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'cases'").get();
    expect(strict).toEqual({ strict: 1 });
  });
});

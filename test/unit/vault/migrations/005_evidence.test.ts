// Migration 005 on an in-memory database: existing attachments survive the rebuild, the new tables
// are STRICT, and the triggers keep the folded FTS index in step with excerpts and sources.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

const CASE = '00000000-0000-4000-8000-000000000001';

describe('005_evidence', () => {
  it('keeps attachments and their chunks, and makes case_id optional with source_id beside it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    db.prepare(`INSERT INTO cases (id, reference, client_name, status, created_at, updated_at) VALUES (?, 'R-1', 'Test Person', 'intake', 't', 't')`).run(CASE);
    db.prepare(
      `INSERT INTO attachments (id, case_id, name, media_type, size, sha256, added_at, state) VALUES ('a1', ?, 'x.pdf', 'application/pdf', 1, ?, 't', 'complete')`,
    ).run(CASE, 'a'.repeat(64));
    db.prepare(`INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES ('a1', 0, x'01')`).run();

    expect(migrate(db, 5)).toEqual([5]);
    expect(schemaVersion(db)).toBe(5);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT case_id, source_id FROM attachments').get()).toEqual({ case_id: CASE, source_id: null });
    expect(db.prepare('SELECT count(*) AS n FROM attachment_chunks').get()).toEqual({ n: 1 });
    // Deleting the case still cascades to the attachment and its chunks.
    db.prepare('DELETE FROM cases').run();
    expect(db.prepare('SELECT count(*) AS n FROM attachment_chunks').get()).toEqual({ n: 0 });
    for (const table of ['sources', 'excerpts', 'excerpt_tags', 'case_evidence', 'evidence_settings', 'evidence_tags', 'attachments']) {
      expect(db.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').get(table)).toEqual({ strict: 1 });
    }
  });

  it('indexes folded excerpt text, source title and publisher, and follows updates and deletes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.prepare(
      `INSERT INTO sources (id, publisher, title, kind, title_key, created_at, updated_at) VALUES ('s1', 'Udlændingestyrelsen', 'Report', 'coi_report', 'k', 't', 't')`,
    ).run();
    db.prepare(`INSERT INTO excerpts (id, source_id, text, page, created_at, updated_at) VALUES ('e1', 's1', 'Families live in Sjælsmark.', '3', 't', 't')`).run();
    const count = (q: string) => (db.prepare('SELECT count(*) AS n FROM excerpt_search WHERE excerpt_search MATCH ?').get(q) as { n: number }).n;
    expect(count('sjaelsmark')).toBe(1);
    expect(count('udlaendingestyrelsen')).toBe(1);
    db.prepare(`UPDATE sources SET title = 'Kærshovedgård' WHERE id = 's1'`).run();
    expect(count('kaershovedgard')).toBe(1);
    db.prepare(`UPDATE excerpts SET text = 'Avnstrup' WHERE id = 'e1'`).run();
    expect(count('sjaelsmark')).toBe(0);
    expect(count('avnstrup')).toBe(1);
    db.prepare(`DELETE FROM sources WHERE id = 's1'`).run();
    expect(count('avnstrup')).toBe(0);
  });
});

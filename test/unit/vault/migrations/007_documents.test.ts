// Migration 007 on an in-memory database: document versions belong to a case and go with it; a
// version's chunks go with the version; the checks refuse what the service must never store.
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

it('007 keeps generated documents per case, in chunks, and clinic templates', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(migrate(db, 6)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(migrate(db, 7)).toEqual([7]);
  expect(schemaVersion(db)).toBe(7);

  const caseRow = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'cases'").get() as { sql: string };
  expect(caseRow.sql).toMatch(/STRICT/);
  const columns = (db.prepare('PRAGMA table_info(cases)').all() as { name: string; notnull: number; dflt_value: unknown }[])
    .filter((c) => c.notnull && c.dflt_value === null && c.name !== 'id');
  const values = columns.map(() => "'x'");
  // A minimal case row, whatever the columns: every NOT NULL column without a default gets text.
  db.prepare(`INSERT INTO cases (id, ${columns.map((c) => c.name).join(', ')}) VALUES ('c1', ${values.join(', ')})`).run();

  const sha = 'a'.repeat(64);
  const insert = db.prepare(`INSERT INTO case_documents (id, case_id, template_id, template_version, language, format, name, media_type, size, sha256, created_at)
    VALUES (?, 'c1', 'brief', '1.0.0', ?, ?, 'brief.pdf', 'application/pdf', 3, ?, '2026-11-23T10:00:00.000Z')`);
  insert.run('d1', 'da', 'pdf', sha);
  db.prepare("INSERT INTO case_document_chunks (document_id, seq, data) VALUES ('d1', 0, x'010203')").run();
  expect(() => insert.run('d2', 'de', 'pdf', sha)).toThrow(/CHECK/);
  expect(() => insert.run('d3', 'da', 'odt', sha)).toThrow(/CHECK/);
  expect(() => insert.run('d4', 'da', 'pdf', 'A'.repeat(64))).toThrow(/CHECK/);

  db.prepare("DELETE FROM case_documents WHERE id = 'd1'").run();
  expect(db.prepare('SELECT count(*) AS n FROM case_document_chunks').get()).toEqual({ n: 0 });
  insert.run('d5', 'en', 'docx', sha);
  db.prepare("DELETE FROM cases WHERE id = 'c1'").run();
  expect(db.prepare('SELECT count(*) AS n FROM case_documents').get()).toEqual({ n: 0 });

  db.prepare(`INSERT INTO document_templates (id, version, meta, sources, added_at) VALUES ('clinic-letter', '1.0.0', '{}', '{"da":"x"}', 'now')`).run();
  expect(() => db.prepare(`INSERT INTO document_templates (id, version, meta, sources, added_at) VALUES ('bad', '1.0.0', 'not json', '{}', 'now')`).run()).toThrow(/CHECK/);
});

// Migration 003 on an in-memory database: the attachment tables, their constraints and cascades.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

const CASE = '00000000-0000-4000-8000-000000000001';
const SHA = 'a'.repeat(64);

function migrated(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(migrate(db, 3)).toEqual([1, 2, 3]);
  db.prepare("INSERT INTO cases (id, reference, client_name, status, created_at, updated_at) VALUES (?, 'BC-1', 'Testa Fictiva', 'intake', 't', 't')").run(
    CASE,
  );
  return db;
}

const insertAttachment = (db: Database.Database, id: string, state = 'complete', sha: string | null = SHA) =>
  db
    .prepare(
      `INSERT INTO attachments (id, case_id, name, media_type, size, sha256, added_at, state)
       VALUES (?, ?, 'letter.pdf', 'application/pdf', 3, ?, '2026-01-01T00:00:00.000Z', ?)`,
    )
    .run(id, CASE, sha, state);

describe('003_attachments', () => {
  it('creates attachments and attachment_chunks as STRICT tables and records version 3', () => {
    const db = migrated();
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name LIKE 'attachment%'").all();
    expect(tables).toEqual(
      expect.arrayContaining([
        { name: 'attachments', strict: 1 },
        { name: 'attachment_chunks', strict: 1 },
      ]),
    );
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 3').get()).toEqual({ name: 'attachments' });
  });

  it('refuses a bad state, a bad hash, a complete row without hash, an orphan and an oversized or empty chunk', () => {
    const db = migrated();
    expect(() => insertAttachment(db, 'x1', 'half')).toThrow(/CHECK/);
    expect(() => insertAttachment(db, 'x2', 'complete', 'A'.repeat(64))).toThrow(/CHECK/);
    expect(() => insertAttachment(db, 'x3', 'complete', 'ab')).toThrow(/CHECK/);
    expect(() => insertAttachment(db, 'x4', 'complete', null)).toThrow(/CHECK/);
    insertAttachment(db, 'p1', 'pending', null);
    expect(() =>
      db
        .prepare("INSERT INTO attachments (id, case_id, name, media_type, size, added_at) VALUES ('o', 'no-such-case', 'n', 't', 0, 't')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    const chunk = db.prepare('INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)');
    expect(() => chunk.run('nope', 0, Buffer.from('x'))).toThrow(/FOREIGN KEY/);
    expect(() => chunk.run('p1', 0, Buffer.alloc(1024 * 1024 + 1))).toThrow(/CHECK/);
    expect(() => chunk.run('p1', 0, Buffer.alloc(0))).toThrow(/CHECK/);
    expect(() => chunk.run('p1', 0, 'text, not bytes')).toThrow(/cannot store TEXT value in BLOB column/);
    chunk.run('p1', 0, Buffer.alloc(1024 * 1024));
    expect(() => chunk.run('p1', 0, Buffer.from('again'))).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('deleting a case deletes its attachments and their chunks; deleting an attachment deletes its chunks', () => {
    const db = migrated();
    insertAttachment(db, 'a1');
    insertAttachment(db, 'a2');
    const chunk = db.prepare('INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)');
    chunk.run('a1', 0, Buffer.from('abc'));
    chunk.run('a2', 0, Buffer.from('def'));
    db.prepare("DELETE FROM attachments WHERE id = 'a1'").run();
    expect(db.prepare('SELECT attachment_id FROM attachment_chunks').all()).toEqual([{ attachment_id: 'a2' }]);
    db.prepare('DELETE FROM cases WHERE id = ?').run(CASE);
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM attachment_chunks').get()).toEqual({ n: 0 });
  });

  it('is applied once', () => {
    const db = migrated();
    expect(migrate(db, 3)).toEqual([]);
  });
});

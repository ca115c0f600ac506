// Migration 002 on an in-memory database: the case_sections table, the rebuilt deadlines, clinic
// risk factors, and a vault made by 001 carried over with default sections.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CaseDetails, CaseRecord, Client } from '../../../../preload/contract';
import { Id } from '../../../../preload/schemas/text';
import { readCase } from '../../../../main/core/cases/store';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

function at(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  return db;
}

describe('002_case_sections', () => {
  it('creates STRICT tables and records version 2', () => {
    const db = at(2);
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(tables).toEqual(
      expect.arrayContaining([
        { name: 'case_sections', strict: 1 },
        { name: 'deadlines', strict: 1 },
        { name: 'risk_factor_definitions', strict: 1 },
      ]),
    );
    expect(schemaVersion(db)).toBe(2);
    const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('cases') as { name: string }[]).map((c) => c.name);
    expect(columns).toContain('client_name_original');
  });

  it('constrains sections: known names, JSON data, no data on the deadlines row, one row per section', () => {
    const db = at(2);
    db.prepare("INSERT INTO cases (id, reference, client_name, created_at, updated_at) VALUES ('c', 'R', 'X', 't', 't')").run();
    const insert = db.prepare('INSERT INTO case_sections (case_id, section, data, updated_at) VALUES (?, ?, ?, ?)');
    insert.run('c', 'client', '{"name":"X"}', 't');
    insert.run('c', 'deadlines', null, 't');
    expect(() => insert.run('c', 'secrets', '{}', 't')).toThrow(/CHECK/);
    expect(() => insert.run('c', 'timeline', 'not json', 't')).toThrow(/CHECK/);
    expect(() => insert.run('c', 'timeline', null, 't')).toThrow(/CHECK/);
    expect(() => insert.run('c', 'client', '{}', 't')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('nope', 'risks', '[]', 't')).toThrow(/FOREIGN KEY/);
    // Deadline ids are unique per case, not across the vault.
    db.prepare("INSERT INTO cases (id, reference, client_name, created_at, updated_at) VALUES ('d', 'S', 'Y', 't', 't')").run();
    const deadline = db.prepare("INSERT INTO deadlines (case_id, id, kind, due_on) VALUES (?, 'same', 'k', '2026-01-01')");
    deadline.run('c');
    deadline.run('d');
    expect(() => deadline.run('c')).toThrow(/UNIQUE|PRIMARY/);
  });

  it('carries a 001 vault over: default sections, the client named as before, deadlines kept in order with new ids', () => {
    const db = at(1);
    db.prepare(
      "INSERT INTO cases (id, reference, client_name, status, created_at, updated_at) VALUES ('9b0e7f4c-1d2a-4c3b-8e5f-6a7b8c9d0e1f', 'BC-1', 'Testa Fictiva', 'drafting', '2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z')",
    ).run();
    const add = db.prepare("INSERT INTO deadlines (id, case_id, kind, due_on, done) VALUES (?, '9b0e7f4c-1d2a-4c3b-8e5f-6a7b8c9d0e1f', ?, ?, ?)");
    add.run('d1', 'brief', '2026-12-10', 0);
    add.run('d2', 'hearing', '2026-12-01', 1);
    expect(migrate(db, 2)).toEqual([2]);

    const record = readCase(db, '9b0e7f4c-1d2a-4c3b-8e5f-6a7b8c9d0e1f');
    expect(CaseRecord.parse(record)).toEqual(record);
    expect(record.file.client).toEqual(Client.parse({ name: 'Testa Fictiva' }));
    expect(record.file.details).toEqual(CaseDetails.parse({ reference: 'BC-1', status: 'drafting' }));
    expect(record.file.household).toEqual([]);
    expect(record.revisions).toEqual({ details: 0, client: 0, household: 0, timeline: 0, deadlines: 0, risks: 0 });
    expect(record.file.deadlines.map((d) => [d.kind, d.dueOn, d.done, d.note])).toEqual([
      ['hearing', '2026-12-01', true, null],
      ['brief', '2026-12-10', false, null],
    ]);
    for (const d of record.file.deadlines) expect(Id.safeParse(d.id).success).toBe(true);
    expect(record.updatedAt).toBe('2025-02-01T00:00:00.000Z');
  });
});

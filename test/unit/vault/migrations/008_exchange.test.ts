// Migration 008 on an in-memory database: one clinic identity; at most one trusted partner per
// fingerprint (a revoked one may come back as a new row); the log's checks; exchange bases and
// import staging go with their case / import.
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../../main/core/vault/migrations';

const FP = '3F2A 9C1B 0000 1111 2222 3333 4444 5555';
const KEY = 'A'.repeat(43) + '=';

it('008 holds the clinic identity, partners, the exchange log, bases and import staging', () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(migrate(db, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(migrate(db, 8)).toEqual([8]);
  expect(schemaVersion(db)).toBe(8);
  for (const table of ['clinic_identity', 'partners', 'exchange_log', 'exchange_bases', 'imports', 'import_staging']) {
    const row = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string };
    expect(row.sql, table).toMatch(/STRICT\s*$/);
  }

  const identity = db.prepare(`INSERT INTO clinic_identity (id, profile, secrets, age_recipient, pq_recipient, signing_key, fingerprint, created_at, updated_at)
    VALUES (?, '{}', '{}', 'age1abc', NULL, ?, ?, 'now', 'now')`);
  identity.run(1, KEY, FP);
  expect(() => identity.run(2, KEY, FP)).toThrow(/CHECK/);
  expect(() => identity.run(1, KEY, FP)).toThrow(/UNIQUE|PRIMARY/);

  const partner = db.prepare(`INSERT INTO partners (id, profile, fingerprint, age_recipient, pq_recipient, signing_key, card, trusted_at, revoked_at)
    VALUES (?, '{"name":"Example Law Clinic South"}', ?, 'age1xyz', ?, ?, '{}', 'now', ?)`);
  partner.run('p1', FP, null, KEY, null);
  expect(() => partner.run('p2', FP, null, KEY, null)).toThrow(/UNIQUE/);
  expect(() => partner.run('p3', FP, 'age1xyz', KEY, null)).toThrow(/CHECK/);
  db.prepare("UPDATE partners SET revoked_at = 'later' WHERE id = 'p1'").run();
  partner.run('p2', FP, 'age1pq1xyz', KEY, null);
  expect(db.prepare('SELECT count(*) AS n FROM partners').get()).toEqual({ n: 2 });

  const log = db.prepare(`INSERT INTO exchange_log (id, at, direction, case_ids, clinics, via, sha256) VALUES (?, 'now', ?, ?, '[]', ?, ?)`);
  log.run('l1', 'export', '["c1"]', 'keys', 'a'.repeat(64));
  expect(() => log.run('l2', 'sideways', '[]', 'keys', 'a'.repeat(64))).toThrow(/CHECK/);
  expect(() => log.run('l3', 'import', '{}', 'keys', 'a'.repeat(64))).toThrow(/CHECK/);
  expect(() => log.run('l4', 'import', '[]', 'email', 'a'.repeat(64))).toThrow(/CHECK/);
  expect(() => log.run('l5', 'import', '[]', 'keys', 'A'.repeat(64))).toThrow(/CHECK/);

  const columns = (db.prepare('PRAGMA table_info(cases)').all() as { name: string; notnull: number; dflt_value: unknown }[])
    .filter((c) => c.notnull && c.dflt_value === null && c.name !== 'id');
  db.prepare(`INSERT INTO cases (id, ${columns.map((c) => c.name).join(', ')}) VALUES ('c1', ${columns.map(() => "'x'").join(', ')})`).run();
  db.prepare("INSERT INTO exchange_bases (case_id, file, updated_at) VALUES ('c1', '{}', 'now')").run();
  expect(() => db.prepare("INSERT INTO exchange_bases (case_id, file, updated_at) VALUES ('nope', '{}', 'now')").run()).toThrow(/FOREIGN KEY/);
  db.prepare("DELETE FROM cases WHERE id = 'c1'").run();
  expect(db.prepare('SELECT count(*) AS n FROM exchange_bases').get()).toEqual({ n: 0 });

  db.prepare("INSERT INTO imports (import_id, state, created_at) VALUES ('i1', 'staging', 'now')").run();
  expect(() => db.prepare("INSERT INTO imports (import_id, state, created_at) VALUES ('i2', 'done', 'now')").run()).toThrow(/CHECK/);
  const stage = db.prepare("INSERT INTO import_staging (import_id, path, seq, data, created_at) VALUES ('i1', ?, ?, ?, 'now')");
  stage.run('cases/c1.json', 0, Buffer.from('{}'));
  stage.run('attachments/empty', 0, Buffer.alloc(0));
  expect(() => stage.run('big', 0, Buffer.alloc(1024 * 1024 + 1))).toThrow(/CHECK/);
  db.prepare("DELETE FROM imports WHERE import_id = 'i1'").run();
  expect(db.prepare('SELECT count(*) AS n FROM import_staging').get()).toEqual({ n: 0 });
});

// The audit_log table (migration 011): append one entry, page through entries, verify the chain.
// Appending is one indexed read of the last row and one INSERT plus one SHA-256, so a recorded
// write is not noticeably slower (docs/security.md gives the measured cost).
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditAction, AuditEntry, AuditPage, AuditVerifyResult } from '../../../preload/schemas/security';
import type { Db } from '../vault/sqlite';
import { entryHash, GENESIS_HASH } from './chain';

/** An entry before it is chained: the log gives it its seq and hash. */
export interface AuditDraft {
  at?: string;
  actor: string;
  action: AuditAction;
  method: string;
  ids: string[];
  fields: string[];
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  method: string;
  ids: string;
  fields: string;
  hash: string;
}

const COLUMNS = 'seq, at, actor, action, method, ids, fields, hash';

/** The two statements every append runs, prepared once per connection (a reopened vault is a new one). */
const appendStatements = new WeakMap<Db, { last: Database.Statement<[]>; insert: Database.Statement<unknown[]> }>();

function statementsFor(db: Db) {
  let statements = appendStatements.get(db);
  if (!statements) {
    statements = {
      last: db.prepare<[]>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare<unknown[]>(`INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    };
    appendStatements.set(db, statements);
  }
  return statements;
}

export function appendEntry(db: Db, draft: AuditDraft): AuditEntry {
  const statements = statementsFor(db);
  const last = statements.last.get() as { seq: number; hash: string } | undefined;
  const chained = {
    seq: (last?.seq ?? 0) + 1,
    at: draft.at ?? new Date().toISOString(),
    actor: draft.actor,
    action: draft.action,
    method: draft.method,
    ids: draft.ids,
    fields: draft.fields,
  };
  const entry: AuditEntry = { ...chained, hash: entryHash(last?.hash ?? GENESIS_HASH, chained) };
  statements.insert.run(
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.method,
    JSON.stringify(entry.ids),
    JSON.stringify(entry.fields),
    entry.hash,
  );
  return entry;
}

/** A row as an entry; a row whose lists are not JSON arrays of strings (tampering) gives null. */
function toEntry(row: Row): AuditEntry | null {
  const list = (text: string): string[] | null => {
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
    } catch {
      return null;
    }
  };
  const ids = list(row.ids);
  const fields = list(row.fields);
  if (!ids || !fields) return null;
  return { seq: row.seq, at: row.at, actor: row.actor, action: row.action as AuditAction, method: row.method, ids, fields, hash: row.hash };
}

/** Newest first. */
export function listEntries(db: Db, { limit, offset }: { limit: number; offset: number }): AuditPage {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?`).all(limit, offset) as Row[];
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  return { items: rows.map((row) => toEntry(row) ?? { ...row, action: row.action as AuditAction, ids: [], fields: [] }), total };
}

/** Oldest first, every entry: for the export. */
export function* allEntries(db: Db): Generator<AuditEntry> {
  for (const row of db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<Row>) {
    yield toEntry(row) ?? { ...row, action: row.action as AuditAction, ids: [], fields: [] };
  }
}

/**
 * Walks the chain from the first entry: each must have the next seq (1, 2, 3…) and the hash that
 * follows from the previous hash and its own content. The first that does not is firstBadSeq:
 * an edited entry is itself bad; after a removed one, the one that followed it is; a changed seq
 * is bad where the order breaks. A cut-off tail leaves a valid shorter chain: only a head hash
 * written down earlier (headHash, kept by the DPO or in an exported log) shows that.
 */
export function verifyChain(db: Db): AuditVerifyResult {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let firstBadSeq: number | null = null;
  let entries = 0;
  let head: string | null = null;
  for (const row of db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`).iterate() as IterableIterator<Row>) {
    entries += 1;
    head = row.hash;
    if (firstBadSeq !== null) continue;
    const entry = toEntry(row);
    if (!entry || row.seq !== expectedSeq || entryHash(previous, entry) !== row.hash) {
      firstBadSeq = row.seq;
      continue;
    }
    previous = row.hash;
    expectedSeq += 1;
  }
  return { ok: firstBadSeq === null, entries, firstBadSeq, headHash: head };
}

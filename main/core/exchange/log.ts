// The exchange log (migration 008, exchange_log): every export and import, who, when, which cases,
// to or from which clinics. Case ids, clinic names and fingerprints and the SHA-256 of the signed
// manifest (migration 009: it names every entry by its hash, and both sides log the same one) only:
// never a client's name, a reference or any other case content, so the log can be shown or
// handed to a supervisor without opening a case.
import { randomUUID } from 'node:crypto';
import type { ExchangeLogEntry } from '../../../preload/schemas/exchange';
import type { Db } from '../vault/sqlite';

export type NewLogEntry = Omit<ExchangeLogEntry, 'id' | 'at'>;

export function logExchange(db: Db, entry: NewLogEntry, now = new Date()): ExchangeLogEntry {
  const row = { id: randomUUID(), at: now.toISOString(), ...entry };
  db.prepare('INSERT INTO exchange_log (id, at, direction, case_ids, clinics, via, manifest_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    row.id,
    row.at,
    row.direction,
    JSON.stringify(row.caseIds),
    // Only these two fields, whatever else the caller's objects carry.
    JSON.stringify(row.clinics.map((c) => ({ name: c.name, fingerprint: c.fingerprint }))),
    row.via,
    row.manifestSha256,
  );
  return row;
}

interface LogRow {
  id: string;
  at: string;
  direction: 'export' | 'import';
  case_ids: string;
  clinics: string;
  via: 'keys' | 'passphrase';
  manifest_sha256: string;
}

/** Newest first. */
export function listLog(db: Db): { items: ExchangeLogEntry[] } {
  const rows = db.prepare('SELECT * FROM exchange_log ORDER BY at DESC, rowid DESC').all() as LogRow[];
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      direction: r.direction,
      caseIds: JSON.parse(r.case_ids) as string[],
      clinics: JSON.parse(r.clinics) as ExchangeLogEntry['clinics'],
      via: r.via,
      manifestSha256: r.manifest_sha256,
    })),
  };
}

// Erasing a client for good (GDPR art. 17): the case and everything hanging off it, in one
// transaction, after the person typed the case's reference as confirmation; then the file itself
// is scrubbed so the erased bytes are gone from the vault and its write-ahead log, not just
// unlinked (docs/security.md, "Erasure").
//
// Why each step:
// - secure_delete is ON on every vault connection (vault/sqlite.ts configure): SQLite overwrites a
//   deleted record with zeros in its page, and zeroes a whole page when it goes to the free list
//   (overflow pages of attachment and document chunks included). Switched on again here before
//   anything is deleted, should a connection ever have it off, because the whole argument rests on it.
// - FTS5 tables keep deleted entries in old segments until they are merged: 'optimize' rewrites
//   each index as one segment. (No client data is indexed by FTS5 today; the step is here so a
//   future index of case text cannot quietly break the promise.)
// - In WAL mode the committed pages, with and before the deletion, sit in the -wal file until a
//   checkpoint copies them into the main file; wal_checkpoint(TRUNCATE) copies every frame and
//   cuts the -wal file to zero bytes.
// - Free pages: with secure_delete they are already zeros (encrypted, like every page). VACUUM would
//   also give them back to the file system, but rewrites the whole vault (time, and a temporary
//   second copy of everything that remains) for no gain in what is readable: measured in
//   docs/security.md (Erasure; figures from test/unit/gdpr/measure-erase.ts), and the raw-file tests
//   in test/unit/gdpr/erase.test.ts prove the zeroing.
import type { EraseRequest } from '../../../preload/schemas/security';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { caseReference, deleteCaseRows, fts5Tables, unlinkFromHouseholds } from './erase-repository';

export interface EraseResult {
  /** Rows deleted per table: counts only, for the caller's audit entry and tests. */
  deleted: Record<string, number>;
  /** Other cases whose household lost a link to the erased case. */
  unlinked: number;
  /** Free pages left in the file after the scrub (zero-filled by secure_delete). */
  freePages: number;
}

export function eraseCase(db: Db, request: EraseRequest, now = new Date()): EraseResult {
  if ((db.pragma('secure_delete', { simple: true }) as number) !== 1) db.pragma('secure_delete = ON');
  const { deleted, unlinked } = db.transaction(() => {
    const reference = caseReference(db, request.caseId);
    if (reference === undefined) throw new BriefcaseError('NOT_FOUND');
    // Exact after trimming the typed text: "2026-20", "2026-2001" or another case's reference is not "2026-200".
    if (request.confirmReference.trim() !== reference) throw new BriefcaseError('CONFIRMATION_MISMATCH');
    const unlinked = unlinkFromHouseholds(db, request.caseId, now.toISOString());
    return { deleted: deleteCaseRows(db, request.caseId), unlinked };
  })();
  return { deleted, unlinked, freePages: scrub(db) };
}

/** The steps after the commit that make deleted bytes unreadable. Returns the free page count. */
export function scrub(db: Db): number {
  for (const table of fts5Tables(db)) db.prepare(`INSERT INTO "${table}" ("${table}") VALUES ('optimize')`).run();
  checkpoint(db);
  return db.pragma('freelist_count', { simple: true }) as number;
}

/** Copies every WAL frame into the file and truncates the -wal file; a busy reader is an error. */
function checkpoint(db: Db): void {
  const journal = db.pragma('journal_mode', { simple: true }) as string;
  if (journal !== 'wal') return;
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (!result || result.busy !== 0) throw new BriefcaseError('IN_USE');
}

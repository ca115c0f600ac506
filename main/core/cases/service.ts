// Rules for cases: ids, timestamps, references (generated, unique), the list. SQL stays in the
// repositories; a whole case is written and read by store.ts, sections by update.ts, case files by
// exchange.ts.
import { randomUUID } from 'node:crypto';
import type { Case, CaseRecord, CaseStatus, CaseSummary } from '../../../preload/contract';
import { CaseDetails, Client } from '../../../preload/schemas/case-file';
import { BriefcaseError } from '../errors';
import { foldForSearch } from '../text';
import type { Db } from '../vault/sqlite';
import * as repo from './repository';
import { insertCase, noAttachments, readCase, type AttachmentLister } from './store';

function toCase(row: repo.CaseRow): Case {
  return {
    id: row.id,
    reference: row.reference,
    clientName: row.client_name,
    status: row.status as CaseStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextDeadline:
      row.next_deadline_kind && row.next_deadline_due_on
        ? { kind: row.next_deadline_kind, dueOn: row.next_deadline_due_on }
        : null,
  };
}

/** The next free `YYYY-NNN` of the year of `now` (local time): one more than the highest in use. */
export function nextReference(db: Db, now = new Date()): string {
  const year = String(now.getFullYear());
  const pattern = new RegExp(`^${year}-(\\d+)$`);
  let highest = 0;
  for (const reference of repo.referencesStartingWith(db, `${year}-`)) {
    const match = pattern.exec(reference);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${year}-${String(highest + 1).padStart(3, '0')}`;
}

export const duplicateReference = (path: string) => new BriefcaseError('DUPLICATE_REFERENCE', [{ path, message: 'validation.duplicateReference' }]);

/** A new case in intake: the client's name, a reference (generated when not given), empty sections. */
export function createCase(db: Db, input: { reference?: string | undefined; clientName: string }, now = new Date()): Case {
  const id = randomUUID();
  db.transaction(() => {
    const reference = input.reference ?? nextReference(db, now);
    if (repo.referenceExists(db, reference)) throw duplicateReference('reference');
    const parts = {
      details: CaseDetails.parse({ reference }),
      client: Client.parse({ name: input.clientName }),
      household: [],
      timeline: [],
      deadlines: [],
      risks: [],
    };
    insertCase(db, id, parts, now.toISOString());
  })();
  return getCaseSummary(db, id);
}

/** The list row of one case (reference, client, status, next deadline). */
export function getCaseSummary(db: Db, id: string): Case {
  const row = repo.getCase(db, id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  return toCase(row);
}

/** The whole case as the app edits it: the case file and each section's revision. */
export function getCase(db: Db, id: string, listAttachments: AttachmentLister = noAttachments): CaseRecord {
  return readCase(db, id, listAttachments);
}

export function listCases(
  db: Db,
  input: { query?: string | undefined; limit: number; offset: number },
): { items: CaseSummary[]; total: number } {
  const query = input.query?.trim();
  const { rows, total } = repo.listCases(db, {
    folded: query ? foldForSearch(query) : null,
    limit: input.limit,
    offset: input.offset,
  });
  return {
    total,
    items: rows.map((row) => {
      const { id, reference, clientName, status, nextDeadline, updatedAt } = toCase(row);
      return { id, reference, clientName, status, nextDeadline, updatedAt };
    }),
  };
}

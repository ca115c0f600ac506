// Rules for cases: ids, timestamps, unique references. SQL stays in repository.ts.
import { randomUUID } from 'node:crypto';
import type { Case, CaseStatus, CaseSummary } from '../../../preload/contract';
import { BriefcaseError } from '../errors';
import { foldForSearch } from '../text';
import type { Db } from '../vault/sqlite';
import * as repo from './repository';

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

export function createCase(db: Db, input: { reference: string; clientName: string }, now = new Date()): Case {
  const id = randomUUID();
  db.transaction(() => {
    if (repo.referenceExists(db, input.reference)) {
      throw new BriefcaseError('DUPLICATE_REFERENCE', [{ path: 'reference', message: 'validation.duplicateReference' }]);
    }
    const timestamp = now.toISOString();
    repo.insertCase(db, {
      id,
      reference: input.reference,
      client_name: input.clientName,
      status: 'intake',
      created_at: timestamp,
      updated_at: timestamp,
    });
  })();
  return getCase(db, id);
}

export function getCase(db: Db, id: string): Case {
  const row = repo.getCase(db, id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  return toCase(row);
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

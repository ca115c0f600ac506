// SQL for cases. Functions take the database first (no hidden state) and return plain rows.
import type { Db } from '../vault/sqlite';

export interface CaseRow {
  id: string;
  reference: string;
  client_name: string;
  status: string;
  created_at: string;
  updated_at: string;
  next_deadline_kind: string | null;
  next_deadline_due_on: string | null;
}

const SELECT_CASE = `
  SELECT c.id, c.reference, c.client_name, c.status, c.created_at, c.updated_at,
         d.kind AS next_deadline_kind, d.due_on AS next_deadline_due_on
  FROM cases c
  LEFT JOIN deadlines d ON d.id = (
    SELECT id FROM deadlines WHERE case_id = c.id AND done = 0 ORDER BY due_on, id LIMIT 1
  )`;

export function insertCase(
  db: Db,
  row: Pick<CaseRow, 'id' | 'reference' | 'client_name' | 'status' | 'created_at' | 'updated_at'>,
): void {
  db.prepare(
    `INSERT INTO cases (id, reference, client_name, status, created_at, updated_at)
     VALUES (@id, @reference, @client_name, @status, @created_at, @updated_at)`,
  ).run(row);
}

export function referenceExists(db: Db, reference: string): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE reference = ? COLLATE NOCASE').get(reference) !== undefined;
}

export function getCase(db: Db, id: string): CaseRow | undefined {
  return db.prepare(`${SELECT_CASE} WHERE c.id = ?`).get(id) as CaseRow | undefined;
}

/**
 * A page of cases, most recently changed first. `folded` is the search text already folded by
 * foldForSearch; rows are matched on the same folding through the bc_fold SQL function.
 */
export function listCases(
  db: Db,
  options: { folded: string | null; limit: number; offset: number },
): { rows: CaseRow[]; total: number } {
  const where = options.folded
    ? `WHERE bc_fold(c.reference || ' ' || c.client_name) LIKE @pattern ESCAPE '\\'`
    : '';
  const params = { pattern: options.folded ? `%${escapeLike(options.folded)}%` : null };
  const rows = db
    .prepare(`${SELECT_CASE} ${where} ORDER BY c.updated_at DESC, c.id LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: options.limit, offset: options.offset }) as CaseRow[];
  const { total } = db.prepare(`SELECT count(*) AS total FROM cases c ${where}`).get(params) as { total: number };
  return { rows, total };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}

// SQL for the `cases` table: the row per case with the columns the list and search need
// (reference, client name in both scripts, status), kept in step with the sections by the services.
// Functions take the database first (no hidden state) and return plain rows.
import { foldForSearch } from '../text';
import type { Db } from '../vault/sqlite';

export interface CaseRow {
  id: string;
  reference: string;
  client_name: string;
  client_name_original: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  next_deadline_kind: string | null;
  next_deadline_due_on: string | null;
}

const SELECT_CASE = `
  SELECT c.id, c.reference, c.client_name, c.client_name_original, c.status, c.created_at, c.updated_at,
         d.kind AS next_deadline_kind, d.due_on AS next_deadline_due_on
  FROM cases c
  LEFT JOIN deadlines d ON d.case_id = c.id AND d.id = (
    SELECT id FROM deadlines WHERE case_id = c.id AND done = 0 ORDER BY due_on, position, id LIMIT 1
  )`;

export function insertCase(
  db: Db,
  row: Pick<CaseRow, 'id' | 'reference' | 'client_name' | 'status' | 'created_at' | 'updated_at'> &
    Partial<Pick<CaseRow, 'client_name_original'>>,
): void {
  db.prepare(
    `INSERT INTO cases (id, reference, client_name, client_name_original, status, created_at, updated_at)
     VALUES (@id, @reference, @client_name, @client_name_original, @status, @created_at, @updated_at)`,
  ).run({ client_name_original: null, ...row });
  refreshSearchText(db, row.id);
}

/** The denormalised columns from the details section. */
export function setDetailsColumns(db: Db, id: string, columns: { reference: string; status: string }): void {
  db.prepare('UPDATE cases SET reference = @reference, status = @status WHERE id = @id').run({ id, ...columns });
  refreshSearchText(db, id);
}

/** The denormalised columns from the client section. */
export function setClientColumns(db: Db, id: string, columns: { client_name: string; client_name_original: string | null }): void {
  db.prepare('UPDATE cases SET client_name = @client_name, client_name_original = @client_name_original WHERE id = @id').run({
    id,
    ...columns,
  });
  refreshSearchText(db, id);
}

/**
 * The folded text search matches (reference and the client's name in both scripts). Written with
 * every change to those columns, so a keystroke's search is a plain LIKE scan (migration 004).
 */
function refreshSearchText(db: Db, id: string): void {
  const row = db.prepare('SELECT reference, client_name, client_name_original FROM cases WHERE id = ?').get(id) as
    | { reference: string; client_name: string; client_name_original: string | null }
    | undefined;
  if (!row) return;
  const text = foldForSearch(`${row.reference} ${row.client_name} ${row.client_name_original ?? ''}`);
  db.prepare('UPDATE cases SET search_text = ? WHERE id = ?').run(text, id);
}

export function touchCase(db: Db, id: string, updatedAt: string): void {
  db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(updatedAt, id);
}

/** True when another case (not `exceptId`) has this reference, ignoring case. */
export function referenceExists(db: Db, reference: string, exceptId: string | null = null): boolean {
  return (
    db.prepare('SELECT 1 FROM cases WHERE reference = ? COLLATE NOCASE AND id IS NOT ?').get(reference, exceptId) !== undefined
  );
}

export function caseExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;
}

/** References that start with `prefix` (e.g. "2026-"), for generating the next one. */
export function referencesStartingWith(db: Db, prefix: string): string[] {
  return (
    db.prepare("SELECT reference FROM cases WHERE reference LIKE ? ESCAPE '\\'").all(`${escapeLike(prefix)}%`) as { reference: string }[]
  ).map((row) => row.reference);
}

export function getCase(db: Db, id: string): CaseRow | undefined {
  return db.prepare(`${SELECT_CASE} WHERE c.id = ?`).get(id) as CaseRow | undefined;
}

/**
 * A page of cases, most recently changed first. `folded` is the search text already folded by
 * foldForSearch; it is matched against the stored, identically folded search_text.
 */
export function listCases(
  db: Db,
  options: { folded: string | null; limit: number; offset: number },
): { rows: CaseRow[]; total: number } {
  const where = options.folded
    ? `WHERE c.search_text LIKE @pattern ESCAPE '\\'`
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

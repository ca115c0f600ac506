// SQL for evidence search: one FTS5 query over the folded index (migration 005), joined to the
// excerpt and its source, with the filters as plain SQL. The benchmark runs the statement this
// builds directly on the database as its baseline, so service overhead is measured honestly.
import type { Db } from '../vault/sqlite';
import type { ExcerptRow } from './repository';

export interface SearchFilters {
  /** An FTS5 query over folded words (see ftsQuery in search.ts), or null for filters only. */
  match: string | null;
  topic: string[];
  place: string[];
  profile: string[];
  /** Folded publisher name, compared whole. */
  publisher: string | null;
  country: string | null;
  /** YYYY-MM-DD bounds on the source's date range. */
  from: string | null;
  to: string | null;
  /** Sources dated before this day are old; old and superseded ones rank lower. */
  staleBefore: string;
  limit: number;
  offset: number;
}

export type SearchRow = ExcerptRow & {
  s_title: string;
  s_publisher: string;
  s_date: string | null;
  s_kind: string;
  s_document_number: string | null;
  s_superseded_by_id: string | null;
};

/** The statement and its parameters; `limit` is one more than asked so the caller knows of more. */
export function searchStatement(filters: SearchFilters): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filters.limit + 1, offset: filters.offset, staleBefore: filters.staleBefore };
  for (const axis of ['topic', 'place', 'profile'] as const) {
    if (filters[axis].length === 0) continue;
    where.push(`e.id IN (SELECT excerpt_id FROM excerpt_tags WHERE axis = '${axis}' AND tag IN (SELECT value FROM json_each(@${axis})))`);
    params[axis] = JSON.stringify(filters[axis]);
  }
  if (filters.publisher !== null) {
    where.push('bc_fold(s.publisher) = @publisher');
    params.publisher = filters.publisher;
  }
  if (filters.country !== null) {
    where.push('EXISTS (SELECT 1 FROM json_each(s.countries) WHERE value = @country)');
    params.country = filters.country;
  }
  if (filters.from !== null) {
    where.push('s.date_last >= @from');
    params.from = filters.from;
  }
  if (filters.to !== null) {
    where.push('s.date_first <= @to');
    params.to = filters.to;
  }
  const stale = '(s.superseded_by_id IS NOT NULL OR s.date_first < @staleBefore)';
  const select = `SELECT e.*, s.title AS s_title, s.publisher AS s_publisher, s.date AS s_date, s.kind AS s_kind,
      s.document_number AS s_document_number, s.superseded_by_id AS s_superseded_by_id`;
  let sql: string;
  if (filters.match !== null) {
    params.match = filters.match;
    // bm25 is negative (lower is better): halving it moves a stale source's excerpt down the list.
    sql = `${select} FROM excerpt_search f JOIN excerpts e ON e.seq = f.rowid JOIN sources s ON s.id = e.source_id
      WHERE excerpt_search MATCH @match ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY bm25(excerpt_search, 1.0, 0.5, 0.3) * (CASE WHEN ${stale} THEN 0.5 ELSE 1.0 END), e.seq
      LIMIT @limit OFFSET @offset`;
  } else {
    sql = `${select} FROM excerpts e JOIN sources s ON s.id = e.source_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${stale}, s.date_first DESC NULLS LAST, e.seq
      LIMIT @limit OFFSET @offset`;
  }
  return { sql, params };
}

export function search(db: Db, filters: SearchFilters): SearchRow[] {
  const { sql, params } = searchStatement(filters);
  return db.prepare(sql).all(params) as SearchRow[];
}

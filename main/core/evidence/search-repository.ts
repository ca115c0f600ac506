// SQL for evidence search over the folded FTS5 index (migration 005), joined to the excerpt and
// its source, with the filters as plain SQL.
//
// Ranking every match is what made a common word slow (30,000 matches in a 100,000-excerpt
// library: 200 ms), so a text search runs in rounds: FTS5 picks the best K matches by bm25 alone
// (cheap: it never leaves the index), those are joined and filtered, and stale sources are moved
// down (their score halved). The result is exact once the round holds enough fresh rows that pass
// the filters: anything past the K-th match has a worse bm25 than all of them, and halving only
// makes a score worse. Otherwise K grows fourfold, until the index has no more matches.
import type { Db } from '../vault/sqlite';
import type { ExcerptRow } from './repository';

export interface SearchFilters {
  /** An FTS5 query over folded words (see ftsQuery in search.ts), or null for filters only. */
  match: string | null;
  topic: string[];
  place: string[];
  profile: string[];
  /** Folded publisher name or part of it ("european union" finds "European Union Agency for Asylum"). */
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

/** The best `@candidates` matches of `@match` by bm25, straight from the FTS5 index. */
const FTS_CANDIDATES = `SELECT rowid, bm25(excerpt_search, 1.0, 0.5, 0.3) AS score FROM excerpt_search
  WHERE excerpt_search MATCH @match ORDER BY score LIMIT @candidates`;

/** The plain FTS5 query for one page, run directly: the benchmark's baseline. */
export function ftsBaseline(db: Db, match: string, limit: number): unknown[] {
  return db.prepare(FTS_CANDIDATES).all({ match, candidates: limit });
}

/**
 * The statement and its parameters. Without text: filters only, one page (`limit` one more than
 * asked so the caller knows of more). With text: the `seq` of every filtered row among the best
 * `candidates` matches, best first, each with `is_stale` and the round's `pool` size.
 */
export function searchStatement(filters: SearchFilters, candidates = FIRST_ROUND): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filters.limit + 1, offset: filters.offset, staleBefore: filters.staleBefore };
  for (const axis of ['topic', 'place', 'profile'] as const) {
    if (filters[axis].length === 0) continue;
    where.push(`e.id IN (SELECT excerpt_id FROM excerpt_tags WHERE axis = '${axis}' AND tag IN (SELECT value FROM json_each(@${axis})))`);
    params[axis] = JSON.stringify(filters[axis]);
  }
  if (filters.publisher !== null) {
    where.push('instr(bc_fold(s.publisher), @publisher) > 0');
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
    params.candidates = candidates;
    // bm25 is negative (lower is better): halving it moves a stale source's excerpt down the list.
    // Only the key and the stale flag per candidate, read from the narrow covering indexes of
    // migration 006 (the planner would otherwise look each row up in the tables, whose pages hold
    // the excerpt texts: one page decrypted per candidate). The page's full rows are read afterwards.
    sql = `WITH f AS MATERIALIZED (${FTS_CANDIDATES})
      SELECT e.seq AS seq, ${stale} AS is_stale, (SELECT count(*) FROM f) AS pool
      FROM f JOIN excerpts e INDEXED BY excerpts_rank ON e.seq = f.rowid JOIN sources s INDEXED BY sources_rank ON s.id = e.source_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY f.score * (CASE WHEN ${stale} THEN 0.5 ELSE 1.0 END), e.seq`;
  } else {
    sql = `${select} FROM excerpts e JOIN sources s ON s.id = e.source_id
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${stale}, s.date_first DESC NULLS LAST, e.seq
      LIMIT @limit OFFSET @offset`;
  }
  return { sql, params };
}

const FIRST_ROUND = 512;

export function search(db: Db, filters: SearchFilters): SearchRow[] {
  if (filters.match === null) {
    const { sql, params } = searchStatement(filters);
    return db.prepare(sql).all(params) as SearchRow[];
  }
  const need = filters.offset + filters.limit + 1;
  for (let candidates = Math.max(FIRST_ROUND, need * 8); ; candidates *= 4) {
    const { sql, params } = searchStatement(filters, candidates);
    const ranked = db.prepare(sql).all(params) as { seq: number; is_stale: number; pool: number }[];
    const fresh = ranked.filter((row) => row.is_stale === 0).length;
    // The round's pool size comes with its rows; when the filters pass none of them, it has to be
    // counted on its own (a rare filter can match nothing among the best K but something later).
    const pool = ranked[0]?.pool ?? countCandidates(db, filters.match, candidates);
    const exhausted = pool < candidates;
    if (fresh >= need || exhausted) return pageRows(db, ranked.slice(filters.offset, need).map((row) => row.seq));
  }
}

function countCandidates(db: Db, match: string, candidates: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM (${FTS_CANDIDATES})`).get({ match, candidates }) as { n: number }).n;
}

/** The full rows of one page, in the ranked order of `seqs`. */
function pageRows(db: Db, seqs: number[]): SearchRow[] {
  const rows = db
    .prepare(
      `SELECT e.*, s.title AS s_title, s.publisher AS s_publisher, s.date AS s_date, s.kind AS s_kind,
         s.document_number AS s_document_number, s.superseded_by_id AS s_superseded_by_id
       FROM excerpts e JOIN sources s ON s.id = e.source_id WHERE e.seq IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(seqs)) as (SearchRow & { seq: number })[];
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return seqs.map((seq) => bySeq.get(seq)).filter((row): row is SearchRow & { seq: number } => row !== undefined);
}

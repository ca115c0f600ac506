// Evidence search: the words are folded (as the index is), each becomes a prefix term, and all
// must occur somewhere in the excerpt's text, its source's title or its publisher. Filters narrow
// by tag (any tag of an axis, every axis given), publisher, country and date range. Results come
// best first (bm25; old or superseded sources rank lower), each with its source, its currency
// and a highlighted snippet.
import { partialDateRange } from '../../../preload/schemas/dates';
import type { SearchQuery, SearchResult } from '../../../preload/schemas/evidence';
import { foldForSearch } from '../text';
import type { Db } from '../vault/sqlite';
import { currencies, toBrief, toExcerpt } from './convert';
import { snippet } from './highlight';
import * as repo from './repository';
import { search as runSearch, type SearchFilters } from './search-repository';

/** Folded words of a query: letters and digits only, so FTS5 syntax can never be injected. */
export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .slice(0, 16);
}

/** "military service" → '"military"* "service"*' (every word, as a prefix). */
export function ftsQuery(words: readonly string[]): string | null {
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}

/**
 * The first day a source is NOT old, for ranking: the same rule as the warning (currency.ts
 * ageInMonths: more than the clinic's limit in whole months), so nothing is demoted unflagged.
 * A source is old when dated on or before today minus (limit + 1) months, the day clamped to the
 * end of a shorter month (31 March minus one month is 28 or 29 February).
 */
export function staleBefore(db: Db, today: Date): string {
  const months = repo.maxAgeMonths(db) + 1;
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const oldUntil = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(today.getUTCDate(), lastDay));
  return new Date(oldUntil + 86_400_000).toISOString().slice(0, 10);
}

export function searchFilters(db: Db, input: SearchQuery, today = new Date()): SearchFilters {
  return {
    match: ftsQuery(queryWords(input.query)),
    topic: input.topic,
    place: input.place,
    profile: input.profile,
    publisher: input.publisher ? foldForSearch(input.publisher) : null,
    country: input.country ?? null,
    from: input.from ? partialDateRange(input.from).first : null,
    to: input.to ? partialDateRange(input.to).last : null,
    staleBefore: staleBefore(db, today),
    limit: input.limit,
    offset: input.offset,
  };
}

export function search(db: Db, input: SearchQuery, today = new Date()): SearchResult {
  const rows = runSearch(db, searchFilters(db, input, today));
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const sources = page.map((row) => ({ id: row.source_id, title: row.s_title, date: row.s_date, superseded_by_id: row.s_superseded_by_id }));
  const currency = currencies(db, sources, today);
  const words = queryWords(input.query);
  return {
    hasMore,
    items: page.map((row) => ({
      excerpt: toExcerpt(row),
      source: toBrief({
        id: row.source_id,
        title: row.s_title,
        publisher: row.s_publisher,
        date: row.s_date,
        kind: row.s_kind,
        document_number: row.s_document_number,
      }),
      currency: currency.get(row.source_id)!,
      snippet: snippet(row.text, words),
    })),
  };
}

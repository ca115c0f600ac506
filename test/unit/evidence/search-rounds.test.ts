// Search in rounds (search-repository.ts) must give exactly the order a ranking of every match
// gives: checked against that one-statement ranking on a library with far more matches than the
// first round takes, where stale sources (old or superseded) outrank fresh ones before demotion.
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { search } from '../../../main/core/evidence/search';
import { saveExcerpt, saveSource } from '../../../main/core/evidence/service';
import { migrate } from '../../../main/core/vault/migrations';
import { configure } from '../../../main/core/vault/sqlite';
import { SearchQuery, type SourceFields } from '../../../preload/contract';

const TODAY = new Date('2026-11-23T12:00:00Z');

function library() {
  const db = new Database(':memory:');
  configure(db);
  migrate(db);
  const source = (title: string, date: string, supersededById: string | null = null) =>
    saveSource(db, {
      source: { publisher: 'DIS', title, date, documentNumber: null, doi: null, url: null, language: 'en', kind: 'coi_report', countries: ['SY'], regions: [], methodNotes: '', supersededById } satisfies SourceFields,
    });
  const fresh = source('Fresh report', '2026-06');
  const old = source('Old report', '2015-01');
  const superseded = source('First edition', '2026-01', fresh.id);
  let n = 0;
  for (const [src, count] of [[old, 400], [superseded, 200], [fresh, 150]] as const) {
    for (let i = 0; i < count; i += 1) {
      n += 1;
      // Old and superseded excerpts repeat the word more, so their raw bm25 is better.
      const repeats = src === fresh ? 1 + (n % 3) : 2 + (n % 5);
      saveExcerpt(db, {
        excerpt: {
          sourceId: src.id,
          text: `${'checkpoint '.repeat(repeats)} filler text number ${n} ${n % 7 === 0 ? 'detention' : ''}`,
          pinpoint: { page: String(n), paragraph: null, section: null },
          language: 'en',
          // One excerpt, among the weakest matches, carries a rare tag: far past the first round.
          tags: { topic: n % 2 === 0 ? ['checkpoints'] : [], place: [], profile: n === 750 ? ['deserters'] : [] },
        },
      });
    }
  }
  return db;
}

/** The reference ranking: every match scored, demoted and sorted in one statement. */
function rankAll(db: Database.Database, word: string, topicTag: string | null): string[] {
  const rows = db
    .prepare(
      `SELECT e.id FROM excerpt_search f JOIN excerpts e ON e.seq = f.rowid JOIN sources s ON s.id = e.source_id
       WHERE excerpt_search MATCH @match
         ${topicTag ? "AND e.id IN (SELECT excerpt_id FROM excerpt_tags WHERE axis = 'topic' AND tag = @tag)" : ''}
       ORDER BY bm25(excerpt_search, 1.0, 0.5, 0.3) *
         (CASE WHEN s.superseded_by_id IS NOT NULL OR s.date_first < @staleBefore THEN 0.5 ELSE 1.0 END), e.seq`,
    )
    .all({ match: `"${word}"*`, staleBefore: '2024-10-24', ...(topicTag ? { tag: topicTag } : {}) }) as { id: string }[];
  return rows.map((row) => row.id);
}

describe('search in rounds', () => {
  const db = library();

  it('finds a match that only a rare filter lets through, far past the first round', () => {
    const query = SearchQuery.parse({ query: 'checkpoint', profile: ['deserters'] });
    const got = search(db, query, TODAY).items.map((item) => item.excerpt.pinpoint.page);
    expect(got).toEqual(['750']);
  });

  it('gives the same pages as ranking every match', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('checkpoint', 'detention', 'check'),
        fc.constantFrom<string | null>(null, 'checkpoints'),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 200 }),
        (word, tag, offset, limit) => {
          const expected = rankAll(db, word, tag).slice(offset, offset + limit);
          const query = SearchQuery.parse({ query: word, topic: tag ? [tag] : [], offset: Math.min(offset, 10_000), limit });
          const got = search(db, query, TODAY).items.map((item) => item.excerpt.id);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});

// 6. Evidence search: FTS5 over 100,000 generated excerpts in 10,000 sources, through the service
//    (evidence/search.ts: folding, the FTS5 query in rounds, the join to excerpts and sources,
//    stale demotion, currency, highlighted snippets) against the FTS5 query for the same page run
//    directly on the database (ftsBaseline: the best 21 matches by bm25), in the same run.
//    Targets: median and p95 under 20 ms, and the service ≤ 1.5× the raw query.
//
// The library is fictional: titles and passages from syllables, with a vocabulary of COI words
// mixed in at realistic frequencies so queries match hundreds to thousands of excerpts.
import { createApi } from '../main/core/api';
import { saveExcerpt, saveSource } from '../main/core/evidence/service';
import { search, searchFilters } from '../main/core/evidence/search';
import { ftsBaseline } from '../main/core/evidence/search-repository';
import { SearchQuery } from '../preload/schemas/evidence';
import { fictionalReport, rng } from './lib/data';
import { ms, passFail, ratio, table, type SectionResult } from './lib/report';
import { now, summarise } from './lib/stats';
import { makeTempDir, removeTempDir } from './lib/tmp';

const SOURCES = 10_000;
const PER_SOURCE = 10;
const ROUNDS = 15;
const TARGET_MS = 20;
const TARGET_RATIO = 1.5;
const BENCH_KDF = { N: 2 ** 10, r: 1, p: 1 };
const QUERIES = ['military service', 'returnees detention', 'checkpoint', 'damas', 'women children', 'security clearance', 'deserter famil'];
const VOCABULARY = ['military', 'service', 'returnees', 'detention', 'checkpoint', 'damascus', 'women', 'children', 'security', 'clearance', 'deserters', 'family', 'arbitrary', 'arrest', 'conscription', 'reservists'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'sen', 'tu', 'vel', 'da', 'ne', 'or', 'is', 'qua', 'bel', 'to', 'fi', 'gar'];

function words(next: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (next() < 0.08) out.push(VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
    else out.push(Array.from({ length: 2 + Math.floor(next() * 2) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return out.join(' ');
}

export async function benchEvidenceSearch(log: (line: string) => void): Promise<SectionResult> {
  const dir = makeTempDir('evidence-search');
  const api = createApi({ dataDir: dir, version: 'bench', kdfCost: BENCH_KDF });
  try {
    const created = await api.call('vault.create', { passphrase: 'copper meadow signal ninety' });
    if (!created.ok) throw new Error(created.error.code);
    const db = api.vault.db;
    const next = rng(515);
    const seedStart = now();
    db.transaction(() => {
      for (let s = 0; s < SOURCES; s += 1) {
        const year = 2012 + Math.floor(next() * 14);
        const source = fictionalReport({
          publisher: ['DIS', 'UNHCR', 'EUAA', 'Amnesty International', 'Human Rights Watch'][s % 5]!,
          title: words(next, 8),
          date: `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`,
        });
        const saved = saveSource(db, { source });
        for (let e = 0; e < PER_SOURCE; e += 1) {
          saveExcerpt(db, {
            excerpt: {
              sourceId: saved.id,
              text: words(next, 40 + Math.floor(next() * 60)),
              pinpoint: { page: String(1 + Math.floor(next() * 200)), paragraph: null, section: null },
              language: 'en',
              tags: { topic: next() < 0.3 ? ['military-service'] : [], place: next() < 0.3 ? ['damascus'] : [], profile: [] },
            },
          });
        }
      }
    })();
    log(`  seeded ${SOURCES.toLocaleString('en')} sources, ${(SOURCES * PER_SOURCE).toLocaleString('en')} excerpts in ${ms(now() - seedStart)}`);

    const service: number[] = [];
    const raw: number[] = [];
    const perQuery = new Map<string, { service: number[]; raw: number[]; hits: number }>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const query of QUERIES) {
        const input = SearchQuery.parse({ query, limit: 20 });
        const entry = perQuery.get(query) ?? { service: [], raw: [], hits: 0 };
        const runService = () => {
          const start = now();
          entry.hits = search(db, input).items.length;
          const took = now() - start;
          service.push(took);
          entry.service.push(took);
        };
        const runRaw = () => {
          const start = now();
          const { match } = searchFilters(db, input);
          if (match) ftsBaseline(db, match, input.limit + 1);
          const took = now() - start;
          raw.push(took);
          entry.raw.push(took);
        };
        // Alternate which goes first, so a warm cache favours neither.
        if (round % 2 === 0) {
          runService();
          runRaw();
        } else {
          runRaw();
          runService();
        }
        perQuery.set(query, entry);
      }
    }
    const s = summarise(service);
    const r = summarise(raw);
    const overhead = s.median / r.median;
    const timePass = s.median < TARGET_MS && s.p95 < TARGET_MS;
    const ratioPass = overhead <= TARGET_RATIO;
    const rows = [...perQuery].map(([query, entry]) => {
      const qs = summarise(entry.service);
      const qr = summarise(entry.raw);
      return [`"${query}"`, String(entry.hits), ms(qs.median), ms(qs.p95), ms(qr.median), ratio(qs.median / qr.median)];
    });
    return {
      title: `6. Evidence search (${(SOURCES * PER_SOURCE).toLocaleString('en')} excerpts in ${SOURCES.toLocaleString('en')} sources)`,
      verdicts: [
        { benchmark: '6. evidence search, median and p95', measured: `${ms(s.median)} / ${ms(s.p95)}`, target: `< ${TARGET_MS} ms`, pass: timePass },
        { benchmark: '6. evidence search ÷ the raw FTS5 query (medians)', measured: ratio(overhead), target: `≤ ${ratio(TARGET_RATIO)}`, pass: ratioPass },
      ],
      body: [
        table(
          ['Measured', 'n', 'median', 'p95', 'min', 'max'],
          [
            ['service: evidence/search.ts search()', String(s.n), ms(s.median), ms(s.p95), ms(s.min), ms(s.max)],
            ['raw: the FTS5 query for the page, run directly', String(r.n), ms(r.median), ms(r.p95), ms(r.min), ms(r.max)],
          ],
        ),
        '',
        table(['Query (first page of 20)', 'hits on page', 'service median', 'service p95', 'raw median', 'ratio'], rows),
        '',
        `${ROUNDS} rounds of ${QUERIES.length} queries on an encrypted vault, service and raw alternating first. The service adds`,
        'to the raw FTS5 query: folding the query, joining the candidates to excerpts and sources, moving stale',
        'sources down (exactly: see search-repository.ts), currency for the page\'s sources and the highlighted snippets.',
        `Targets: ${passFail(timePass)} (time), ${passFail(ratioPass)} (ratio).`,
      ].join('\n'),
    };
  } finally {
    api.close();
    removeTempDir(dir);
  }
}

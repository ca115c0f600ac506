// Generated, fictional case data and evidence sources. Names are built from syllables by a seeded
// generator, so every run inserts the same rows and no real person's name is used on purpose. A few
// syllables carry diacritics (ø, é, å) so that search exercises the case/diacritic folding in
// main/core/text.ts.
import type { SourceFields } from '../../preload/schemas/evidence';

/** mulberry32: a small, fast, seeded PRNG. Deterministic across runs and machines. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka', 'lo', 'mi', 'ra', 've', 'sun', 'tor', 'el', 'ba', 'di', 'ne', 'ha', 'rin', 'zu', 'pa', 'ol',
  'ma', 'thi', 'gur', 'an', 'wen', 'ko', 'ly', 'fa', 'sa', 'bel', 'du', 'mo', 'ri', 'ten', 'vik', 'ya',
  'sø', 'dé', 'lå', 'né', 'bø', 'ré',
] as const;

/**
 * A generated evidence source: an English COI report on Syria (the country the benchmark cases come
 * from), with the publisher, title and date the caller makes up and nothing else filled in.
 */
export function fictionalReport(fields: Pick<SourceFields, 'publisher' | 'title' | 'date'> & Partial<SourceFields>): SourceFields {
  const { publisher, title, date, ...rest } = fields;
  return {
    publisher,
    title,
    date,
    documentNumber: null,
    doi: null,
    url: null,
    language: 'en',
    kind: 'coi_report',
    countries: ['SY'],
    regions: [],
    methodNotes: '',
    supersededById: null,
    ...rest,
  };
}

export interface CaseInput {
  reference: string;
  clientName: string;
}

export interface GeneratedCase extends CaseInput {
  /** Passed to createCase as `now`: spreads created/updated times over about three years. */
  at: Date;
}

const capitalise = (word: string) => word.charAt(0).toLocaleUpperCase('en') + word.slice(1);

function word(next: () => number, minSyllables: number, maxSyllables: number): string {
  const count = minSyllables + Math.floor(next() * (maxSyllables - minSyllables + 1));
  let text = '';
  for (let i = 0; i < count; i += 1) text += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return capitalise(text);
}

const START = Date.UTC(2022, 0, 3, 8, 0, 0);
const SPAN_MS = 3 * 365 * 24 * 3600 * 1000;

/** `count` fictional cases with unique references, in increasing time order. */
export function generateCases(count: number, seed = 20240601): GeneratedCase[] {
  const next = rng(seed);
  const cases: GeneratedCase[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = new Date(START + Math.floor((i / count) * SPAN_MS) + Math.floor(next() * 60_000));
    const year = at.getUTCFullYear();
    cases.push({
      reference: `BC-${year}-${String(i + 1).padStart(5, '0')}`,
      clientName: `${word(next, 2, 3)} ${word(next, 2, 4)}`,
      at,
    });
  }
  return cases;
}

const DEADLINE_KINDS = ['appeal', 'hearing', 'submission', 'interview', 'evidence'] as const;

export interface GeneratedDeadline {
  kind: string;
  dueOn: string;
  done: 0 | 1;
}

/** 0–3 deadlines for one case (about 60 % of cases get at least one), some already done. */
export function generateDeadlines(next: () => number, after: Date): GeneratedDeadline[] {
  if (next() >= 0.6) return [];
  const count = 1 + Math.floor(next() * 3);
  const deadlines: GeneratedDeadline[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = new Date(after.getTime() + Math.floor(next() * 180) * 24 * 3600 * 1000);
    deadlines.push({
      kind: DEADLINE_KINDS[Math.floor(next() * DEADLINE_KINDS.length)] as string,
      dueOn: due.toISOString().slice(0, 10),
      done: next() < 0.3 ? 1 : 0,
    });
  }
  return deadlines;
}

/** Strip diacritics and lower-case: how a person types a name they have heard, not read. */
export function asTyped(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .toLowerCase();
}

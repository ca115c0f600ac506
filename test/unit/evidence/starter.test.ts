// The starter COI library (templates/evidence/starter.json): valid library format, tags that exist,
// the EUAA editions chained by "superseded by", every source of DOMAIN.md's COI table present with
// exactly the metadata given there (and nothing it does not give), and every excerpt quoted
// verbatim from its seed text at the paragraph its pinpoint names.
//
// Seed pinpoints: a seed source's method notes name its file ("Seed file NNN_….txt: …"), and its
// excerpts' paragraph N is the N-th non-empty line of that file (each line of those plain-text
// files is one paragraph). The seeds and DOMAIN.md live beside the repository (../shared); where
// they are absent (a bare clone) the checks that read them are skipped, the others still run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EvidenceLibraryFile, TagCatalogue, type LibrarySource } from '../../../preload/schemas/evidence';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = process.env.BRIEFCASE_SHARED ?? join(ROOT, '..', 'shared');
const SEEDS = join(SHARED, 'seeds');
const DOMAIN = join(SHARED, 'DOMAIN.md');

const raw: unknown = JSON.parse(readFileSync(join(ROOT, 'templates/evidence/starter.json'), 'utf8'));
const starter = EvidenceLibraryFile.parse(raw);
const tags = TagCatalogue.parse(JSON.parse(readFileSync(join(ROOT, 'templates/evidence/tags.json'), 'utf8')));
const byId = new Map(starter.sources.map((source) => [source.id, source]));

/** The seed file a source was taken from, or null for a source that is not a seed text. */
const seedFileOf = (source: LibrarySource): string | null => /^Seed file (\d{3}_[0-9a-f]{16}\.txt):/.exec(source.methodNotes)?.[1] ?? null;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Feb 2019" → "2019-02", "10 Feb 2003" → "2003-02-10", "2019" → "2019". */
function isoDate(text: string): string {
  const match = /^(?:(\d{1,2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})$/.exec(text.trim());
  if (!match) throw new Error(`unexpected date in DOMAIN.md: ${text}`);
  const [, day, month, year] = match;
  if (!month) return year as string;
  const mm = String(MONTHS.indexOf(month) + 1).padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}

describe('starter library: the file', () => {
  it('is a valid library file, unchanged by validation (no defaults filled, nothing trimmed)', () => {
    expect(starter).toEqual(raw);
    expect(starter.format).toBe('briefcase-evidence');
  });

  it('has a few excerpts, each from a seed text, each with a paragraph pinpoint', () => {
    expect(starter.excerpts.length).toBeGreaterThanOrEqual(5);
    expect(starter.excerpts.length).toBeLessThanOrEqual(8);
    for (const excerpt of starter.excerpts) {
      const source = byId.get(excerpt.sourceId);
      expect(source && seedFileOf(source), excerpt.id).toBeTruthy();
      expect(excerpt.pinpoint.paragraph, excerpt.id).toMatch(/^[1-9]\d*$/);
    }
  });

  it('tags every excerpt with shipped tags of the right axis, at least one topic', () => {
    for (const excerpt of starter.excerpts) {
      expect(excerpt.tags.topic.length, excerpt.id).toBeGreaterThan(0);
      for (const axis of ['topic', 'place', 'profile'] as const) {
        const known = new Set(tags[axis].map((tag) => tag.id));
        for (const tag of excerpt.tags[axis]) expect(known.has(tag), `${axis}:${tag}`).toBe(true);
      }
    }
  });

  it('chains the EUAA Country Guidance editions by "superseded by" and links nothing else', () => {
    const editions = starter.sources.filter((s) => s.publisher === 'EUAA').sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    expect(editions.map((s) => s.date)).toEqual(['2020-09', '2021-11', '2023-02', '2024-04', '2025-06', '2025-12']);
    editions.forEach((edition, index) => expect(edition.supersededById).toBe(editions[index + 1]?.id ?? null));
    const others = starter.sources.filter((s) => s.publisher !== 'EUAA');
    expect(others.every((s) => s.supersededById === null)).toBe(true);
  });

  it('ships nothing marked unverified', () => {
    expect(JSON.stringify(raw)).not.toMatch(/unverified/i);
  });
});

describe.skipIf(!existsSync(SEEDS))('starter library: excerpts against the seed texts', () => {
  it('quotes every excerpt verbatim, within the paragraph its pinpoint names', () => {
    for (const excerpt of starter.excerpts) {
      const file = seedFileOf(byId.get(excerpt.sourceId) as LibrarySource) as string;
      const text = readFileSync(join(SEEDS, file), 'utf8');
      expect(text.includes(excerpt.text), `${excerpt.id} in ${file}`).toBe(true);
      const paragraphs = text.split('\n').filter((line) => line.trim() !== '');
      const paragraph = paragraphs[Number(excerpt.pinpoint.paragraph) - 1] ?? '';
      expect(paragraph.includes(excerpt.text), `${excerpt.id}: ${file} ¶${excerpt.pinpoint.paragraph}`).toBe(true);
    }
  });

  it('names a seed file that exists for every seed source', () => {
    for (const source of starter.sources) {
      const file = seedFileOf(source);
      if (file) expect(existsSync(join(SEEDS, file)), file).toBe(true);
    }
  });
});

interface Row {
  publisher: string;
  title: string;
  date: string;
  where: string;
}

function domainRows(): Row[] {
  const text = readFileSync(DOMAIN, 'utf8');
  const table = text.slice(text.indexOf('## COI sources'));
  const lines = table.split('\n').filter((line) => line.startsWith('|'));
  return lines.slice(2).map((line) => {
    const [publisher, title, date, where] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    return { publisher, title, date, where } as Row;
  });
}

/** What a row's "id / where" cell says: identifiers, a method note, a seed file. */
function parseWhere(where: string): { doi: string | null; url: string | null; documentNumber: string | null; method: string | null; seed: string | null } {
  const out = { doi: null as string | null, url: null as string | null, documentNumber: null as string | null, method: null as string | null, seed: null as string | null };
  if (where === 'see dates') return out;
  if (where.startsWith('doi ')) return { ...out, doi: where.slice(4) };
  const seed = /^seed (\d{3})$/.exec(where);
  if (seed) return { ...out, seed: seed[1] as string };
  if (/^[a-z]+ [a-z]/.test(where)) return { ...out, method: where.replace(/\s*\(seed \d{3}\)$/, '') };
  for (const part of where.split(', ')) {
    if (/^[\w-]+(\.[\w-]+)+(\/|$)/.test(part)) out.url = part;
    else out.documentNumber = part;
  }
  return out;
}

const sameNote = (note: string, expected: string) => note.replace(/\.$/, '').toLowerCase() === expected.replace(/\.$/, '').toLowerCase();

describe.skipIf(!existsSync(DOMAIN))('starter library: the sources in DOMAIN.md', () => {
  const rows = existsSync(DOMAIN) ? domainRows() : [];

  it('reads the COI table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(14);
  });

  it('has every row, with exactly the metadata the table gives and no identifier it does not', () => {
    const matched = new Set<string>();
    for (const row of rows) {
      const editions = /^(.*) \(editions (.*)\)$/.exec(row.title);
      if (editions) {
        const [, title, list] = editions as unknown as [string, string, string];
        for (const edition of list.split(', ')) {
          const interim = edition.startsWith('interim ');
          const date = isoDate(edition.replace(/^interim /, ''));
          const source = starter.sources.find((s) => s.publisher === row.publisher && s.title === title && s.date === date);
          expect(source, `${row.publisher} ${title} ${date}`).toBeDefined();
          if (!source) continue;
          matched.add(source.id);
          expect(source.url).toBe(parseWhere(row.where).url);
          expect(source.methodNotes === 'Interim edition.', date).toBe(interim);
          expect([source.doi, source.documentNumber]).toEqual([null, null]);
        }
        continue;
      }
      // A trailing parenthesis with words is a note about the source ("(joint statement)",
      // "(interviews 16–27 Nov 2018, Beirut and Damascus)"), kept as its method note, not its title.
      const note = /^(.*\S)\s\(([^()]*[a-z][^()]*)\)$/i.exec(row.title);
      const title = note ? (note[1] as string) : row.title;
      const source = starter.sources.find((s) => s.publisher === row.publisher && s.title === title);
      expect(source, `${row.publisher}: ${title}`).toBeDefined();
      if (!source) continue;
      matched.add(source.id);
      expect(source.date, title).toBe(isoDate(row.date));
      const where = parseWhere(row.where);
      expect({ doi: source.doi, url: source.url, documentNumber: source.documentNumber }, title).toEqual({
        doi: where.doi,
        url: where.url,
        documentNumber: where.documentNumber,
      });
      const expectedNote = note?.[2] ?? where.method;
      if (where.seed) expect(seedFileOf(source)?.startsWith(`${where.seed}_`), title).toBe(true);
      else if (expectedNote) expect(sameNote(source.methodNotes, expectedNote), `${title}: ${source.methodNotes}`).toBe(true);
      else expect(source.methodNotes, title).toBe('');
    }
    // Everything else in the file is a seed text.
    for (const source of starter.sources) {
      if (!matched.has(source.id)) expect(seedFileOf(source), source.title).not.toBeNull();
    }
  });
});

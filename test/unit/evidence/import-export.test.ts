// Import and export of the evidence library: a Zotero CSL-JSON export and an RIS file round-trip
// (fixtures in test/fixtures/evidence: DOMAIN.md sources and clearly fictional ones), and two
// properties: any valid string in any field survives own-format import → export unchanged, and a
// malformed file (a valid library with one corrupted entry at a random place) stores nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { exportLibrary, importLibrary } from '../../../main/core/evidence/library';
import { migrate } from '../../../main/core/vault/migrations';
import { configure } from '../../../main/core/vault/sqlite';
import type { EvidenceLibraryFile, LibraryExcerpt, LibrarySource } from '../../../preload/schemas/evidence';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/evidence/${name}`, import.meta.url)), 'utf8');

function db() {
  const d = new Database(':memory:');
  configure(d);
  migrate(d);
  return d;
}

const withoutIds = (file: EvidenceLibraryFile) => file.sources.map(({ id: _id, ...fields }) => fields);

describe('round trip of real-world exports', () => {
  it('a Zotero CSL-JSON export: every mapped field kept, re-import merges, own export re-imports identically', () => {
    const d = db();
    const content = fixture('zotero-export.csl.json');
    expect(importLibrary(d, { content })).toMatchObject({ format: 'csl-json', sources: { added: 5, merged: 0 } });
    const exported = exportLibrary(d);
    expect(withoutIds(exported)).toEqual([
      expect.objectContaining({
        publisher: 'UNHCR',
        title: 'Guidelines on International Protection No. 3: Cessation of Refugee Status under Article 1C(5) and (6)',
        date: '2003-02-10',
        documentNumber: 'HCR/GIP/03/03',
        url: 'https://www.refworld.org/docid/3e50de6b4.html',
        doi: null,
        language: 'en',
        kind: 'coi_report',
      }),
      expect.objectContaining({ publisher: 'Amnesty International', date: '2021-09-07', documentNumber: 'MDE 24/4583/2021', title: '"You\'re going to your death": Violations against Syrian refugees returning to Syria' }),
      expect.objectContaining({ publisher: 'EASO', date: '2021-06', doi: '10.2847/980660', title: 'Syria – Situation of returnees from abroad' }),
      expect.objectContaining({ publisher: 'Human Rights Watch', date: '2021-10-20', url: 'https://www.hrw.org/report/2021/10/20/our-lives-are-death/syrian-refugee-returns-lebanon-and-jordan' }),
      expect.objectContaining({ publisher: 'Fictional Refugee Appeals Panel', kind: 'case_law', date: '2024-11', documentNumber: 'FIC-2024-0017', language: 'da' }),
    ]);
    expect(importLibrary(d, { content })).toMatchObject({ sources: { added: 0, merged: 5 } });
    expect(exportLibrary(d)).toEqual(exported);

    const other = db();
    expect(importLibrary(other, { content: JSON.stringify(exported) })).toMatchObject({ format: 'briefcase', sources: { added: 5 } });
    expect(exportLibrary(other)).toEqual(exported);
  });

  it('an RIS file (CRLF, Zotero style): dates, numbers, notes and DOIs kept; re-import merges', () => {
    const d = db();
    const content = fixture('dis-unhcr-easo.ris');
    expect(importLibrary(d, { content })).toMatchObject({ format: 'ris', sources: { added: 4, merged: 0 } });
    const exported = exportLibrary(d);
    expect(withoutIds(exported)).toEqual([
      expect.objectContaining({ publisher: 'DIS', title: 'Syria – Issues Regarding Military Service', date: '2019-10', methodNotes: 'Based on written sources.', kind: 'coi_report' }),
      expect.objectContaining({ publisher: 'DIS', date: '2019-02', url: 'https://www.ft.dk/samling/20181/almdel/UUI/bilag/117/2018831/index.htm' }),
      expect.objectContaining({ publisher: 'UNHCR', date: '2021-03', documentNumber: 'HCR/PC/SYR/2021/06', kind: 'coi_report' }),
      expect.objectContaining({ publisher: 'EASO', title: 'Syria – Targeting of individuals', date: '2020', doi: '10.2847/683510', language: 'en' }),
    ]);
    expect(importLibrary(d, { content })).toMatchObject({ sources: { added: 0, merged: 4 } });
    expect(exportLibrary(d)).toEqual(exported);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

// eslint-disable-next-line no-control-regex -- the characters the schemas refuse
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Well-formed Unicode of any plane (lone surrogates cannot be stored as UTF-8 text at all). */
const anyText = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });
/** What a single-line field stores: trimmed, no line breaks or control characters, not empty. */
const line = (maxLength: number) => anyText(maxLength).filter((s) => s !== '' && s === s.trim() && !CONTROL.test(s) && !/[\r\n]/.test(s));
const optional = (maxLength: number) => fc.option(line(maxLength), { nil: null });
const long = (maxLength: number) => anyText(maxLength).filter((s) => !CONTROL.test(s));
const tag = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
const partialDate = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 1900, max: 2099 }).map(String),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 7)),
);

const source = (id: string): fc.Arbitrary<LibrarySource> =>
  fc.record({
    id: fc.constant(id),
    publisher: line(300),
    title: line(1_000),
    date: partialDate,
    documentNumber: optional(200),
    doi: optional(200),
    url: optional(2_000),
    language: optional(35),
    kind: fc.constantFrom('coi_report', 'un_guidance', 'ngo_report', 'news', 'case_law', 'legislation', 'other'),
    countries: fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}$/), { maxLength: 3 }),
    regions: fc.array(line(200), { maxLength: 3 }),
    methodNotes: long(5_000),
    supersededById: fc.constant(null),
  });

const excerpt = (id: string, sourceId: string): fc.Arbitrary<LibraryExcerpt> =>
  fc.record({
    id: fc.constant(id),
    sourceId: fc.constant(sourceId),
    text: long(20_000).filter((s) => s.trim() !== ''),
    pinpoint: fc
      .record({ page: optional(40), paragraph: optional(40), section: optional(200) })
      .filter((p) => p.page !== null || p.paragraph !== null || p.section !== null),
    language: optional(35),
    tags: fc.record({ topic: fc.uniqueArray(tag, { maxLength: 3 }), place: fc.uniqueArray(tag, { maxLength: 3 }), profile: fc.uniqueArray(tag, { maxLength: 3 }) }),
  });

const SOURCE_IDS = ['0b5d3c52-5f5e-4b8f-9d0c-3a4c1b2e7f01', '0b5d3c52-5f5e-4b8f-9d0c-3a4c1b2e7f02'];
const EXCERPT_IDS = ['7e1f0a9c-2d3b-4c5e-8f6a-1b2c3d4e5f01', '7e1f0a9c-2d3b-4c5e-8f6a-1b2c3d4e5f02', '7e1f0a9c-2d3b-4c5e-8f6a-1b2c3d4e5f03'];

/**
 * A library file: two sources, the second optionally superseding the first, and up to three
 * excerpts of the first. Records that the importer would rightly treat as one (same DOI, URL, or
 * title + publisher + date; the same passage twice) are not generated: merging is tested elsewhere.
 */
const library: fc.Arbitrary<EvidenceLibraryFile> = fc
  .tuple(source(SOURCE_IDS[0]!), source(SOURCE_IDS[1]!), fc.boolean(), fc.integer({ min: 1, max: 3 }))
  .chain(([a, b, supersede, n]) =>
    fc
      .tuple(...EXCERPT_IDS.slice(0, n).map((id) => excerpt(id, a.id)))
      .map((excerpts): EvidenceLibraryFile => ({
        format: 'briefcase-evidence',
        version: 1,
        sources: [{ ...a, supersededById: supersede ? b.id : null }, b],
        excerpts,
      })),
  )
  .filter((file) => {
    const [a, b] = file.sources as [LibrarySource, LibrarySource];
    const same = (x: string | null, y: string | null) => x !== null && y !== null && x.trim().toLowerCase() === y.trim().toLowerCase();
    if (same(a.doi, b.doi) || same(a.url, b.url) || (a.date === b.date && same(a.title, b.title))) return false;
    const passages = new Set(file.excerpts.map((e) => JSON.stringify([e.text, e.pinpoint])));
    return passages.size === file.excerpts.length;
  });

describe('properties', () => {
  it('any string in any field survives own-format import → export unchanged', () => {
    fc.assert(
      fc.property(library, (file) => {
        const d = db();
        importLibrary(d, { content: JSON.stringify(file) });
        const exported = exportLibrary(d);
        // Keys compare folded text, so two generated titles may still count as one source; then
        // the file is not a pure round trip and says so by merging.
        fc.pre(exported.sources.length === 2);
        expect(exported).toEqual(file);
        d.close();
      }),
      { numRuns: 150 },
    );
  });

  type Corruption = { name: string; apply: (file: EvidenceLibraryFile, at: number) => unknown };
  const corruptions: Corruption[] = [
    { name: 'empty title', apply: (f, at) => ({ ...f, sources: f.sources.map((s, i) => (i === at % f.sources.length ? { ...s, title: '  ' } : s)) }) },
    { name: 'impossible date', apply: (f, at) => ({ ...f, sources: f.sources.map((s, i) => (i === at % f.sources.length ? { ...s, date: '2021-02-30' } : s)) }) },
    { name: 'line break in a single line', apply: (f, at) => ({ ...f, sources: f.sources.map((s, i) => (i === at % f.sources.length ? { ...s, publisher: 'A\nB' } : s)) }) },
    { name: 'excerpt of an unknown source', apply: (f, at) => ({ ...f, excerpts: f.excerpts.map((e, i) => (i === at % f.excerpts.length ? { ...e, sourceId: '9a9a9a9a-9a9a-4a9a-8a9a-9a9a9a9a9a9a' } : e)) }) },
    { name: 'no pinpoint', apply: (f, at) => ({ ...f, excerpts: f.excerpts.map((e, i) => (i === at % f.excerpts.length ? { ...e, pinpoint: { page: null, paragraph: null, section: null } } : e)) }) },
    { name: 'bad tag', apply: (f, at) => ({ ...f, excerpts: f.excerpts.map((e, i) => (i === at % f.excerpts.length ? { ...e, tags: { ...e.tags, topic: ['Not A Tag'] } } : e)) }) },
    { name: 'unknown field', apply: (f, at) => ({ ...f, excerpts: f.excerpts.map((e, i) => (i === at % f.excerpts.length ? { ...e, note: 'x' } : e)) }) },
  ];

  it('a valid library with one corrupted entry at a random position stores nothing (own format)', () => {
    const before = db();
    importLibrary(before, { content: fixture('zotero-export.csl.json') });
    const baseline = exportLibrary(before);
    fc.assert(
      fc.property(library, fc.constantFrom(...corruptions), fc.nat(), (file, corruption, at) => {
        const content = JSON.stringify(corruption.apply(file, at));
        expect(() => importLibrary(before, { content })).toThrow(BriefcaseError);
        expect(exportLibrary(before)).toEqual(baseline);
      }),
      { numRuns: 150 },
    );
    before.close();
  });

  it('a CSL-JSON or RIS file with one bad record anywhere stores nothing, and names that record', () => {
    const d = db();
    const csl = JSON.parse(fixture('zotero-export.csl.json')) as Record<string, unknown>[];
    const ris = fixture('dis-unhcr-easo.ris').split('\r\n\r\n').filter((record) => record.trim() !== '');
    fc.assert(
      fc.property(fc.nat({ max: csl.length - 1 }), fc.nat({ max: ris.length - 1 }), fc.boolean(), (i, j, dropEnd) => {
        const badCsl = csl.map((item, k) => (k === i ? { ...item, issued: { 'date-parts': [['20x1']] } } : item));
        const cslError = (() => {
          try {
            importLibrary(d, { content: JSON.stringify(badCsl) });
          } catch (error) {
            return error;
          }
          return null;
        })();
        expect(cslError).toBeInstanceOf(BriefcaseError);
        expect((cslError as BriefcaseError).issues?.map((issue) => issue.path)).toEqual([`${i}.issued`]);

        const badRis = ris.map((record, k) => (k !== j ? record : dropEnd ? record.replace(/\r\nER {2}- $/, '') : record.replace(/PY {2}- \d{4}/, 'PY  - 20x1')));
        expect(() => importLibrary(d, { content: badRis.join('\r\n\r\n') })).toThrow(BriefcaseError);
        expect(exportLibrary(d).sources).toEqual([]);
      }),
      { numRuns: 40 },
    );
    d.close();
  });
});

describe('duplicates across imports', () => {
  const csl = (items: object[]) => JSON.stringify(items.map((item, i) => ({ id: `r${i}`, type: 'report', publisher: 'EUAA', ...item })));

  it('a partial date merges with the fuller date it contains; two editions of a title stay two', () => {
    const d = db();
    expect(importLibrary(d, { content: csl([{ title: 'Country Guidance: Syria', issued: { 'date-parts': [[2021]] } }]) }).sources).toEqual({ added: 1, merged: 0 });
    expect(importLibrary(d, { content: csl([{ title: 'Country guidance – Syria', issued: { 'date-parts': [[2021, 11]] } }]) }).sources).toEqual({ added: 0, merged: 1 });
    expect(importLibrary(d, { content: csl([{ title: 'Country Guidance: Syria', issued: { 'date-parts': [[2023, 2]] } }]) }).sources).toEqual({ added: 1, merged: 0 });
    expect(importLibrary(d, { content: csl([{ title: 'Country Guidance: Syria' }]) }).sources).toEqual({ added: 1, merged: 0 });
    expect(exportLibrary(d).sources.map((s) => s.date)).toEqual(['2021', '2023-02', null]);
  });

  it('an excerpt re-imported under its id with corrected words is kept beside the vault\'s, not dropped', () => {
    const d = db();
    const source = { id: '6f9619ff-8b86-4011-b42d-00cf4fc964ff', publisher: 'DIS', title: 'Fictional report', date: '2020-05', kind: 'coi_report' };
    const excerpt = { id: '7f9619ff-8b86-4011-b42d-00cf4fc964ff', sourceId: source.id, text: 'Fictional passage, first wording.', pinpoint: { page: '3' }, tags: { topic: ['returnees'] } };
    const file = (e: object) => JSON.stringify({ format: 'briefcase-evidence', version: 1, sources: [source], excerpts: [e] });
    importLibrary(d, { content: file(excerpt) });
    expect(importLibrary(d, { content: file({ ...excerpt, tags: { topic: ['detention'] } }) }).excerpts).toEqual({ added: 0, merged: 1 });
    expect(importLibrary(d, { content: file({ ...excerpt, text: 'Fictional passage, corrected wording.' }) }).excerpts).toEqual({ added: 1, merged: 0 });
    const kept = exportLibrary(d).excerpts;
    expect(kept.map((e) => e.text).sort()).toEqual(['Fictional passage, corrected wording.', 'Fictional passage, first wording.']);
    expect(kept.find((e) => e.id === excerpt.id)).toMatchObject({ text: 'Fictional passage, first wording.', tags: { topic: ['returnees', 'detention'] } });
  });
});

describe('RIS dates', () => {
  it('reads the RIS form and the ISO form many tools write, and refuses nonsense', async () => {
    const { risDate } = await import('../../../main/core/evidence/import/ris');
    expect(['2021/04/27/', '2021///', '2021', '2021-04-27', '2021-4', ' 2021-04 '].map(risDate)).toEqual(['2021-04-27', '2021', '2021', '2021-04-27', '2021-04', '2021-04']);
    expect(['2021-13-01', 'April 2021', '21/04/27', '2021-02-30'].map(risDate)).toEqual([null, null, null, null]);
  });
});

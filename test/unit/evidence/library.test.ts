// The evidence library through the service layer on an in-memory, migrated database: import of
// CSL-JSON and RIS with duplicates merged, all-or-nothing rejection, folded search, currency.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { exportLibrary, importLibrary } from '../../../main/core/evidence/library';
import { search } from '../../../main/core/evidence/search';
import { saveExcerpt, saveSource, getSource } from '../../../main/core/evidence/service';
import { migrate } from '../../../main/core/vault/migrations';
import { configure } from '../../../main/core/vault/sqlite';
import { SearchQuery, SourceFields } from '../../../preload/contract';

function db() {
  const d = new Database(':memory:');
  configure(d);
  migrate(d);
  return d;
}

const CSL = JSON.stringify([
  { id: 'a', type: 'report', title: 'Syria – Military service', publisher: 'EASO', issued: { 'date-parts': [[2021, 4]] }, DOI: '10.2847/461371' },
  { id: 'b', type: 'report', title: 'Guidelines on International Protection No. 3', publisher: 'UNHCR', issued: { 'date-parts': [[2003, 2, 10]] }, number: 'HCR/GIP/03/03' },
]);

const RIS = ['TY  - RPRT', 'TI  - Syria – Military service', 'PB  - EASO', 'PY  - 2021///', 'DO  - https://doi.org/10.2847/461371', 'LA  - en', 'ER  - ', ''].join('\n');

describe('evidence import', () => {
  it('imports CSL-JSON, then merges the same report from RIS by DOI', () => {
    const d = db();
    const first = importLibrary(d, { content: CSL });
    expect(first).toMatchObject({ format: 'csl-json', sources: { added: 2, merged: 0 } });
    const second = importLibrary(d, { content: RIS });
    expect(second).toMatchObject({ format: 'ris', sources: { added: 0, merged: 1 } });
    const file = exportLibrary(d);
    expect(file.sources).toHaveLength(2);
    expect(file.sources[0]).toMatchObject({ date: '2021-04', language: 'en', doi: '10.2847/461371', kind: 'coi_report' });
    expect(file.sources[1]).toMatchObject({ date: '2003-02-10', documentNumber: 'HCR/GIP/03/03' });
  });

  it('rejects a malformed RIS file with every problem line and imports nothing', () => {
    const d = db();
    const bad = ['TY  - RPRT', 'PB  - EASO', 'PY  - 20x1', 'ER  - ', 'TI  - stray', 'TY  - RPRT', 'TI  - ok', 'PB  - DIS', ''].join('\n');
    let caught: unknown;
    try {
      importLibrary(d, { content: bad });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BriefcaseError);
    expect((caught as BriefcaseError).issues?.map((i) => i.path)).toEqual(['line:5', 'line:6', 'line:3']);
    expect(exportLibrary(d).sources).toHaveLength(0);
  });

  it('reports CSL problems by JSON path', () => {
    const d = db();
    const content = JSON.stringify([{ type: 'report', title: 'x', issued: { 'date-parts': [['y']] } }, { type: 'report', title: '' }]);
    let caught: unknown;
    try {
      importLibrary(d, { content });
    } catch (error) {
      caught = error;
    }
    expect((caught as BriefcaseError).issues).toEqual([
      { path: '0.issued', message: 'validation.partialDate' },
      { path: '0.publisher', message: 'validation.required' },
      { path: '1.publisher', message: 'validation.required' },
      { path: '1.title', message: 'validation.required' },
    ]);
    expect(exportLibrary(d).sources).toHaveLength(0);
  });
});

describe('evidence search and currency', () => {
  it('folds Danish letters, filters by tag and flags a superseded source with its newer edition', () => {
    const d = db();
    const now = new Date('2026-01-15T00:00:00Z');
    const base = SourceFields.parse({ publisher: 'DIS', title: 'Departure centres', date: '2019-02', kind: 'coi_report' });
    const old = saveSource(d, { source: base }, now);
    const newer = saveSource(d, { source: { ...base, title: 'Departure centres, update', date: '2025-10' } }, now);
    saveSource(d, { id: old.id, source: { ...base, supersededById: newer.id } }, now);
    saveExcerpt(d, { excerpt: { sourceId: old.id, text: 'Families stay at Sjælsmark.', pinpoint: { page: '4', paragraph: null, section: null }, language: 'en', tags: { topic: ['returnees'], place: [], profile: [] } } }, now);
    saveExcerpt(d, { excerpt: { sourceId: newer.id, text: 'Sjælsmark remains open.', pinpoint: { page: '2', paragraph: null, section: null }, language: 'en', tags: { topic: [], place: [], profile: [] } } }, now);

    const result = search(d, SearchQuery.parse({ query: 'Sjaelsmark' }), now);
    expect(result.items.map((i) => i.source.id)).toEqual([newer.id, old.id]);
    const stale = result.items[1]!;
    expect(stale.currency).toMatchObject({ stale: true, reasons: ['old', 'superseded'], newerEdition: { id: newer.id, date: '2025-10' } });
    expect(stale.snippet).toContainEqual({ text: 'Sjælsmark', match: true });
    expect(search(d, SearchQuery.parse({ query: 'sjaels', topic: ['returnees'] }), now).items).toHaveLength(1);
    expect(getSource(d, old.id, now).source.excerptCount).toBe(1);
    // The publisher filter takes part of the name, folded.
    expect(search(d, SearchQuery.parse({ query: 'sjaelsmark', publisher: 'di' }), now).items).toHaveLength(2);
    expect(search(d, SearchQuery.parse({ query: 'sjaelsmark', publisher: 'UNHCR' }), now).items).toHaveLength(0);
  });
});

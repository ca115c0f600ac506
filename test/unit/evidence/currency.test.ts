// Currency: when a source is old, by the warning's rule (currency.ts) and by the search ranking's
// cut-off (search.ts staleBefore). They must agree on every day, or a result would be moved down
// the list without the warning that says why.
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInMonths, currencyOf } from '../../../main/core/evidence/currency';
import { staleBefore } from '../../../main/core/evidence/search';
import { setMaxAgeMonths } from '../../../main/core/evidence/repository';
import { migrate } from '../../../main/core/vault/migrations';
import { configure } from '../../../main/core/vault/sqlite';

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe('currency', () => {
  const db = new Database(':memory:');
  configure(db);
  migrate(db);

  it('the search cut-off and the warning agree on every day, for any limit', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 1, max: 120 }), (source, today, limit) => {
        setMaxAgeMonths(db, limit);
        const flagged = ageInMonths(iso(source), today) > limit;
        expect(iso(source) < staleBefore(db, today)).toBe(flagged);
      }),
      { numRuns: 500 },
    );
  });

  it('counts whole months, a partial date from its first day, and clamps at month ends', () => {
    const today = new Date('2026-03-31T12:00:00Z');
    expect(ageInMonths('2026-02-28', today)).toBe(1);
    expect(ageInMonths('2026-03', today)).toBe(0);
    expect(ageInMonths('2024', today)).toBe(26);
    setMaxAgeMonths(db, 1);
    expect(staleBefore(db, new Date('2026-03-31T00:00:00Z'))).toBe('2026-02-01'); // 31 January is two whole months old: old with a limit of 1
  });

  it('names the newest edition at the end of a chain, and survives a cycle', () => {
    const a = { id: 'a', title: 'First', date: '2020-01', supersededById: 'b' };
    const b = { id: 'b', title: 'Second', date: '2022-01', supersededById: 'c' };
    const c = { id: 'c', title: 'Third', date: '2026-01', supersededById: null };
    const all = new Map([a, b, c].map((s) => [s.id, s]));
    const today = new Date('2026-11-23T00:00:00Z');
    expect(currencyOf(a, (id) => all.get(id), 24, today)).toMatchObject({
      stale: true,
      reasons: ['old', 'superseded'],
      newerEdition: { id: 'c', title: 'Third', date: '2026-01' },
    });
    expect(currencyOf(c, (id) => all.get(id), 24, today)).toMatchObject({ stale: false, reasons: [], newerEdition: null });
    const loop = new Map([['x', { id: 'x', title: 'X', date: null, supersededById: 'y' }], ['y', { id: 'y', title: 'Y', date: null, supersededById: 'x' }]]);
    expect(currencyOf(loop.get('x')!, (id) => loop.get(id), 24, today).newerEdition?.id).toBe('y');
  });
});

// Partial dates: what is a date, the range it stands for, and order checks that complain only when
// two dates cannot be in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FullDate, OptionalPartialDate, PartialDate, isValidPartialDate, mayBeInOrder, partialDateRange } from '../../../preload/schemas/dates';

const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** A full date cut to a year, a month or kept whole. */
const partial = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, n]) => d.slice(0, n));

describe('partial dates', () => {
  it.each(['2015', '2015-03', '2015-03-14', '2024-02-29', '1900', '2100-12-31'])('accepts %s', (text) => {
    expect(isValidPartialDate(text)).toBe(true);
  });

  it.each(['', '15', '2015-3', '2015-13', '2015-00', '2015-02-29', '2015-04-31', '1899', '2101', '2015/03/14', '2015-03-14T00:00', ' 2015x'])(
    'rejects %j',
    (text) => {
      expect(isValidPartialDate(text)).toBe(false);
    },
  );

  it('schemas: trim, key messages, empty optional becomes null, full dates need a day', () => {
    expect(PartialDate.parse(' 2015-03 ')).toBe('2015-03');
    expect(PartialDate.safeParse('2015-13').error?.issues[0]?.message).toBe('validation.partialDate');
    expect(OptionalPartialDate.parse('  ')).toBeNull();
    expect(OptionalPartialDate.parse(null)).toBeNull();
    expect(FullDate.safeParse('2015-03').error?.issues[0]?.message).toBe('validation.fullDate');
    expect(FullDate.parse('2015-03-14')).toBe('2015-03-14');
  });

  it('ranges: a year is Jan 1–Dec 31, a month its first to last day (leap years included)', () => {
    expect(partialDateRange('2015')).toEqual({ first: '2015-01-01', last: '2015-12-31' });
    expect(partialDateRange('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(partialDateRange('2023-02')).toEqual({ first: '2023-02-01', last: '2023-02-28' });
    expect(partialDateRange('2015-03-14')).toEqual({ first: '2015-03-14', last: '2015-03-14' });
  });

  it('order: partial vs full is fine whenever the ranges overlap', () => {
    expect(mayBeInOrder('2015', '2015-01-01')).toBe(true);
    expect(mayBeInOrder('2015-06-30', '2015')).toBe(true);
    expect(mayBeInOrder('2015-06', '2015-06-01')).toBe(true);
    expect(mayBeInOrder('2015-06-02', '2015-06')).toBe(true);
    expect(mayBeInOrder('2015-07-01', '2015-06')).toBe(false);
    expect(mayBeInOrder('2016', '2015-12-31')).toBe(false);
    expect(mayBeInOrder('2015-03-14', '2015-03-14')).toBe(true);
  });

  it('property: every valid date generated is valid, its range contains it, and it lies in its own range', () => {
    fc.assert(
      fc.property(partial, (text) => {
        expect(isValidPartialDate(text)).toBe(true);
        const { first, last } = partialDateRange(text);
        expect(first <= last).toBe(true);
        expect(first.startsWith(text) && last.startsWith(text)).toBe(true);
        expect(isValidPartialDate(first) && isValidPartialDate(last)).toBe(true);
      }),
    );
  });

  it('property: full dates are in order exactly when the later is not before the earlier', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(mayBeInOrder(a, b)).toBe(b >= a);
      }),
    );
  });

  it('property: a date is always in order with itself and with any coarser form of itself, both ways', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(4, 7, 10), (full, n) => {
        const coarse = full.slice(0, n);
        expect(mayBeInOrder(full, full)).toBe(true);
        expect(mayBeInOrder(coarse, full)).toBe(true);
        expect(mayBeInOrder(full, coarse)).toBe(true);
      }),
    );
  });

  it('property: if some day of each could be in order, mayBeInOrder says so (and only then)', () => {
    fc.assert(
      fc.property(partial, partial, (a, b) => {
        const possible = partialDateRange(b).last >= partialDateRange(a).first;
        expect(mayBeInOrder(a, b)).toBe(possible);
        if (!mayBeInOrder(a, b)) expect(mayBeInOrder(b, a)).toBe(true);
      }),
    );
  });
});

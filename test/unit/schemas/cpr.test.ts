// The Danish personal number: format, real dates, the century rule, replacement numbers and
// normalisation. Numbers here are made up; none is meant to be anyone's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cpr, isValidCpr, normaliseCpr } from '../../../preload/schemas/cpr';

describe('CPR', () => {
  it('normalises spaces and the missing dash; refuses anything but ten digits', () => {
    expect(normaliseCpr('0101791234')).toBe('010179-1234');
    expect(normaliseCpr(' 010179 1234 ')).toBe('010179-1234');
    expect(normaliseCpr('010179-1234')).toBe('010179-1234');
    expect(normaliseCpr('010179-123')).toBeNull();
    expect(normaliseCpr('010179-12345')).toBeNull();
    expect(normaliseCpr('01017a-1234')).toBeNull();
  });

  it('requires a real date', () => {
    expect(isValidCpr('310179-1234')).toBe(true);
    expect(isValidCpr('320179-1234')).toBe(false);
    expect(isValidCpr('011379-1234')).toBe(false);
    expect(isValidCpr('000179-1234')).toBe(false);
    expect(isValidCpr('310479-1234')).toBe(false);
  });

  it('uses the seventh digit for the century: 29 February exists only in leap years', () => {
    // 29 Feb 2000 (seventh digit 4, year 00 → 2000: leap) and 29 Feb 1900 (seventh digit 0: not leap)
    expect(isValidCpr('290200-4000')).toBe(true);
    expect(isValidCpr('290200-0000')).toBe(false);
    // seventh digit 5–8: 2000–2057 or 1858–1899. 29 Feb 1896 is real, 29 Feb 1897 is not.
    expect(isValidCpr('290296-5000')).toBe(true);
    expect(isValidCpr('290297-5000')).toBe(false);
    // seventh digit 9: 2000–2036 or 1937–1999.
    expect(isValidCpr('290236-9000')).toBe(true); // 2036 leap
    expect(isValidCpr('290237-9000')).toBe(false); // 1937
  });

  it('accepts replacement numbers (day + 60) and applies no modulus-11 check', () => {
    expect(isValidCpr('610179-1234')).toBe(true); // day 1 + 60
    expect(isValidCpr('910179-1234')).toBe(true); // day 31 + 60
    expect(isValidCpr('920179-1234')).toBe(false); // day 32 + 60
    expect(isValidCpr('010179-4000')).toBe(true); // fails modulus 11
  });

  it('schema: empty is null, stored as DDMMYY-SSSS, invalid has its key', () => {
    expect(Cpr.parse('')).toBeNull();
    expect(Cpr.parse(null)).toBeNull();
    expect(Cpr.parse('0101791234')).toBe('010179-1234');
    expect(Cpr.safeParse('320179-1234').error?.issues[0]?.message).toBe('validation.cpr');
    expect(Cpr.safeParse('abc').error?.issues[0]?.message).toBe('validation.cpr');
  });

  it('property: any valid number survives normalising its own digits', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, (text) => {
        const normal = normaliseCpr(text);
        expect(normal).toBe(`${text.slice(0, 6)}-${text.slice(6)}`);
        expect(isValidCpr(text)).toBe(isValidCpr(normal!));
      }),
    );
  });
});

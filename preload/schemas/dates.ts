// Dates as a paralegal knows them: often only a year, or a year and a month ("she arrived in
// 2015", "the call-up came in March 2012"). A PartialDate is YYYY, YYYY-MM or YYYY-MM-DD. Order
// checks treat a partial date as the range it covers and complain only when the ranges cannot
// be in the required order.
import { z } from 'zod';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidPartialDate(text: string): boolean {
  const match = PARTIAL.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 1900 || year > 2100) return false;
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** The first and last full date a partial date can mean, as YYYY-MM-DD strings (which sort). */
export function partialDateRange(text: string): { first: string; last: string } {
  const [year, month, day] = text.split('-');
  if (day) return { first: text, last: text };
  if (month) {
    const last = String(daysInMonth(Number(year), Number(month))).padStart(2, '0');
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${last}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** True unless `later` certainly lies before `earlier` (the same day is fine). */
export function mayBeInOrder(earlier: string, later: string): boolean {
  return partialDateRange(later).last >= partialDateRange(earlier).first;
}

export const PartialDate = z
  .string()
  .trim()
  .refine(isValidPartialDate, 'validation.partialDate');

export const FullDate = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidPartialDate(s), 'validation.fullDate');

/** Optional partial date: empty becomes null. */
export const OptionalPartialDate = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
  PartialDate.nullable(),
);

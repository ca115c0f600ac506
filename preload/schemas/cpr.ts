// The Danish personal number (CPR): DDMMYY-SSSS. The first six digits are the birth date; the
// seventh digit and the year give the century. Since 2007 not every number passes the old
// modulus-11 check, so it is not applied. Replacement numbers add 60 to the day.
import { z } from 'zod';
import { daysInMonth } from './dates';

export function normaliseCpr(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

function century(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function isValidCpr(text: string): boolean {
  const normal = normaliseCpr(text);
  if (!normal) return false;
  let day = Number(normal.slice(0, 2));
  const month = Number(normal.slice(2, 4));
  const yy = Number(normal.slice(4, 6));
  if (day > 60) day -= 60;
  const year = century(yy, Number(normal[7])) + yy;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Optional CPR number, stored as DDMMYY-SSSS. */
export const Cpr = z.preprocess(
  (value) => (typeof value === 'string' ? (value.trim() === '' ? null : (normaliseCpr(value) ?? value)) : value),
  z.string().refine(isValidCpr, 'validation.cpr').nullable(),
);

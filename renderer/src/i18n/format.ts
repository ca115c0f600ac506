// Dates, numbers and sizes for people, in the chosen language's conventions, via Intl (no date or
// number library). Every function takes the UI language ('da', 'en', as i18n.language gives it) or
// a locale ('da-DK', 'en-GB'): both map to the same locale, so a caller cannot pick a third
// convention by accident (plain 'en' would give American month-first dates).
import { localeFor } from './locale';

/** A calendar day stored as YYYY-MM-DD. Formatted in UTC so it never shifts by a time zone. */
export function formatDay(isoDay: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as sources give it: "2021", "Apr 2021", "19 Apr 2021". */
export function formatPartialDate(date: string | null, language: string): string {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return String(year);
  const value = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day === undefined ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(localeFor(language), options).format(value);
}

/** A moment (ISO 8601 timestamp), shown as its day in the computer's own time zone. */
export function formatMoment(isoTimestamp: string, language: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'long' }).format(date);
}

/** A moment as a short day ("19. jan. 2027", "19 Jan 2027") in the computer's own time zone. */
export function formatShortDay(isoTimestamp: string, language: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium' }).format(date);
}

/** A moment's time of day: 24-hour clock in both languages; seconds where two events may be close. */
export function formatTime(isoTimestamp: string, language: string, seconds = false): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return new Intl.DateTimeFormat(localeFor(language), { timeStyle: seconds ? 'medium' : 'short' }).format(date);
}

/** A moment with its day and time, e.g. for a log entry or a backup. */
export function formatDateTime(isoTimestamp: string, language: string, seconds = false): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' }).format(date);
}

/** A number with the language's separators: 1.234,5 in Danish, 1,234.5 in English. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(localeFor(language), { maximumFractionDigits }).format(value);
}

/** A whole percentage (0–100): "45 %" in Danish, "45%" in English. */
export function formatPercent(percent: number, language: string): string {
  return new Intl.NumberFormat(localeFor(language), { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** A file size in decimal units (B, kB, MB, GB), as file managers show them, one decimal above bytes. */
export function formatSize(bytes: number, language: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${formatNumber(value, language, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

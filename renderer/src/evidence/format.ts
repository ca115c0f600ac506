// How a source and a pinpoint read in a list: "EASO, Syria – Military service, Apr 2021" and
// "p. 12, para. 3.1, s. 2.4", in the UI's language.
import type { Pinpoint } from '../../../preload/contract';

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as people write it. */
export function formatPartialDate(date: string | null, locale: string): string {
  if (!date) return '';
  const [year, month, day] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return String(year);
  const value = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day === undefined ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(value);
}

type T = (key: string, options?: Record<string, unknown>) => string;

export function formatPinpoint(pinpoint: Pinpoint, t: T): string {
  const parts: string[] = [];
  if (pinpoint.page) parts.push(t('evidence.pinpoint.pageShort', { page: pinpoint.page }));
  if (pinpoint.paragraph) parts.push(t('evidence.pinpoint.paragraphShort', { paragraph: pinpoint.paragraph }));
  if (pinpoint.section) parts.push(t('evidence.pinpoint.sectionShort', { section: pinpoint.section }));
  return parts.join(', ');
}

/** "a, b , c" → ["a", "b", "c"]: lists typed as comma-separated text. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

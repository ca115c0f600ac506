// Dates for people, in the chosen language's conventions, via Intl (no date library).

/** A calendar day stored as YYYY-MM-DD. Formatted in UTC so it never shifts by a time zone. */
export function formatDay(isoDay: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO 8601 timestamp), shown as its day in the computer's own time zone. */
export function formatMoment(isoTimestamp: string, locale: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}

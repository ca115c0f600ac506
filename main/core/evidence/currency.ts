// Currency: whether an excerpt's source may be cited without a warning. A source is stale when it
// is older than the clinic's limit (evidence_settings.max_age_months, default 24) or has been
// superseded by a newer edition. Computed on read against today, never stored: it changes with
// the calendar and with the library.
import type { Currency } from '../../../preload/schemas/evidence';

export interface CurrencySource {
  id: string;
  title: string;
  date: string | null;
  supersededById: string | null;
}

/**
 * Whole months from the source's date to `today`. A partial date counts from its first day
 * (a source dated "2019" is as old as one of 1 January 2019), so the warning is never late.
 */
export function ageInMonths(date: string, today: Date): number {
  const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
  let months = (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() + 1 - month);
  if (today.getUTCDate() < day) months -= 1;
  return Math.max(0, months);
}

/**
 * `lookup` finds other sources by id (for the chain of editions). The newest edition is the end of
 * the supersededBy chain; a cycle (which saving refuses) stops the walk.
 */
export function currencyOf(
  source: CurrencySource,
  lookup: (id: string) => CurrencySource | undefined,
  maxAgeMonths: number,
  today: Date,
): Currency {
  const reasons: Currency['reasons'] = [];
  const ageMonths = source.date ? ageInMonths(source.date, today) : null;
  if (ageMonths !== null && ageMonths > maxAgeMonths) reasons.push('old');
  let newer: CurrencySource | undefined;
  const seen = new Set([source.id]);
  for (let next = source.supersededById; next && !seen.has(next); ) {
    const found = lookup(next);
    if (!found) break;
    newer = found;
    seen.add(next);
    next = found.supersededById;
  }
  if (source.supersededById) reasons.push('superseded');
  return {
    stale: reasons.length > 0,
    reasons,
    ageMonths,
    newerEdition: newer ? { id: newer.id, title: newer.title, date: newer.date } : null,
  };
}

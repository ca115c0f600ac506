// Normalised keys for duplicate detection: two records are the same source when their DOIs match,
// or their URLs match, or their title and publisher match and their dates can name the same
// edition (a partial date contains the other), each compared after normalising.
// Stored beside each source (migration 005) so an import looks duplicates up by index.
import { partialDateRange } from '../../../preload/schemas/dates';
import { foldForSearch } from '../text';

/** "https://doi.org/10.2847/461371", "doi:10.2847/461371", "10.2847/461371 " → "10.2847/461371". */
export function doiKey(doi: string | null): string | null {
  if (!doi) return null;
  const match = /10\.\d{4,9}\/\S+/.exec(doi.trim());
  return match ? match[0].toLowerCase().replace(/[.,;]+$/, '') : null;
}

/** Scheme, "www.", a trailing slash, a fragment and case ignored: http://www.x.org/a/ = https://x.org/a; a bare host is no key. */
export function urlKey(url: string | null): string | null {
  if (!url) return null;
  const key = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/#.*$/, '')
    .replace(/\/+$/, '');
  // A site's front page ("euaa.europa.eu") names a publisher, not a document: every edition of a
  // report may carry it, so it must not make them duplicates.
  return key === '' || !key.includes('/') ? null : key;
}

/** Folded words only, so quotes, dashes and spacing do not matter; the date as given (or blank). */
export function titleKey(title: string, publisher: string, date: string | null): string {
  return `${titlePrefix(title, publisher)}${date ?? ''}`;
}

/** The part of a title key before the date: every edition of a report shares it. */
export function titlePrefix(title: string, publisher: string): string {
  const words = (text: string) => foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return `${words(title)}|${words(publisher)}|`;
}

/**
 * Whether two dates can name the same edition: equal, or one partial date containing the other
 * ("2021" and "2021-04"; "2021-04" and "2021-04-27"). "2020-09" and "2021-11" are two editions.
 * An undated record only matches an undated one.
 */
export function sameEdition(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const x = partialDateRange(a);
  const y = partialDateRange(b);
  return (x.first <= y.first && y.last <= x.last) || (y.first <= x.first && x.last <= y.last);
}

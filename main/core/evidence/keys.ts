// Normalised keys for duplicate detection: two records are the same source when their DOIs match,
// or their URLs match, or their title, publisher and date match, each compared after normalising.
// Stored beside each source (migration 005) so an import looks duplicates up by index.
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
  const words = (text: string) => foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return `${words(title)}|${words(publisher)}|${date ?? ''}`;
}

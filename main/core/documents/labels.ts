// The words a document needs that are not the template's own: dates, the labels of the case
// file's enums, pinpoint abbreviations and footnote cross-references, in the document's language.
// main/core may not import the renderer's i18n catalogues, and a document's register is not the
// interface's anyway ("barn" in running text, not the form's "Barn"), so they are kept here.
import type { DocumentLanguage } from '../../../preload/schemas/documents';

const MONTHS: Record<DocumentLanguage, readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as a person writes it: Danish "23. november 2026",
 * "marts 2021", "2019"; English "23 November 2026", "March 2021", "2019". Anything else is returned
 * unchanged (it is printed as text, escaped like every value).
 */
export function formatDate(date: string | null | undefined, language: DocumentLanguage): string | null {
  if (!date) return null;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year!;
  const name = MONTHS[language][Number(month) - 1] ?? month;
  if (!day) return `${name} ${year}`;
  return language === 'da' ? `${Number(day)}. ${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** Today as a full date in the local calendar (the day the lawyer signs). */
export function isoDay(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

/** Whole years from a partial date (counted from its first day) to today; null when undated. */
export function yearsSince(date: string | null | undefined, today: Date): number | null {
  if (!date) return null;
  const [year, month = 1, day = 1] = date.split('-').map(Number) as [number, number?, number?];
  let years = today.getFullYear() - year;
  if (today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)) years -= 1;
  return Math.max(0, years);
}

type Table = Record<string, Record<DocumentLanguage, string>>;

export const RELATIONSHIP: Table = {
  spouse: { da: 'ægtefælle', en: 'spouse' },
  child: { da: 'barn', en: 'child' },
  parent: { da: 'forælder', en: 'parent' },
  sibling: { da: 'søskende', en: 'sibling' },
  grandparent: { da: 'bedsteforælder', en: 'grandparent' },
  grandchild: { da: 'barnebarn', en: 'grandchild' },
  other: { da: 'andet familiemedlem', en: 'other relative' },
};

export const WHEREABOUTS: Table = {
  denmark: { da: 'i Danmark', en: 'in Denmark' },
  country_of_origin: { da: 'i hjemlandet', en: 'in the country of origin' },
  elsewhere: { da: 'andetsteds', en: 'elsewhere' },
  unknown: { da: 'ukendt opholdssted', en: 'whereabouts unknown' },
};

export const SEX: Table = {
  female: { da: 'kvinde', en: 'female' },
  male: { da: 'mand', en: 'male' },
  other: { da: 'andet', en: 'other' },
  unknown: { da: 'ukendt', en: 'unknown' },
};

export const FACT_SOURCE: Table = {
  client_interview: { da: 'samtale med klienten', en: 'client interview' },
  document: { da: 'dokument', en: 'document' },
  third_party: { da: 'tredjepart', en: 'third party' },
  other: { da: 'andet', en: 'other' },
};

export const YES_NO: Record<'yes' | 'no', Record<DocumentLanguage, string>> = {
  yes: { da: 'ja', en: 'yes' },
  no: { da: 'nej', en: 'no' },
};

export const label = (table: Table, id: string | null | undefined, language: DocumentLanguage): string | null =>
  id ? (table[id]?.[language] ?? id) : null;

/** Pinpoint abbreviations: English p./para./s., Danish s./pkt./afsn. (as in the evidence screens). */
const PINPOINT: Record<DocumentLanguage, { page: string; paragraph: string; section: string }> = {
  da: { page: 's.', paragraph: 'pkt.', section: 'afsn.' },
  en: { page: 'p.', paragraph: 'para.', section: 's.' },
};

export function formatPinpoint(pinpoint: { page: string | null; paragraph: string | null; section: string | null }, language: DocumentLanguage): string {
  const words = PINPOINT[language];
  return (['section', 'page', 'paragraph'] as const)
    .filter((key) => pinpoint[key])
    .map((key) => `${words[key]} ${pinpoint[key]}`)
    .join(', ');
}

/** Footnote words: the cross-reference to the first full citation, and the annex a source is in. */
export const FOOTNOTE_WORDS: Record<DocumentLanguage, { see: (n: number) => string; annex: (n: number) => string }> = {
  da: { see: (n) => `se note ${n}`, annex: (n) => `bilag ${n}` },
  en: { see: (n) => `see n. ${n}`, annex: (n) => `annex ${n}` },
};

/** A country's name in the document's language (ICU's names; the code itself when unknown). */
export function countryName(code: string | null | undefined, language: DocumentLanguage): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

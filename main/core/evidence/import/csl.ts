// CSL-JSON, as Zotero and Juris-M export it: an array of items. Mapped: title; publisher, else
// authority (courts, in Juris-M), else container-title, else the first author's literal or family
// name; issued (date-parts, partial allowed, or raw/literal "YYYY[-MM[-DD]]"); DOI; URL; number
// (report, case or document number); language; type → kind. Problems are reported by JSON path
// ("3.issued"), all of them, and the import is refused if there is any.
import type { Issue } from '../../../../preload/contract';
import type { SourceKind } from '../../../../preload/schemas/evidence';
import { checkSource, type ParsedLibrary, type ParsedSource } from './parsed';

const KIND: Record<string, SourceKind> = {
  report: 'coi_report',
  legal_case: 'case_law',
  legislation: 'legislation',
  bill: 'legislation',
  regulation: 'legislation',
  treaty: 'legislation',
  'article-newspaper': 'news',
  'article-magazine': 'news',
  broadcast: 'news',
};

type Item = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

/** A CSL date → "YYYY", "YYYY-MM" or "YYYY-MM-DD"; undefined when absent, null when unusable. */
export function cslDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') return null;
  const date = value as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = Array.isArray(date['date-parts']) ? (date['date-parts'][0] as unknown) : undefined;
  if (Array.isArray(parts) && parts.length > 0) {
    const numbers = parts.slice(0, 3).map((p) => Number(p));
    if (numbers.some((n) => !Number.isInteger(n))) return null;
    const [year, month, day] = numbers as [number, number?, number?];
    return [String(year).padStart(4, '0'), month && String(month).padStart(2, '0'), day && String(day).padStart(2, '0')]
      .filter(Boolean)
      .join('-');
  }
  const raw = text(date.raw) ?? text(date.literal);
  if (raw && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(raw.trim())) return raw.trim();
  return null;
}

function publisherOf(item: Item): string | null {
  const author = Array.isArray(item.author) ? (item.author[0] as Item | undefined) : undefined;
  return text(item.publisher) ?? text(item.authority) ?? text(item['container-title']) ?? text(author?.literal) ?? text(author?.family);
}

export function looksLikeCsl(value: unknown): value is Item[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'object' && item !== null && 'type' in item);
}

export function parseCsl(value: unknown): ParsedLibrary | Issue[] {
  if (!Array.isArray(value)) return [{ path: '', message: 'validation.invalidType' }];
  const issues: Issue[] = [];
  const sources: ParsedSource[] = [];
  value.forEach((raw, index) => {
    const at = (path: string) => (path ? `${index}.${path}` : String(index));
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push({ path: at(''), message: 'validation.invalidType' });
      return;
    }
    const item = raw as Item;
    const date = cslDate(item.issued);
    // An unusable date is one problem; the item's other fields are still checked, so the person
    // sees every problem of the file at once.
    if (date === null) issues.push({ path: at('issued'), message: 'validation.partialDate' });
    const fields = checkSource(
      {
        title: text(item.title) ?? '',
        publisher: publisherOf(item) ?? '',
        date: date ?? null,
        documentNumber: text(item.number),
        doi: text(item.DOI),
        url: text(item.URL),
        language: text(item.language),
        kind: KIND[text(item.type) ?? ''] ?? 'other',
      },
      (path) => at(cslPath(path)),
      issues,
    );
    if (fields && date !== null) sources.push({ fileId: null, fields });
  });
  return issues.length > 0 ? issues : { format: 'csl-json', sources, excerpts: [] };
}

/** Our field name → the CSL field it came from, so the path points into the user's file. */
function cslPath(path: string): string {
  const map: Record<string, string> = { title: 'title', publisher: 'publisher', date: 'issued', documentNumber: 'number', doi: 'DOI', url: 'URL', language: 'language' };
  return map[path] ?? path;
}

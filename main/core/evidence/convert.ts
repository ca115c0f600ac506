// Rows ↔ the contract's shapes, and currency for a batch of sources (following "superseded by"
// chains with one query per link level, not per source).
import type { Currency, ExcerptFields, LibraryExcerpt, LibrarySource, SourceBrief, SourceFields, SourceKind } from '../../../preload/schemas/evidence';
import { partialDateRange } from '../../../preload/schemas/dates';
import type { Db } from '../vault/sqlite';
import { currencyOf, type CurrencySource } from './currency';
import { doiKey, titleKey, urlKey } from './keys';
import * as repo from './repository';

export function toLibrarySource(row: repo.SourceRow): LibrarySource {
  return {
    id: row.id,
    publisher: row.publisher,
    title: row.title,
    date: row.date,
    documentNumber: row.document_number,
    doi: row.doi,
    url: row.url,
    language: row.language,
    kind: row.kind as SourceKind,
    countries: JSON.parse(row.countries) as string[],
    regions: JSON.parse(row.regions) as string[],
    methodNotes: row.method_notes,
    supersededById: row.superseded_by_id,
  };
}

export function toSourceRow(id: string, fields: SourceFields, times: { created_at: string; updated_at: string }): repo.SourceRow {
  const range = fields.date ? partialDateRange(fields.date) : null;
  return {
    id,
    publisher: fields.publisher,
    title: fields.title,
    date: fields.date,
    date_first: range?.first ?? null,
    date_last: range?.last ?? null,
    document_number: fields.documentNumber,
    doi: fields.doi,
    url: fields.url,
    language: fields.language,
    kind: fields.kind,
    countries: JSON.stringify(fields.countries),
    regions: JSON.stringify(fields.regions),
    method_notes: fields.methodNotes,
    superseded_by_id: fields.supersededById,
    doi_key: doiKey(fields.doi),
    url_key: urlKey(fields.url),
    title_key: titleKey(fields.title, fields.publisher, fields.date),
    ...times,
  };
}

export function toBrief(row: { id: string; title: string; publisher: string; date: string | null; kind: string; document_number: string | null }): SourceBrief {
  return { id: row.id, title: row.title, publisher: row.publisher, date: row.date, kind: row.kind as SourceKind, documentNumber: row.document_number };
}

export function toExcerpt(row: repo.ExcerptRow): LibraryExcerpt {
  return {
    id: row.id,
    sourceId: row.source_id,
    text: row.text,
    pinpoint: { page: row.page, paragraph: row.paragraph, section: row.section },
    language: row.language,
    tags: JSON.parse(row.tags) as LibraryExcerpt['tags'],
  };
}

export function toExcerptRow(id: string, fields: ExcerptFields, times: { created_at: string; updated_at: string }): Omit<repo.ExcerptRow, 'seq'> {
  return {
    id,
    source_id: fields.sourceId,
    text: fields.text,
    page: fields.pinpoint.page,
    paragraph: fields.pinpoint.paragraph,
    section: fields.pinpoint.section,
    language: fields.language,
    tags: JSON.stringify(fields.tags),
    ...times,
  };
}

export function tagRows(tags: ExcerptFields['tags']): { axis: string; tag: string }[] {
  return (['topic', 'place', 'profile'] as const).flatMap((axis) => tags[axis].map((tag) => ({ axis, tag })));
}

/** Currency of each given source (by id), loading the editions that supersede them. */
export function currencies(
  db: Db,
  sources: readonly { id: string; title: string; date: string | null; superseded_by_id: string | null }[],
  today = new Date(),
): Map<string, Currency> {
  const known = new Map<string, CurrencySource>();
  const add = (row: { id: string; title: string; date: string | null; superseded_by_id: string | null }) =>
    known.set(row.id, { id: row.id, title: row.title, date: row.date, supersededById: row.superseded_by_id });
  sources.forEach(add);
  const asked = new Set<string>();
  const missing = () =>
    [...new Set([...known.values()].map((s) => s.supersededById))].filter(
      (id): id is string => id !== null && !known.has(id) && !asked.has(id),
    );
  for (let wanted = missing(); wanted.length > 0; wanted = missing()) {
    wanted.forEach((id) => asked.add(id));
    repo.sourcesByIds(db, wanted).forEach(add);
  }
  const maxAge = repo.maxAgeMonths(db);
  return new Map(sources.map((s) => [s.id, currencyOf(known.get(s.id)!, (id) => known.get(id), maxAge, today)]));
}

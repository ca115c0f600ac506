// A source's fields as the editor holds them (text in inputs) and back.
import type { Source, SourceFields, SourceKind } from '../../../preload/contract';
import { splitList } from './format';

export interface SourceDraft {
  publisher: string;
  title: string;
  date: string;
  documentNumber: string;
  doi: string;
  url: string;
  language: string;
  kind: SourceKind;
  countries: string;
  regions: string;
  methodNotes: string;
  supersededById: string;
}

export const EMPTY_SOURCE: SourceDraft = {
  publisher: '',
  title: '',
  date: '',
  documentNumber: '',
  doi: '',
  url: '',
  language: '',
  kind: 'coi_report',
  countries: '',
  regions: '',
  methodNotes: '',
  supersededById: '',
};

export function draftOf(source: Source): SourceDraft {
  return {
    publisher: source.publisher,
    title: source.title,
    date: source.date ?? '',
    documentNumber: source.documentNumber ?? '',
    doi: source.doi ?? '',
    url: source.url ?? '',
    language: source.language ?? '',
    kind: source.kind,
    countries: source.countries.join(', '),
    regions: source.regions.join(', '),
    methodNotes: source.methodNotes,
    supersededById: source.supersededById ?? '',
  };
}

/** The input for evidence.saveSource; the core validates (and trims) it. */
export function fieldsOf(draft: SourceDraft): SourceFields {
  const line = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    publisher: draft.publisher,
    title: draft.title,
    date: line(draft.date),
    documentNumber: line(draft.documentNumber),
    doi: line(draft.doi),
    url: line(draft.url),
    language: line(draft.language),
    kind: draft.kind,
    countries: splitList(draft.countries).map((code) => code.toUpperCase()),
    regions: splitList(draft.regions),
    methodNotes: draft.methodNotes,
    supersededById: draft.supersededById || null,
  };
}

/** The editor field an issue path points at ("source.countries.1" → "countries"). */
export function fieldOfIssue(path: string): keyof SourceDraft | null {
  const names = Object.keys(EMPTY_SOURCE) as (keyof SourceDraft)[];
  const segments = path.split('.');
  return names.find((name) => segments.includes(name)) ?? null;
}

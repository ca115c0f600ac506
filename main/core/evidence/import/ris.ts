// RIS: a small parser of its own, so every problem is reported with its line number. A record runs
// from "TY  - " to "ER  - "; a line that is not a tag continues the field before it (some
// exporters wrap long notes). Mapped: TY → kind; TI, else T1 → title; PB, else A2, else AU →
// publisher; DA (if more precise), else PY → date ("2021/04/27/", "2021///", "2021"); DO; UR;
// LA; M1, else SN → document number; N1 → method notes. Unknown tags are ignored.
import type { Issue } from '../../../../preload/contract';
import type { SourceKind } from '../../../../preload/schemas/evidence';
import { isValidPartialDate } from '../../../../preload/schemas/dates';
import { checkSource, type ParsedLibrary, type ParsedSource } from './parsed';

const KIND: Record<string, SourceKind> = {
  RPRT: 'coi_report',
  GOVDOC: 'coi_report',
  CASE: 'case_law',
  STAT: 'legislation',
  BILL: 'legislation',
  LEGAL: 'legislation',
  NEWS: 'news',
  MGZN: 'news',
};

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

interface Field {
  tag: string;
  value: string;
  line: number;
}

export function looksLikeRis(content: string): boolean {
  return /^\s*TY {2}- /.test(content.replace(/^\ufeff/, ''));
}

/**
 * RIS dates → partial dates: "2021/04/27/" → "2021-04-27", "2021///" → "2021", "2021" → "2021".
 * Many tools write DA as an ISO date instead ("2021-04-27", "2021-04"): accepted too.
 */
export function risDate(value: string): string | null {
  const trimmed = value.trim();
  const [year = '', month = '', day = ''] = /^\d{4}-\d{1,2}(-\d{1,2})?$/.test(trimmed) ? trimmed.split('-') : trimmed.split('/');
  if (!/^\d{4}$/.test(year)) return null;
  const parts = [year];
  if (/^\d{1,2}$/.test(month)) {
    parts.push(month.padStart(2, '0'));
    if (/^\d{1,2}$/.test(day)) parts.push(day.padStart(2, '0'));
  }
  const date = parts.join('-');
  return isValidPartialDate(date) ? date : null;
}

export function parseRis(content: string): ParsedLibrary | Issue[] {
  const issues: Issue[] = [];
  const records: { line: number; fields: Field[] }[] = [];
  let current: { line: number; fields: Field[] } | null = null;
  content
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const match = TAG_LINE.exec(raw.trimEnd());
      if (!match) {
        if (raw.trim() === '') return;
        const last = current?.fields[current.fields.length - 1];
        if (last) last.value += ` ${raw.trim()}`;
        else issues.push({ path: `line:${line}`, message: 'validation.risOutsideRecord' });
        return;
      }
      const tag = match[1]!;
      const value = (match[2] ?? '').trim();
      if (tag === 'TY') {
        if (current) issues.push({ path: `line:${current.line}`, message: 'validation.risUnterminated' });
        current = { line, fields: [{ tag, value, line }] };
      } else if (!current) {
        issues.push({ path: `line:${line}`, message: 'validation.risOutsideRecord' });
      } else if (tag === 'ER') {
        records.push(current);
        current = null;
      } else {
        current.fields.push({ tag, value, line });
      }
    });
  const open = current as { line: number } | null;
  if (open) issues.push({ path: `line:${open.line}`, message: 'validation.risUnterminated' });
  if (records.length === 0 && issues.length === 0) issues.push({ path: 'line:1', message: 'validation.risEmpty' });
  const sources: ParsedSource[] = [];
  for (const record of records) {
    const source = toSource(record, issues);
    if (source) sources.push(source);
  }
  return issues.length > 0 ? issues : { format: 'ris', sources, excerpts: [] };
}

function toSource(record: { line: number; fields: Field[] }, issues: Issue[]): ParsedSource | null {
  const first = (...tags: string[]) => {
    for (const tag of tags) {
      const field = record.fields.find((f) => f.tag === tag && f.value !== '');
      if (field) return field;
    }
    return undefined;
  };
  const py = first('PY');
  const da = first('DA');
  let date: string | null = null;
  for (const field of [da, py]) {
    if (!field) continue;
    const parsed = risDate(field.value);
    if (parsed === null) {
      issues.push({ path: `line:${field.line}`, message: 'validation.partialDate' });
      return null;
    }
    if (date === null || parsed.length > date.length) date = parsed;
  }
  const lineOf: Record<string, number> = {};
  const pick = (name: string, ...tags: string[]) => {
    const field = first(...tags);
    lineOf[name] = field?.line ?? record.line;
    return field?.value ?? null;
  };
  const fields = checkSource(
    {
      title: pick('title', 'TI', 'T1') ?? '',
      publisher: pick('publisher', 'PB', 'A2', 'AU') ?? '',
      date,
      documentNumber: pick('documentNumber', 'M1', 'SN'),
      doi: pick('doi', 'DO'),
      url: pick('url', 'UR'),
      language: pick('language', 'LA'),
      methodNotes: pick('methodNotes', 'N1') ?? '',
      kind: KIND[record.fields[0]?.value ?? ''] ?? 'other',
    },
    (path) => `line:${lineOf[path.split('.')[0] ?? ''] ?? record.line}`,
    issues,
  );
  return fields ? { fileId: null, fields } : null;
}

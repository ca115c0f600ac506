// The library's own format (docs/evidence-format.md): validated whole by EvidenceLibraryFile, so
// ids, references between sources and excerpts, and every field are checked before anything is
// written. Problems are reported by JSON path ("sources.3.title").
import type { Issue } from '../../../../preload/contract';
import { EVIDENCE_FILE_FORMAT, EvidenceLibraryFile } from '../../../../preload/schemas/evidence';
import { issuesFromZod } from '../../errors';
import type { ParsedLibrary } from './parsed';

export function looksLikeOwn(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === EVIDENCE_FILE_FORMAT;
}

export function parseOwn(value: unknown): ParsedLibrary | Issue[] {
  const parsed = EvidenceLibraryFile.safeParse(value);
  if (!parsed.success) return issuesFromZod(parsed.error);
  return {
    format: 'briefcase',
    sources: parsed.data.sources.map(({ id, ...fields }) => ({ fileId: id, fields })),
    excerpts: parsed.data.excerpts,
  };
}

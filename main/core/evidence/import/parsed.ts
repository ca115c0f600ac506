// What every importer produces: sources (with the file's own ids where the format has them) and,
// from the library's own format only, excerpts. Validated with the contract's schemas, so a record
// from Zotero meets the same rules as one typed into the app.
import type { z } from 'zod';
import { SourceFields, type LibraryExcerpt } from '../../../../preload/schemas/evidence';
import type { Issue } from '../../../../preload/contract';
import { issuesFromZod } from '../../errors';
import { firstErrorOffset } from './json-error';

export interface ParsedSource {
  /** The file's id for the source (own format), used to resolve supersededById and excerpts. */
  fileId: string | null;
  fields: SourceFields;
}

export interface ParsedLibrary {
  format: 'csl-json' | 'ris' | 'briefcase';
  sources: ParsedSource[];
  excerpts: LibraryExcerpt[];
}

/** Validates one record's fields; problems are reported at `where` + the field's path. */
export function checkSource(candidate: z.input<typeof SourceFields>, where: (path: string) => string, issues: Issue[]): SourceFields | null {
  const parsed = SourceFields.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of issuesFromZod(parsed.error)) issues.push({ path: where(issue.path), message: issue.message });
  return null;
}

/** Line (1-based) of a character offset, for JSON syntax errors. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** JSON.parse, with a syntax error reported as the line it is on. */
export function parseJson(content: string): { value: unknown } | { issue: Issue } {
  try {
    return { value: JSON.parse(content) as unknown };
  } catch {
    const offset = firstErrorOffset(content);
    return { issue: { path: `line:${lineOf(content, Math.max(0, offset))}`, message: 'validation.jsonSyntax' } };
  }
}

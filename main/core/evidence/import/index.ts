// Reading a library file of any supported format. 'auto' decides by content, never by file name:
// "TY  - " at the start is RIS; JSON with format "briefcase-evidence" is ours; a JSON array of
// items with a "type" is CSL-JSON. A file that is none of these is UNKNOWN_FORMAT; a file with
// problems is INVALID_INPUT listing every one.
import type { Issue } from '../../../../preload/contract';
import type { ImportFormat } from '../../../../preload/schemas/evidence';
import { BriefcaseError } from '../../errors';
import { looksLikeCsl, parseCsl } from './csl';
import { looksLikeOwn, parseOwn } from './own';
import { parseJson, type ParsedLibrary } from './parsed';
import { looksLikeRis, parseRis } from './ris';

export type { ParsedLibrary, ParsedSource } from './parsed';

export function parseLibrary(content: string, format: ImportFormat = 'auto'): ParsedLibrary {
  const result = parse(content, format);
  if (Array.isArray(result)) throw new BriefcaseError('INVALID_INPUT', result);
  return result;
}

function parse(content: string, format: ImportFormat): ParsedLibrary | Issue[] {
  if (format === 'ris' || (format === 'auto' && looksLikeRis(content))) return parseRis(content);
  const json = parseJson(content.replace(/^\ufeff/, ''));
  if ('issue' in json) {
    if (format === 'auto' && !/^\s*[[{]/.test(content.replace(/^\ufeff/, ''))) throw new BriefcaseError('UNKNOWN_FORMAT');
    return [json.issue];
  }
  if (format === 'briefcase' || (format === 'auto' && looksLikeOwn(json.value))) return parseOwn(json.value);
  if (format === 'csl-json' || (format === 'auto' && looksLikeCsl(json.value))) return parseCsl(json.value);
  throw new BriefcaseError('UNKNOWN_FORMAT');
}

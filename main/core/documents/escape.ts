// Values from the case file enter a template's Markdown as TEXT. A client's narrative may hold
// anything ("{{ 7*7 }}", "**", "# 1", "<script>", "&amp;", "[@x]", a line starting "- "), and none
// of it may change the document's structure or become a citation. Liquid's outputEscape runs
// escapeText on every {{ }} output; the few filters that must emit Markdown (cite, narrative,
// paragraphs) return a SafeMarkdown, which outputEscape passes through untouched.
//
// CommonMark lets any ASCII punctuation be backslash-escaped, and then means it literally, so
// escaping all of it (not a hand-picked list) leaves no construct open: emphasis, headings, lists,
// block quotes, links, entities, HTML, code spans, setext underlines, thematic breaks. What is left
// is whitespace: line breaks could end a heading or start a block, four leading spaces make a code
// block, two trailing spaces a hard break. So whitespace runs become one space, and only a blank
// line (a person's paragraphs) may survive, where a filter asks for it.
import { Drop } from 'liquidjs';

/**
 * Characters that never reach the Markdown: controls (not allowed in DOCX XML either), the
 * private-use planes (the composer's citation placeholders live there), and Unicode line and
 * paragraph separators, which some writers would honour as breaks.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const DROPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufeff]|[\udb80-\udbff][\udc00-\udfff]/g;
const SEPARATORS = /[\u2028\u2029\u0085]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** Text with what no document should contain removed, and line endings as \n. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(SEPARATORS, '\n').replace(DROPPED, '');
}

/** Every ASCII punctuation character backslash-escaped (nothing else changed). */
export const escapePunctuation = (text: string): string => text.replace(ASCII_PUNCTUATION, (c) => `\\${c}`);

/** One line of literal text: every ASCII punctuation character escaped, whitespace collapsed. */
export function escapeInline(text: string): string {
  return escapePunctuation(
    cleanText(text)
      .replace(/[ \t\n]+/g, ' ')
      .trim(),
  );
}

/** A person's paragraphs, split at blank lines (whitespace-only lines count as blank). */
export function splitParagraphs(text: string): string[] {
  return cleanText(text)
    .split(/\n[ \t]*\n/)
    .map((part) => part.replace(/[ \t\n]+/g, ' ').trim())
    .filter((part) => part !== '');
}

/** Literal text whose blank lines become paragraph breaks and nothing else. */
export function escapeParagraphs(text: string): string {
  return splitParagraphs(text)
    .map((part) => escapeInline(part))
    .join('\n\n');
}

/**
 * Markdown a filter made on purpose (a citation mark, a narrative with its citations). Extends
 * Liquid's Drop so that any further filter (upcase, append…) sees only its valueOf(), the text,
 * which is then a plain string and escaped as such: the safe fallback.
 */
export class SafeMarkdown extends Drop {
  constructor(readonly markdown: string) {
    super();
  }

  override valueOf(): string {
    return this.markdown;
  }

  override toString(): string {
    return this.markdown;
  }
}

/** Liquid's outputEscape: a value printed by {{ }} or echo. */
export function outputEscape(value: unknown): string {
  if (value instanceof SafeMarkdown) return value.markdown;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => outputEscape(item)).join(', ');
  if (typeof value === 'object') return '';
  return escapeInline(String(value));
}

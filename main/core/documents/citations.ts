// Citations: `[@excerpt-id]` in a template or in the lawyer's narrative becomes a numbered footnote.
//
// They are recognised in the rendered Markdown BEFORE it is parsed, and only where the bracket is
// not backslash-escaped: every value from the case reaches the Markdown escaped ("\[\@x\]"), so a
// client's text can never cite. Each one is replaced by a placeholder of private-use characters
// (which escaping strips from values, so none can be forged), the Markdown parser carries it
// through as ordinary text, and markdown.ts turns it into a FootnoteRef.
//
// Footnotes are numbered in order of first appearance; every citation is a footnote of its own.
// The first citation of a SOURCE is given in full (publisher, title, document number, date,
// pinpoint, URL, annex), later ones short (publisher, short title, pinpoint) with a
// cross-reference to the first ("see n. 3" / "se note 3").
import type { DocumentLanguage } from '../../../preload/schemas/documents';
import type { Footnote, FootnoteRef, Inline } from './model';
import { FOOTNOTE_WORDS, formatDate, formatPinpoint } from './labels';

/** What may follow "[@": an excerpt id (UUIDs, or the starter library's readable ids). */
export const CITATION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const CITATION = /\[@([A-Za-z0-9][A-Za-z0-9._:-]{0,127})\]/g;

const OPEN = '\ue000';
const CLOSE = '\ue001';
const DIGIT0 = 0xe010;
const PLACEHOLDER = /\ue000([\ue010-\ue019]+)\ue001/g;

const encode = (index: number) =>
  OPEN + [...String(index)].map((d) => String.fromCharCode(DIGIT0 + Number(d))).join('') + CLOSE;
const decode = (digits: string) => Number([...digits].map((c) => String(c.charCodeAt(0) - DIGIT0)).join(''));

/** True when the character at `index` is preceded by an odd number of backslashes. */
function escapedAt(text: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) count += 1;
  return count % 2 === 1;
}

/** Replaces each unescaped [@id] by a placeholder; `ids[i]` is the excerpt of placeholder i. */
export function markCitations(markdown: string): { markdown: string; ids: string[] } {
  const ids: string[] = [];
  const marked = markdown.replace(CITATION, (match, id: string, offset: number) => {
    if (escapedAt(markdown, offset)) return match;
    ids.push(id);
    return encode(ids.length - 1);
  });
  return { markdown: marked, ids };
}

/** Text split into literal parts and placeholder indexes, in order. */
export function splitPlaceholders(text: string): (string | number)[] {
  const parts: (string | number)[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(decode(match[1]!));
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** What a footnote says about an excerpt and its source. */
export interface CitableExcerpt {
  id: string;
  pinpoint: { page: string | null; paragraph: string | null; section: string | null };
  source: {
    id: string;
    publisher: string;
    title: string;
    date: string | null;
    documentNumber: string | null;
    url: string | null;
    doi: string | null;
  };
  /** The annex that holds the source's document, when the bundle includes it. */
  annex: number | null;
}

/** A title short enough to repeat: the part before a colon if it says enough, at most 8 words. */
export function shortTitle(title: string): string {
  const colon = title.indexOf(':');
  const head = colon > 0 ? title.slice(0, colon).trim() : '';
  const base = head.split(/\s+/).length >= 3 ? head : title.trim();
  const words = base.split(/\s+/);
  return words.length <= 8 ? base : `${words.slice(0, 6).join(' ')}…`;
}

const sourceUrl = (source: CitableExcerpt['source']): string | null =>
  source.url ?? (source.doi ? `https://doi.org/${source.doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')}` : null);

/**
 * Numbers the citations of one document. `cite` is called in document order; `unknown` collects
 * references that `resolve` does not know (not in the library, or not linked to the case).
 */
export class FootnoteBook {
  private readonly notes: { excerpt: CitableExcerpt; first: number | null }[] = [];
  private readonly firstOfSource = new Map<string, number>();
  readonly unknown: string[] = [];
  readonly cited: CitableExcerpt[] = [];

  constructor(
    private readonly language: DocumentLanguage,
    private readonly resolve: (id: string) => CitableExcerpt | undefined,
  ) {}

  /** The footnote mark for a citation of `id`, or null when the excerpt is unknown. */
  cite(id: string): FootnoteRef | null {
    const excerpt = this.resolve(id);
    if (!excerpt) {
      if (!this.unknown.includes(id)) this.unknown.push(id);
      return null;
    }
    const number = this.notes.length + 1;
    const first = this.firstOfSource.get(excerpt.source.id) ?? null;
    if (first === null) this.firstOfSource.set(excerpt.source.id, number);
    this.notes.push({ excerpt, first });
    if (!this.cited.some((e) => e.id === excerpt.id)) this.cited.push(excerpt);
    return { type: 'footnote', number };
  }

  footnotes(): Footnote[] {
    return this.notes.map(({ excerpt, first }, index) => ({
      number: index + 1,
      content: first === null ? this.full(excerpt) : this.short(excerpt, first),
    }));
  }

  private full(excerpt: CitableExcerpt): Inline[] {
    const { source } = excerpt;
    const words = FOOTNOTE_WORDS[this.language];
    const tail = [source.documentNumber, formatDate(source.date, this.language), formatPinpoint(excerpt.pinpoint, this.language)].filter(
      (part): part is string => !!part,
    );
    const runs: Inline[] = [
      { type: 'text', text: `${source.publisher}, ` },
      { type: 'text', text: source.title, italic: true },
      { type: 'text', text: tail.length > 0 ? `, ${tail.join(', ')}` : '' },
    ];
    const url = sourceUrl(source);
    if (url) runs.push({ type: 'text', text: ', ' }, { type: 'link', text: url, url });
    if (excerpt.annex !== null) runs.push({ type: 'text', text: ` (${words.annex(excerpt.annex)})` });
    runs.push({ type: 'text', text: '.' });
    return merge(runs);
  }

  private short(excerpt: CitableExcerpt, first: number): Inline[] {
    const pinpoint = formatPinpoint(excerpt.pinpoint, this.language);
    return merge([
      { type: 'text', text: `${excerpt.source.publisher}, ` },
      { type: 'text', text: shortTitle(excerpt.source.title), italic: true },
      { type: 'text', text: `${pinpoint ? `, ${pinpoint}` : ''}; ${FOOTNOTE_WORDS[this.language].see(first)}.` },
    ]);
  }
}

/** Adjacent text runs with the same marks become one; empty ones go. */
export function merge(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    if (run.type === 'text' && run.text === '') continue;
    const previous = out[out.length - 1];
    if (run.type === 'text' && previous?.type === 'text' && !!previous.bold === !!run.bold && !!previous.italic === !!run.italic) {
      out[out.length - 1] = { ...previous, text: previous.text + run.text };
    } else {
      out.push(run);
    }
  }
  return out;
}

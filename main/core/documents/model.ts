// The composed document: what a template becomes once Liquid has run, the Markdown is parsed and
// the citations are numbered. The DOCX writer (docx.ts) and the PDF layout engine (pdf/) both
// render exactly this, so the two formats cannot drift apart in content: a test that reads the
// text of one can be held against the other.
//
// Deliberately small: the blocks a brief and a letter use. Anything else a template writes in
// Markdown (tables, images, raw HTML) is refused when the template is checked, not rendered.

/** A run of text with its marks. Text is final: escaping is over, nothing is interpreted. */
export interface TextRun {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A web address, printed as its text and clickable where the format allows. */
export interface LinkRun {
  type: 'link';
  text: string;
  url: string;
}

/** A line break inside a paragraph (an address block, a signature). */
export interface LineBreak {
  type: 'break';
}

/** The reference mark of footnote `number` (1-based, in order of first appearance). */
export interface FootnoteRef {
  type: 'footnote';
  number: number;
}

export type Inline = TextRun | LinkRun | LineBreak | FootnoteRef;

export interface Heading {
  type: 'heading';
  /** 1: the document's title; 2: a section; 3: a subsection (one per risk factor). */
  level: 1 | 2 | 3;
  content: Inline[];
}

export interface Paragraph {
  type: 'paragraph';
  content: Inline[];
  /** 'quote' for a block quotation (a quoted COI passage in the text). */
  style?: 'normal' | 'quote';
}

export interface List {
  type: 'list';
  ordered: boolean;
  /** Each item is a list of blocks: usually one paragraph, possibly a nested list. */
  items: Block[][];
}

export interface PageBreak {
  type: 'pageBreak';
}

export type Block = Heading | Paragraph | List | PageBreak;

export interface Footnote {
  number: number;
  content: Inline[];
}

export interface ComposedDocument {
  /** Document properties: title, author (the clinic's lawyer), language (BCP 47: 'da', 'en'). */
  title: string;
  author: string;
  language: 'da' | 'en';
  subject: string;
  /** The running header on every page, e.g. "Flygtningenævnet · j.nr. 2026-200". */
  header: string;
  blocks: Block[];
  /** In number order; every FootnoteRef in `blocks` has exactly one entry here and vice versa. */
  footnotes: Footnote[];
}

/** The plain text of inline content, as a reader would copy it (footnote marks as their number). */
export function inlineText(content: readonly Inline[]): string {
  return content
    .map((run) => {
      switch (run.type) {
        case 'text':
        case 'link':
          return run.text;
        case 'break':
          return '\n';
        case 'footnote':
          return String(run.number);
      }
    })
    .join('');
}

// Inline runs of the composed document → Word runs. Text is final (escaping happened upstream):
// it goes into w:t as characters, and docx XML-escapes `<`, `&` and quotes, so nothing in it can
// become markup. What this file adds is what Word needs to show the text right.
import { ExternalHyperlink, FootnoteReferenceRun, Tab, TextRun } from 'docx';
import type { ParagraphChild } from 'docx';
import type { Inline } from '../model';

/** Letters of the Arabic script (Arabic, Supplement, Extended-A, presentation forms). */
const ARABIC = '\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF';
/**
 * One right-to-left stretch: Arabic letters, and the spaces and joiners between Arabic words, so
 * "عبد الحكيم" stays one run in its own order rather than two runs Word could reorder around a
 * left-to-right space.
 */
const RTL_STRETCH = new RegExp(`[${ARABIC}]+(?:(?:\\s|\\u200C|\\u200D|\\u200F)+[${ARABIC}]+)*`, 'gu');

/**
 * Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/FFFF).
 * A vertical tab pasted from another program into a narrative would otherwise make Word refuse the
 * whole file as corrupt; dropping it loses nothing a reader could see.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Only these schemes become clickable: a template must not plant a `file:` or script link. */
const LINKABLE = /^(?:https?:|mailto:)/i;

interface Marks {
  bold?: boolean;
  italic?: boolean;
  style?: string;
}

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Splits text into left-to-right and right-to-left pieces, in logical order. */
export function scriptPieces(text: string): { text: string; rtl: boolean }[] {
  const pieces: { text: string; rtl: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(RTL_STRETCH)) {
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), rtl: false });
    pieces.push({ text: match[0], rtl: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), rtl: false });
  return pieces;
}

/**
 * Word runs for one string: right-to-left runs for Arabic script (w:rtl, which also makes Word use
 * the complex-script font and size), line breaks for newlines and tabs for tabs, which w:t would
 * otherwise show as spaces.
 */
export function textRuns(text: string, marks: Marks = {}): TextRun[] {
  const runs: TextRun[] = [];
  const format = (rtl: boolean) => ({
    bold: marks.bold,
    boldComplexScript: marks.bold,
    italics: marks.italic,
    italicsComplexScript: marks.italic,
    style: marks.style,
    rightToLeft: rtl || undefined,
  });
  xmlSafe(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, index) => {
      const pieces = scriptPieces(line);
      if (index > 0) runs.push(new TextRun({ ...format(false), break: 1 }));
      for (const piece of pieces) {
        // A tab in w:t shows as a space; w:tab is Word's tab.
        const children: (string | Tab)[] = [];
        piece.text.split('\t').forEach((part, i) => {
          if (i > 0) children.push(new Tab());
          if (part) children.push(part);
        });
        runs.push(new TextRun({ ...format(piece.rtl), children }));
      }
    });
  return runs;
}

export function inlineRuns(content: readonly Inline[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of content) {
    switch (run.type) {
      case 'text':
        out.push(...textRuns(run.text, { bold: run.bold, italic: run.italic }));
        break;
      case 'link':
        if (LINKABLE.test(run.url)) {
          out.push(new ExternalHyperlink({ link: xmlSafe(run.url), children: textRuns(run.text, { style: 'Hyperlink' }) }));
        } else {
          out.push(...textRuns(run.text));
        }
        break;
      case 'break':
        out.push(new TextRun({ break: 1 }));
        break;
      case 'footnote':
        out.push(new FootnoteReferenceRun(run.number));
        break;
    }
  }
  return out;
}

// Text extraction from PDFs: page by page, with line breaks and Danish letters intact; empty pages
// stay empty strings so page numbers still line up; unreadable and password-protected files give
// the codes a person can act on; an abort stops the work.
import { describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { assemblePageText, extractPageTexts, normaliseWhitespace, type PdfTextItem } from '../../../main/core/evidence/pdf-text';
import { passwordPdf, textPdf } from '../../fixtures/pdf/generate';

const PAGE_1 = ['Udlændingestyrelsen vurderer situationen i området.', 'Æble, øl og år: ÆØÅ æøå.', 'Fictional report, page one.'];
const PAGE_3 = ['Section 2.1   Returnees', 'Security clearance is required on return.'];

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BriefcaseError) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('extractPageTexts', () => {
  it('gives each page its text, lines in order, Danish letters and an empty page included', async () => {
    const pdf = await textPdf([PAGE_1, [], PAGE_3]);
    const pages = await extractPageTexts(pdf);
    expect(pages).toEqual([PAGE_1.join('\n'), '', 'Section 2.1 Returnees\nSecurity clearance is required on return.']);
    // Composed letters, as typed: "æ" is one code point, so search and verbatim checks work.
    expect(pages[0]).toBe(pages[0]?.normalize('NFC'));
  });

  it('marks a paragraph gap with a blank line', async () => {
    const pdf = await textPdf([['First paragraph, line one.', 'Line two.', '', '', 'Second paragraph.']]);
    expect(await extractPageTexts(pdf)).toEqual(['First paragraph, line one.\nLine two.\n\nSecond paragraph.']);
  });

  it('reports progress once the document is open and after every page', async () => {
    const pdf = await textPdf([['a'], ['b'], ['c']]);
    const calls: [number, number][] = [];
    await extractPageTexts(pdf, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('leaves the caller’s bytes as they were', async () => {
    const pdf = await textPdf([['kept']]);
    const copy = pdf.slice();
    await extractPageTexts(pdf);
    expect(pdf.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(pdf).equals(Buffer.from(copy))).toBe(true);
  });

  it('refuses bytes that are not a PDF, or a damaged one, with PDF_UNREADABLE', async () => {
    expect(await codeOf(extractPageTexts(new TextEncoder().encode('This is a plain text file, not a PDF.')))).toBe('PDF_UNREADABLE');
    expect(await codeOf(extractPageTexts(new Uint8Array(0)))).toBe('PDF_UNREADABLE');
    const damaged = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n%%EOF\n');
    expect(await codeOf(extractPageTexts(damaged))).toBe('PDF_UNREADABLE');
  });

  it('refuses a PDF that needs a password with PDF_ENCRYPTED', async () => {
    expect(await codeOf(extractPageTexts(passwordPdf()))).toBe('PDF_ENCRYPTED');
  });

  it('rejects with the signal’s reason when aborted before it starts', async () => {
    const pdf = await textPdf([['a']]);
    const controller = new AbortController();
    controller.abort();
    await expect(extractPageTexts(pdf, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops between pages when aborted part-way', async () => {
    const pdf = await textPdf(Array.from({ length: 20 }, (_, i) => [`Page ${i + 1}`]));
    const controller = new AbortController();
    const done: number[] = [];
    const run = extractPageTexts(pdf, {
      signal: controller.signal,
      onProgress: (count) => {
        done.push(count);
        if (count === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toEqual([0, 1, 2]);
  });

  it('can run again after an abort and several extractions at once', async () => {
    const [a, b] = await Promise.all([textPdf([['alpha'], ['beta']]), textPdf([['gamma']])]);
    expect(await Promise.all([extractPageTexts(a), extractPageTexts(b)])).toEqual([['alpha', 'beta'], ['gamma']]);
  });
});

describe('assemblePageText', () => {
  const item = (str: string, x: number, y: number, width: number, hasEOL = false, height = 10): PdfTextItem => ({
    str,
    transform: [height, 0, 0, height, x, y],
    width,
    height,
    hasEOL,
  });

  it('joins runs on a line, with a space only where they are apart', () => {
    expect(assemblePageText([item('Da', 0, 100, 10), item('mascus', 10, 100, 30), item('province', 45, 100, 40)])).toBe('Damascus province');
  });

  it('breaks lines on hasEOL or a baseline change, and paragraphs on a large gap', () => {
    const items = [item('one', 0, 100, 20, true), item('', 0, 0, 0), item('two', 0, 88, 20), item('three', 0, 40, 20)];
    expect(assemblePageText(items)).toBe('one\ntwo\n\nthree');
  });

  it('keeps a superscript on its line', () => {
    expect(assemblePageText([item('report', 0, 100, 30), item('12', 31, 104, 6, false, 6), item('says', 40, 100, 20)])).toBe('report12 says');
  });
});

describe('normaliseWhitespace', () => {
  it('collapses spaces, trims lines, keeps at most one blank line, composes letters', () => {
    expect(normaliseWhitespace('  a\u00a0\u00a0 b \t\r\n\n\n\n c\u0001d  \n')).toBe('a b\n\nc d');
    expect(normaliseWhitespace('A\u030a')).toBe('Å');
  });
});

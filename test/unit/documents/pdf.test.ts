// The PDF writer (main/core/documents/pdf/), read back the way a reader's tools read it:
// poppler's pdftotext/pdffonts/pdfinfo, qpdf, and pdf-lib for the catalog and outline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposedDocument, Inline } from '../../../main/core/documents/model';
import { inlineText } from '../../../main/core/documents/model';
import { loadFonts, renderPdf, renderPdfWithLayout } from '../../../main/core/documents/pdf/index';
import { parsedFont } from '../../../main/core/documents/pdf/fonts';
import type { FaceName } from '../../../main/core/documents/pdf/fonts';
import { BULLETS } from '../../../main/core/documents/pdf/blocks';
import { CONTENT } from '../../../main/core/documents/pdf/style';
import type { PageLayout } from '../../../main/core/documents/pdf/types';
import { CLIENT, CLIENT_ARABIC, CLIENT_TRANSLITERATED, composedBrief, shortLetter } from '../../fixtures/documents/pdf/brief';
import { pdffonts, pdfinfo, pdftotext, qpdfCheck, writePdf } from './pdf-poppler';

const dir = mkdtempSync(join(tmpdir(), 'briefcase-pdf-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FACES: FaceName[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** The marks cited in a page's body text, from the layout. */
function marksOn(page: PageLayout): number[] {
  return page.body.flatMap(({ line }) => line.cells.filter((cell) => cell.footnote !== undefined).map((cell) => cell.footnote as number));
}

/** Footnote numbers printed at the start of the page's last `noteLines` lines of text (above the
 *  page number), in pdftotext -layout output. */
function noteNumbersIn(text: string, noteLines: number): number[] {
  const lines = text.split('\n').filter((line) => line.trim());
  return lines
    .slice(lines.length - 1 - noteLines, lines.length - 1)
    .map((line) => /^\s*(\d{1,3})\s+\S/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
}

describe('fonts', () => {
  it('cover Danish, transliterated Arabic and Arabic script in every face', () => {
    const needed = 'æøåÆØÅéèüöäÉ§€–—‘’“”…·ʿʾāīūĀĪŪḥṣḍṭẓḤṢḌṬẒ' + BULLETS.join('') + 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي' + '0123456789';
    for (const face of FACES) {
      const font = parsedFont(face);
      const missing = [...needed].filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0) as number));
      expect({ face, missing }).toEqual({ face, missing: [] });
    }
  });

  it('shape Arabic into its joined forms, in visual order', async () => {
    const pdf = await PDFDocument.create();
    const fonts = await loadFonts(pdf);
    const font = parsedFont('regular');
    const names = fonts.regular.shape('سمير').glyphs.map((glyph) => (font.getGlyph(glyph.gid) as unknown as { name: string }).name);
    // Visual order, left to right: the final rāʾ first, the initial sīn last.
    expect(names[0]).toMatch(/^uni0631\.fina/);
    expect(names.at(-1)).toMatch(/^uni0633\.init/);
    expect(names.some((name) => /^uni0645\.medi/.test(name))).toBe(true);
  });

  it('serve pdf-lib drawText (the bundle stamps) with the same embedded subset', async () => {
    const pdf = await PDFDocument.create();
    const fonts = await loadFonts(pdf);
    pdf.addPage().drawText('Side 3 af 12 · Bilag 2 · ÆØÅ ḥ', { x: 50, y: 50, size: 10, font: fonts.bold.pdfFont });
    const path = writePdf(dir, await pdf.save(), 'stamp.pdf');
    expect(pdftotext(path)).toContain('Side 3 af 12 · Bilag 2 · ÆØÅ ḥ');
    expect(pdffonts(path).find((row) => row.name.endsWith('Amiri-Bold'))).toMatchObject({ embedded: true, subset: true, unicode: true });
  });
});

describe('a twenty-page brief with forty footnotes', () => {
  const doc = composedBrief();
  let path = '';
  let pages: PageLayout[] = [];
  let bytes: Uint8Array = new Uint8Array();

  beforeAll(async () => {
    ({ bytes, pages } = await renderPdfWithLayout(doc, { now: new Date('2026-11-23T10:00:00Z') }));
    path = writePdf(dir, bytes, 'brief.pdf');
  });

  it('has its properties, language and page count', async () => {
    const info = pdfinfo(path);
    expect(info.Title).toBe(doc.title);
    expect(info.Author).toBe(doc.author);
    expect(info.Subject).toBe(doc.subject);
    expect(info.Creator).toBe('Briefcase');
    expect(info['Page size']).toContain('(A4)');
    expect(Number(info.Pages)).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(17);
    const back = await PDFDocument.load(bytes);
    expect(back.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('da-DK');
  });

  it('embeds its fonts as subsets with ToUnicode maps', () => {
    const rows = pdffonts(path);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatchObject({ type: 'CID TrueType', embedded: true, subset: true, unicode: true });
  });

  it('passes qpdf --check', () => {
    const result = qpdfCheck(path);
    expect(result.output).toContain('No syntax or stream encoding errors');
    expect(result.status).toBe(0);
  });

  it('prints the running header and "Side X af Y" on every page', () => {
    for (let number = 1; number <= pages.length; number++) {
      const lines = pdftotext(path, { page: number, layout: true }).split('\n').filter((line) => line.trim());
      expect(lines[0]).toContain('Flygtningenævnet · j.nr. 2026-200');
      expect(lines.at(-1)?.trim()).toBe(`Side ${number} af ${pages.length}`);
    }
  });

  it('reads in order: every heading, then the footnotes, in document order', () => {
    const text = pdftotext(path).replace(/\s+/g, ' ');
    const headings = doc.blocks.filter((block) => block.type === 'heading').map((block) => inlineText(block.content));
    let at = -1;
    for (const heading of headings) {
      const found = text.indexOf(heading, at + 1);
      expect({ heading, found: found > at }).toEqual({ heading, found: true });
      at = found;
    }
    // In content order (-raw), list markers and footnote numbers stand before their text. (The
    // default mode's column guess may set a hanging marker apart; -layout keeps the lines.)
    const raw = pdftotext(path, { raw: true, page: 1 });
    expect(raw).toContain('1. 2012: indkaldelse til militærtjeneste');
    expect(raw).toContain('– familien forsøger forgæves');
    expect(raw).toMatch(/^1 \S.*https:\/\//m);
    // Whole sentences survive extraction (words are drawn as words, spaces as spaces).
    expect(text).toContain('Det gøres på denne baggrund gældende, at klienten fortsat har behov for beskyttelse');
  });

  it('sets each footnote at the foot of the page that cites it', () => {
    const seen: number[] = [];
    pages.forEach((page, index) => {
      const marks = marksOn(page);
      expect(page.noteNumbers).toEqual(marks);
      const printed = noteNumbersIn(pdftotext(path, { page: index + 1, layout: true }), page.notes.length);
      // Numbered footnote lines on the page = the marks in its text (list items carry a dot).
      expect(printed).toEqual(marks);
      seen.push(...marks);
      // Notes sit below the body text.
      const lowestBody = Math.min(...page.body.map((placed) => placed.baseline));
      for (const note of page.notes) expect(note.baseline).toBeLessThan(lowestBody);
    });
    expect(seen).toEqual(doc.footnotes.map((note) => note.number));
  });

  it('never ends a page with a heading', () => {
    pages.forEach((page) => {
      const last = page.body.at(-1);
      expect(last?.line.inHeading ?? false).toBe(false);
    });
    expect(pages.flatMap((page) => page.body).filter((placed) => placed.line.heading).length).toBe(doc.blocks.filter((b) => b.type === 'heading').length);
  });

  it('keeps all text inside the margins', () => {
    for (const page of pages) {
      for (const { line, baseline } of [...page.body, ...page.notes]) {
        expect(baseline).toBeGreaterThan(CONTENT.bottom);
        expect(baseline).toBeLessThan(CONTENT.top);
        expect(line.x + line.width).toBeLessThanOrEqual(CONTENT.right + 0.01);
      }
    }
  });

  it('starts the list of annexes on a new page after the page break', () => {
    const annexes = pages.findIndex((page) => page.body.some(({ line }) => line.heading?.title === 'Bilagsfortegnelse'));
    expect(annexes).toBeGreaterThan(0);
    expect(pages[annexes]?.body[0]?.line.heading?.title).toBe('Bilagsfortegnelse');
  });

  it('prints the client’s names: Arabic script (shaped, extracted in logical order) and transliterated', () => {
    const first = pdftotext(path, { page: 1 });
    expect(first).toContain(CLIENT);
    expect(first).toContain(CLIENT_ARABIC);
    expect(first).toContain(CLIENT_TRANSLITERATED);
    expect(first).toContain('Flygtningenævnet');
  });

  it('has an outline of the headings, nested by level, each opening its page', async () => {
    const back = await PDFDocument.load(bytes);
    const pageOf = new Map(back.getPages().map((page, index) => [page.ref.toString(), index]));
    const root = back.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const walk = (first: PDFDict | undefined, depth: number, out: { title: string; depth: number; page: number }[]): void => {
      for (let node = first; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
        const title = node.lookup(PDFName.of('Title'), PDFHexString).decodeText();
        const target = node.lookup(PDFName.of('Dest'), PDFArray).get(0);
        out.push({ title, depth, page: target instanceof PDFRef ? (pageOf.get(target.toString()) ?? -1) : -1 });
        walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1, out);
      }
    };
    const items: { title: string; depth: number; page: number }[] = [];
    walk(root.lookupMaybe(PDFName.of('First'), PDFDict), 1, items);
    const headings = doc.blocks.flatMap((block) => (block.type === 'heading' ? [{ title: inlineText(block.content), depth: block.level }] : []));
    expect(items.map(({ title, depth }) => ({ title, depth }))).toEqual(headings);
    const placed = pages.flatMap((page, index) => page.body.filter(({ line }) => line.heading).map(() => index));
    expect(items.map((item) => item.page)).toEqual(placed);
  });

  it('makes the footnotes’ URLs clickable', async () => {
    const back = await PDFDocument.load(bytes);
    const uris = back.getPages().flatMap((page) => {
      const annots = page.node.Annots();
      if (!annots) return [];
      return annots.asArray().map((ref) => {
        const action = back.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict);
        return action.lookup(PDFName.of('URI'), PDFString).decodeText();
      });
    });
    const linked = doc.footnotes.flatMap((note) => note.content.flatMap((run) => (run.type === 'link' ? [run.url] : [])));
    expect(linked.length).toBeGreaterThan(0);
    for (const url of linked) expect(uris).toContain(url);
  });
});

describe('layout rules', () => {
  const text = (value: string): Inline => ({ type: 'text', text: value });
  const base = (blocks: ComposedDocument['blocks'], footnotes: ComposedDocument['footnotes'] = []): ComposedDocument => ({
    title: 'Test',
    author: 'Jens Testmand',
    language: 'en',
    subject: 'Layout',
    header: 'Refugee Appeals Board · ref. 2026-200',
    blocks,
    footnotes,
  });
  const filler = 'The Board must assess the risk at the time of its decision, on the material before it. ';

  it('continues a footnote too long for one page on the next page, without a number', async () => {
    const long = Array.from({ length: 150 }, (_, i) => `Sentence no${i + 1} of the long note.`).join(' ');
    const doc = base(
      [
        { type: 'paragraph', content: [text(filler.repeat(30))] },
        { type: 'paragraph', content: [text('The cited line.'), { type: 'footnote', number: 1 }] },
        { type: 'paragraph', content: [text(filler.repeat(10))] },
      ],
      [{ number: 1, content: [text(long)] }],
    );
    const { bytes, pages } = await renderPdfWithLayout(doc);
    const path = writePdf(dir, bytes, 'long-note.pdf');
    const cited = pages.findIndex((page) => marksOn(page).includes(1));
    expect(pages[cited]?.noteNumbers).toEqual([1]);
    const next = pages[cited + 1];
    expect(next?.notes.length).toBeGreaterThan(0);
    expect(next?.notes[0]?.line.label).toBeUndefined();
    expect(noteNumbersIn(pdftotext(path, { page: cited + 2, layout: true }), next?.notes.length ?? 0)).toEqual([]);
    const all = pdftotext(path).replace(/\s+/g, ' ');
    expect(all).toContain('Sentence no1 of the long note.');
    expect(all).toContain('Sentence no150 of the long note.');
    expect(all.indexOf('Sentence no1 of')).toBeLessThan(all.indexOf('Sentence no150 of'));
  });

  it('moves a line to the next page when its footnote does not fit under it', async () => {
    const note = Array.from({ length: 9 }, (_, i) => `Part ${i + 1} of a note of middling length, which takes several lines.`).join(' ');
    for (const repeat of [34, 35, 36, 37, 38]) {
      const doc = base(
        [
          { type: 'paragraph', content: [text(filler.repeat(repeat))] },
          { type: 'paragraph', content: [text('Cited here.'), { type: 'footnote', number: 1 }, text(' ' + filler.repeat(3))] },
        ],
        [{ number: 1, content: [text(note)] }],
      );
      const { pages } = await renderPdfWithLayout(doc);
      const cited = pages.findIndex((page) => marksOn(page).includes(1));
      expect(pages[cited]?.noteNumbers).toEqual([1]);
      expect(pages.filter((page) => page.notes.length > 0)).toHaveLength(1);
    }
  });

  it('cuts a word longer than the line and keeps every character', async () => {
    const url = `https://example.org/${'a'.repeat(400)}`;
    const doc = base([{ type: 'paragraph', content: [text('See '), { type: 'link', text: url, url }, text(' for more.')] }]);
    const { pages } = await renderPdfWithLayout(doc);
    const lines = pages.flatMap((page) => page.body.map(({ line }) => line.cells.map((cell) => cell.text).join('')));
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('').replace(/ /g, '')).toBe(`See${url}formore.`);
  });

  it('writes an English document with "Page X of Y" and en-GB', async () => {
    const bytes = await renderPdf(shortLetter());
    const path = writePdf(dir, bytes, 'letter.pdf');
    const textOut = pdftotext(path, { layout: true });
    expect(textOut).toContain('Page 1 of 1');
    expect(textOut).toContain('Refugee Appeals Board · ref. 2026-200');
    expect(textOut).toContain(CLIENT_ARABIC);
    const back = await PDFDocument.load(bytes);
    expect(back.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en-GB');
  });
});

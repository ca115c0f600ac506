// The PDF writer: a ComposedDocument → an A4 PDF with running header, page numbers, footnotes at
// the foot of the page that cites them, bookmarks of the headings, document properties, and
// embedded subset fonts with ToUnicode maps (so the text can be searched and copied).
import { PDFDocument, PDFString } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import type { ComposedDocument } from '../model';
import { layoutBlocks, layoutNotes } from './blocks';
import { PageWriter } from './draw';
import { loadFonts, fontsDir } from './fonts';
import type { FaceName, Fonts } from './fonts';
import { addOutline } from './outline';
import type { OutlineEntry } from './outline';
import { paginate } from './paginate';
import { flateStream } from './streams';
import { COLORS, CONTENT, NOTE, PAGE, RUNNING } from './style';
import type { Cell, CellStyle, PageLayout } from './types';

export { loadFonts, fontsDir };
export type { Fonts };

export interface RenderOptions {
  fontsDir?: string;
  /** Creation date written to the document's properties (tests pin it). */
  now?: Date;
}

export async function renderPdf(doc: ComposedDocument, options: RenderOptions = {}): Promise<Uint8Array> {
  return (await renderPdfWithLayout(doc, options)).bytes;
}

/** renderPdf, plus where every line and footnote went (for tests and diagnostics). */
export async function renderPdfWithLayout(doc: ComposedDocument, options: RenderOptions = {}): Promise<{ bytes: Uint8Array; pages: PageLayout[] }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await loadFonts(pdf, options.fontsDir ?? fontsDir());
  const measure = (text: string, style: CellStyle): number => {
    const face = fonts[style.face];
    return (face.measure(text) * style.size) / face.unitsPerEm;
  };

  const pages = paginate(layoutBlocks(doc.blocks, measure), layoutNotes(doc.footnotes, measure));
  const outline: OutlineEntry[] = [];
  pages.forEach((layout, index) => {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    const writer = new PageWriter(fonts, fontKeys(page, fonts));
    drawRunning(writer, doc, index + 1, pages.length);
    for (const { line, baseline } of layout.body) {
      writer.line(line, baseline);
      if (line.heading) outline.push({ ...line.heading, pageIndex: index, top: baseline + line.size });
    }
    if (layout.notesTop !== null) {
      writer.rule(CONTENT.left, CONTENT.left + NOTE.ruleWidth, layout.notesTop - NOTE.separator / 3, 0.5, COLORS.muted);
      for (const { line, baseline } of layout.notes) writer.line(line, baseline);
    }
    page.node.addContentStream(flateStream(pdf.context, writer.ops.join('\n')));
    addLinks(pdf, page, writer.links);
  });

  setProperties(pdf, doc, options.now ?? new Date());
  addOutline(pdf, outline);
  const bytes = await pdf.save();
  return { bytes, pages };
}

function fontKeys(page: PDFPage, fonts: Fonts): Record<FaceName, string> {
  const key = (face: FaceName): string => page.node.newFontDictionary(face, fonts[face].pdfFont.ref).asString();
  return { regular: key('regular'), bold: key('bold'), italic: key('italic'), boldItalic: key('boldItalic') };
}

/** Running header (doc.header, with a rule under it) and "Side X af Y" / "Page X of Y". */
function drawRunning(writer: PageWriter, doc: ComposedDocument, number: number, total: number): void {
  const base: CellStyle = { face: 'regular', size: RUNNING.size, color: COLORS.muted, rise: 0 };
  if (doc.header.trim()) {
    const text = doc.header.replace(/\s+/g, ' ').trim();
    const natural = writer.measure(text, base);
    // A header too long for the line is set smaller rather than cut.
    const size = natural > CONTENT.width ? Math.max(5, (RUNNING.size * CONTENT.width) / natural) : RUNNING.size;
    writer.cells([{ text, style: { ...base, size } }], CONTENT.left, RUNNING.headerBaseline);
    writer.rule(CONTENT.left, CONTENT.right, RUNNING.ruleY, 0.4, COLORS.muted);
  }
  const label = doc.language === 'da' ? `Side ${number} af ${total}` : `Page ${number} of ${total}`;
  const cells: Cell[] = [{ text: label, style: base }];
  writer.cells(cells, (PAGE.width - writer.width(cells)) / 2, RUNNING.footerBaseline);
}

function addLinks(pdf: PDFDocument, page: PDFPage, links: PageWriter['links']): void {
  for (const link of links) {
    const annotation = pdf.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: link.rect.map((value) => Math.round(value * 100) / 100),
      Border: [0, 0, 0],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(uriString(link.url)) },
    });
    page.node.addAnnot(pdf.context.register(annotation));
  }
}

/** A URI as a PDF literal string: ASCII only (RFC 3986 percent-encoding), delimiters escaped
 *  (pdf-lib writes PDFString values as they are). */
function uriString(url: string): string {
  return url.replace(/[^\x20-\x7e]/gu, (char) => encodeURIComponent(char)).replace(/[\\()]/g, (char) => `\\${char}`);
}

function setProperties(pdf: PDFDocument, doc: ComposedDocument, now: Date): void {
  pdf.setTitle(doc.title, { showInWindowTitleBar: true });
  pdf.setAuthor(doc.author);
  pdf.setSubject(doc.subject);
  pdf.setLanguage(doc.language === 'da' ? 'da-DK' : 'en-GB');
  pdf.setCreator('Briefcase');
  pdf.setProducer('Briefcase PDF writer (pdf-lib)');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
}

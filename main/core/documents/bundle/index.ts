// The bundle: one PDF to file with the Board. The cover letter, the brief, a list of annexes
// (number, name, first page in the bundle), then the annexes themselves: the case's PDFs and
// images and the stored documents of cited sources, in the order compose.ts numbered them. Every
// page carries a continuous stamp ("Side 12 af 340") and the outline has one entry per part and
// per annex.
//
// The stamp never covers a document's own text: pages copied from another PDF are made taller by
// a small band on the side that shows as the bottom (whatever the page's /Rotate), and the stamp
// goes into the band; the pages the bundle draws itself (the index, images, placeholders) are A4
// with the band kept free. An annex that cannot be read (password-protected, damaged, a type that
// is neither PDF nor PNG/JPEG) does not stop the bundle: it gets a page that names it, and
// inspectAnnex() reports it to the pre-flight beforehand.
//
// Memory: one annex's bytes and its parsed document at a time, besides the bundle being built.
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DocumentLanguage } from '../../../../preload/schemas/documents';
import type { Db } from '../../vault/sqlite';
import { bundleText } from '../bundle-text';
import { readOutline, shiftOutline, writeOutline, type OutlineEntry } from '../outline';
import { drawIndex, layoutIndex } from './annex-index';
import { annexPages, loadAnnex } from './annexes';
import { A4 } from './page';
import { stamp } from './stamp';

export { BAND } from './page';

export interface BundlePart {
  /** The outline entry ("Følgebrev", "Indlæg"). */
  title: string;
  /** The part as rendered by pdf/ (renderPdf). */
  pdf: Uint8Array;
}

export interface BundleAnnex {
  number: number;
  name: string;
  /** The stored file: a case attachment, or the document of a cited source. */
  attachmentId: string;
  mediaType: string;
}

export interface BundleFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface BundleInput {
  language: DocumentLanguage;
  title: string;
  author: string;
  subject: string;
  parts: readonly BundlePart[];
  annexes: readonly BundleAnnex[];
  /** Embeds the fonts the bundle prints with (the PDF writer's: pdf/fonts). */
  embedFonts: (pdf: PDFDocument) => Promise<BundleFonts>;
  /** Document dates; fixed in tests so two runs give the same metadata. */
  now?: Date;
}

/** Whether an annex can go into the bundle, and how many pages it will take. */
export async function inspectAnnex(db: Db, annex: Pick<BundleAnnex, 'attachmentId' | 'mediaType'>): Promise<{ pages: number | null; usable: boolean }> {
  const loaded = await loadAnnex(db, annex);
  if (loaded.kind === 'pdf') return { pages: loaded.doc.getPageCount(), usable: true };
  if (loaded.kind === 'image') return { pages: 1, usable: true };
  return { pages: null, usable: false };
}

export async function buildBundle(db: Db, input: BundleInput): Promise<Uint8Array> {
  const text = bundleText[input.language];
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await input.embedFonts(pdf);
  const outline: OutlineEntry[] = [];
  /** Pages copied from other PDFs: they get the band added; the bundle's own pages have it. */
  const copied = new Set<PDFPage>();
  /** The annex each page belongs to, for "Bilag 3 · Side 12 af 340". */
  const annexOfPage = new Map<PDFPage, number>();

  for (const part of input.parts) {
    const source = await PDFDocument.load(part.pdf, { updateMetadata: false });
    const pages = await pdf.copyPages(source, source.getPageIndices());
    // The part's own headings go under its entry, so the reader can jump within the brief too.
    outline.push({ title: part.title, pageIndex: pdf.getPageCount(), children: shiftOutline(readOutline(source), pdf.getPageCount()), open: false });
    for (const page of pages) {
      pdf.addPage(page);
      copied.add(page);
    }
  }

  // The index is laid out first (its length does not depend on the page numbers it will show),
  // its pages are added blank, and filled in once every annex has found its first page.
  const indexStart = pdf.getPageCount();
  const index = layoutIndex(input.annexes, fonts);
  const indexPages = index.pages.map(() => pdf.addPage(A4));
  const indexEntry: OutlineEntry = { title: text.indexTitle, pageIndex: indexStart, children: [] };
  outline.push(indexEntry);

  const firstPages = new Map<number, number>();
  for (const annex of input.annexes) {
    firstPages.set(annex.number, pdf.getPageCount() + 1);
    indexEntry.children!.push({ title: `${text.annex(annex.number)}: ${annex.name}`, pageIndex: pdf.getPageCount() });
    for (const page of await annexPages(db, pdf, annex, fonts, text)) {
      annexOfPage.set(page.page, annex.number);
      if (page.copied) copied.add(page.page);
    }
  }

  drawIndex(indexPages, index, firstPages, fonts, text);
  stamp(pdf, fonts.regular, text, copied, annexOfPage);
  writeOutline(pdf, outline);

  const now = input.now ?? new Date();
  pdf.setTitle(input.title, { showInWindowTitleBar: true });
  pdf.setAuthor(input.author);
  pdf.setSubject(input.subject);
  pdf.setLanguage(input.language);
  pdf.setCreator('Briefcase');
  pdf.setProducer('Briefcase (pdf-lib)');
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  return pdf.save({ useObjectStreams: true });
}

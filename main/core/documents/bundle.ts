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
import { createHash } from 'node:crypto';
import { PDFDocument, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DocumentLanguage } from '../../../preload/schemas/documents';
import * as attachments from '../attachments/repository';
import type { Db } from '../vault/sqlite';
import { bundleText, type BundleText } from './bundle-text';
import { readOutline, shiftOutline, writeOutline, type OutlineEntry } from './outline';

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

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56.7; // 2 cm
/** Height of the band that holds the stamp. */
export const BAND = 20;
const STAMP_SIZE = 8;
const GREY = rgb(0.25, 0.25, 0.25);

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

// ---------------------------------------------------------------------------------------------
// Annexes

type Loaded = { kind: 'pdf'; doc: PDFDocument } | { kind: 'image'; type: 'png' | 'jpeg'; bytes: Uint8Array } | { kind: 'unusable' };

/**
 * The stored bytes of an attachment, chunk by chunk into one array, checked against its size and
 * SHA-256. A plain Uint8Array of its own, never a pooled Buffer: pdf-lib's JPEG reader makes a
 * DataView over `.buffer` and ignores the byte offset, so a small pooled Buffer reads as garbage.
 */
export function readStored(db: Db, attachmentId: string): Uint8Array | null {
  const row = attachments.getComplete(db, attachmentId);
  if (!row) return null;
  const bytes = new Uint8Array(row.size);
  const hash = createHash('sha256');
  let size = 0;
  for (let seq = 0; ; seq += 1) {
    const data = attachments.chunk(db, attachmentId, seq);
    if (!data) break;
    if (size + data.length > row.size) return null;
    hash.update(data);
    bytes.set(data, size);
    size += data.length;
  }
  if (size !== row.size || hash.digest('hex') !== row.sha256) return null;
  return bytes;
}

async function loadAnnex(db: Db, annex: Pick<BundleAnnex, 'attachmentId' | 'mediaType'>): Promise<Loaded> {
  const bytes = readStored(db, annex.attachmentId);
  if (!bytes) return { kind: 'unusable' };
  if (annex.mediaType === 'application/pdf') {
    try {
      // Encryption is refused, not ignored: pdf-lib would copy the pages but not decrypt them.
      const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
      return doc.getPageCount() > 0 ? { kind: 'pdf', doc } : { kind: 'unusable' };
    } catch {
      // EncryptedPDFError, or a file pdf-lib cannot parse at all.
      return { kind: 'unusable' };
    }
  }
  if (annex.mediaType === 'image/png' && PNG_MAGIC.every((byte, i) => bytes[i] === byte)) return { kind: 'image', type: 'png', bytes };
  if (annex.mediaType === 'image/jpeg' && bytes[0] === 0xff && bytes[1] === 0xd8) return { kind: 'image', type: 'jpeg', bytes };
  return { kind: 'unusable' };
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Adds an annex's pages (or the page standing in for it) to the bundle. */
async function annexPages(
  db: Db,
  pdf: PDFDocument,
  annex: BundleAnnex,
  fonts: BundleFonts,
  text: BundleText,
): Promise<{ page: PDFPage; copied: boolean }[]> {
  const loaded = await loadAnnex(db, annex);
  try {
    if (loaded.kind === 'pdf') {
      const pages = await pdf.copyPages(loaded.doc, loaded.doc.getPageIndices());
      return pages.map((page) => ({ page: pdf.addPage(page), copied: true }));
    }
    if (loaded.kind === 'image') {
      const image = loaded.type === 'png' ? await pdf.embedPng(loaded.bytes) : await pdf.embedJpg(loaded.bytes);
      const page = pdf.addPage(A4);
      // Scaled to fit inside the margins, above the band, centred; never distorted.
      const width = A4[0] - 2 * MARGIN;
      const height = A4[1] - 2 * MARGIN - BAND;
      const scale = Math.min(width / image.width, height / image.height);
      const w = image.width * scale;
      const h = image.height * scale;
      page.drawImage(image, { x: (A4[0] - w) / 2, y: BAND + MARGIN + (height - h) / 2, width: w, height: h });
      return [{ page, copied: false }];
    }
  } catch {
    // A PDF whose pages cannot be copied, an image pdf-lib cannot decode: a placeholder instead.
    // (copyPages and embed* fail before any page is added, so nothing half-added is left.)
  }
  return [{ page: placeholderPage(pdf, annex, fonts, text), copied: false }];
}

function placeholderPage(pdf: PDFDocument, annex: BundleAnnex, fonts: BundleFonts, text: BundleText): PDFPage {
  const page = pdf.addPage(A4);
  const width = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN - 16;
  for (const line of wrap(text.placeholderTitle(annex.number), fonts.bold, 16, width)) {
    page.drawText(line, { x: MARGIN, y, size: 16, font: fonts.bold });
    y -= 22;
  }
  y -= 8;
  for (const line of [...wrap(annex.name, fonts.regular, 11, width), '', ...wrap(text.placeholderBody, fonts.regular, 11, width)]) {
    if (line) page.drawText(line, { x: MARGIN, y, size: 11, font: fonts.regular });
    y -= 16;
  }
  return page;
}

// ---------------------------------------------------------------------------------------------
// The list of annexes

const INDEX = { titleSize: 16, size: 10.5, leading: 15, numberWidth: 60, pageWidth: 50, rowGap: 5 };

interface IndexLayout {
  /** Per page, its rows: the annex number and the lines of its name. */
  pages: { number: number; lines: string[] }[][];
}

function layoutIndex(annexes: readonly BundleAnnex[], fonts: BundleFonts): IndexLayout {
  const nameWidth = A4[0] - 2 * MARGIN - INDEX.numberWidth - INDEX.pageWidth - 12;
  const top = A4[1] - MARGIN - INDEX.titleSize - 30; // below the title and the column heads
  const bottom = MARGIN + BAND;
  const pages: IndexLayout['pages'] = [[]];
  let y = top;
  for (const annex of annexes) {
    const lines = wrap(annex.name, fonts.regular, INDEX.size, nameWidth);
    const height = lines.length * INDEX.leading + INDEX.rowGap;
    if (y - height < bottom && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      y = top;
    }
    pages[pages.length - 1]!.push({ number: annex.number, lines });
    y -= height;
  }
  return { pages };
}

function drawIndex(pages: PDFPage[], layout: IndexLayout, firstPages: Map<number, number>, fonts: BundleFonts, text: BundleText): void {
  const x = { number: MARGIN, name: MARGIN + INDEX.numberWidth, pageRight: A4[0] - MARGIN };
  layout.pages.forEach((rows, p) => {
    const page = pages[p]!;
    let y = A4[1] - MARGIN - INDEX.titleSize;
    page.drawText(text.indexTitle, { x: MARGIN, y, size: INDEX.titleSize, font: fonts.bold });
    y -= 30;
    const head = text.indexColumns;
    page.drawText(head.number, { x: x.number, y, size: INDEX.size, font: fonts.bold });
    page.drawText(head.name, { x: x.name, y, size: INDEX.size, font: fonts.bold });
    page.drawText(head.page, { x: x.pageRight - fonts.bold.widthOfTextAtSize(head.page, INDEX.size), y, size: INDEX.size, font: fonts.bold });
    page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: x.pageRight, y: y - 4 }, thickness: 0.5, color: GREY });
    y -= INDEX.leading + 4;
    if (rows.length === 0) page.drawText(text.noAnnexes, { x: MARGIN, y, size: INDEX.size, font: fonts.regular });
    for (const row of rows) {
      const first = String(firstPages.get(row.number) ?? '');
      page.drawText(String(row.number), { x: x.number, y, size: INDEX.size, font: fonts.regular });
      page.drawText(first, { x: x.pageRight - fonts.regular.widthOfTextAtSize(first, INDEX.size), y, size: INDEX.size, font: fonts.regular });
      for (const line of row.lines) {
        page.drawText(line, { x: x.name, y, size: INDEX.size, font: fonts.regular });
        y -= INDEX.leading;
      }
      y -= INDEX.rowGap;
    }
  });
}

/** Greedy word wrap; a word wider than the line is broken between characters. */
export function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of value.replace(/\s+/g, ' ').trim().split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      let cut = 1;
      const chars = [...rest];
      while (cut < chars.length && fits(chars.slice(0, cut + 1).join(''))) cut += 1;
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

// ---------------------------------------------------------------------------------------------
// The stamp

/**
 * "Side 12 af 340" at the bottom right of every page (on an annex's pages preceded by "Bilag 3").
 * A copied page first grows by BAND on the edge that displays as its bottom; the text is turned
 * with the page so it reads upright in a viewer.
 */
function stamp(pdf: PDFDocument, font: PDFFont, text: BundleText, copied: Set<PDFPage>, annexOfPage: Map<PDFPage, number>): void {
  const pages = pdf.getPages();
  pages.forEach((page, index) => {
    const annex = annexOfPage.get(page);
    const label = `${annex !== undefined ? `${text.annex(annex)} · ` : ''}${text.page(index + 1, pages.length)}`;
    const width = font.widthOfTextAtSize(label, STAMP_SIZE);
    const box = copied.has(page) ? growBottom(page) : { ...page.getCropBox(), bandAt: page.getCropBox().y };
    const rotation = normalisedRotation(page);
    const inset = 6; // from the outer edge of the band to the baseline
    const margin = 28;
    // Where the text starts and which way it runs, in the page's own (unrotated) coordinates.
    const spot =
      rotation === 0
        ? { x: box.x + box.width - margin - width, y: box.bandAt + inset }
        : rotation === 90
          ? { x: box.bandAt - inset, y: box.y + box.height - margin - width }
          : rotation === 180
            ? { x: box.x + margin + width, y: box.bandAt - inset }
            : { x: box.bandAt + inset, y: box.y + margin + width };
    page.drawText(label, { ...spot, size: STAMP_SIZE, font, color: GREY, rotate: degrees(rotation) });
  });
}

function normalisedRotation(page: PDFPage): 0 | 90 | 180 | 270 {
  const angle = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  return angle as 0 | 90 | 180 | 270;
}

/**
 * Extends the page's media and crop boxes by BAND on the edge shown at the bottom. Returns the new
 * crop box and `bandAt`: the coordinate of the band's outer edge (y for 0/180, x for 90/270).
 */
function growBottom(page: PDFPage): { x: number; y: number; width: number; height: number; bandAt: number } {
  const crop = page.getCropBox();
  const media = page.getMediaBox();
  const rotation = normalisedRotation(page);
  let grown = { ...crop };
  let bandAt: number;
  if (rotation === 0) {
    grown = { ...crop, y: crop.y - BAND, height: crop.height + BAND };
    bandAt = grown.y;
  } else if (rotation === 180) {
    grown = { ...crop, height: crop.height + BAND };
    bandAt = grown.y + grown.height;
  } else if (rotation === 90) {
    grown = { ...crop, width: crop.width + BAND };
    bandAt = grown.x + grown.width;
  } else {
    grown = { ...crop, x: crop.x - BAND, width: crop.width + BAND };
    bandAt = grown.x;
  }
  const left = Math.min(media.x, grown.x);
  const bottom = Math.min(media.y, grown.y);
  const right = Math.max(media.x + media.width, grown.x + grown.width);
  const top = Math.max(media.y + media.height, grown.y + grown.height);
  page.setMediaBox(left, bottom, right - left, top - bottom);
  page.setCropBox(grown.x, grown.y, grown.width, grown.height);
  return { ...grown, bandAt };
}

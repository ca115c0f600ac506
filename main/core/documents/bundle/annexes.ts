// The annexes' pages: a stored PDF's pages copied as they are, an image scaled onto an A4 page,
// and for anything unreadable a page that names it. One annex's bytes at a time.
import { createHash } from 'node:crypto';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import * as attachments from '../../attachments/repository';
import type { Db } from '../../vault/sqlite';
import type { BundleText } from '../bundle-text';
import { wrap } from './annex-index';
import type { BundleAnnex, BundleFonts } from './index';
import { A4, BAND, MARGIN } from './page';

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

export async function loadAnnex(db: Db, annex: Pick<BundleAnnex, 'attachmentId' | 'mediaType'>): Promise<Loaded> {
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
export async function annexPages(
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


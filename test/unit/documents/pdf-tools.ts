// Test support for the bundle, service, end-to-end and CLI tests (H4's; the PDF writer's own
// helpers are in pdf-poppler.ts): poppler's tools on a PDF in memory, and small fictional inputs
// (a PNG drawn in code, a JPEG, a PDF with numbered pages, a PDF that declares encryption).
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, StandardFonts, degrees } from 'pdf-lib';
import { tempDir } from '../helpers';

function onDisk(pdf: Uint8Array, dir = tempDir()): string {
  const path = join(dir, 'document.pdf');
  writeFileSync(path, pdf);
  return path;
}

/** The text of each page by pdftotext (reading order); page 1 at index 0. */
export function pageTexts(pdf: Uint8Array | string): string[] {
  const path = typeof pdf === 'string' ? pdf : onDisk(pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** pdfinfo's fields (Pages, Title, Author, …). */
export function pdfInfo(pdf: Uint8Array | string, args: string[] = []): Record<string, string> {
  const path = typeof pdf === 'string' ? pdf : onDisk(pdf);
  const out = execFileSync('pdfinfo', [...args, path], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** pdffonts' rows: the font's name and whether it is embedded. */
export function pdfFonts(pdf: Uint8Array | string): { name: string; embedded: boolean }[] {
  const path = typeof pdf === 'string' ? pdf : onDisk(pdf);
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // Columns: name type encoding emb sub uni object ID (a subset font's name has no spaces).
  return lines.map((line) => {
    const parts = line.trim().split(/\s+/);
    return { name: parts[0]!, embedded: parts.at(-5) === 'yes' };
  });
}

/** pdfimages -list: the page each image is drawn on. */
export function imagePages(pdf: Uint8Array): number[] {
  const out = execFileSync('pdfimages', ['-list', onDisk(pdf)], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** A PDF whose pages say "<label> page N" at the top and "<label> bottom line N" at the very bottom. */
export async function numberedPdf(label: string, pages: number, options: { rotate?: number; size?: [number, number] } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p += 1) {
    const page = doc.addPage(options.size ?? [595.28, 841.89]);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    page.drawText(`${label} page ${p}`, { x: 60, y: (options.size?.[1] ?? 841.89) - 80, size: 14, font });
    // Text down to the very bottom edge: the stamp must not land on it.
    page.drawText(`${label} bottom line ${p}`, { x: 60, y: 4, size: 9, font });
  }
  return doc.save();
}

/**
 * A PDF that declares encryption (a Standard security handler in its trailer). pdf-lib and
 * poppler treat it as encrypted, which is all the bundle needs to see.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 300]);
  const context = doc.context;
  context.trailerInfo.Encrypt = context.register(
    context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -4, O: context.obj(new Array(32).fill(0)), U: context.obj(new Array(32).fill(0)) }),
  );
  return doc.save({ useObjectStreams: false });
}

/**
 * A real PNG, width × height, drawn here (no image library needed): a vertical gradient, or with
 * `noise` random pixels that no compression shrinks (for sizes beyond one storage chunk).
 */
export function png(width: number, height: number, options: { noise?: boolean } = {}): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then the pixels
    if (options.noise) randomFillSync(row, 1);
    else for (let x = 0; x < width; x += 1) row.set([Math.floor((255 * y) / height), 80, 160], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real JPEG: a small PDF page rasterised by pdftoppm. */
export async function jpeg(): Promise<Buffer> {
  const dir = tempDir();
  const pdf = onDisk(await numberedPdf('Photo of a fictional residence permit', 1, { size: [400, 250] }), dir);
  execFileSync('pdftoppm', ['-jpeg', '-r', '30', '-singlefile', pdf, join(dir, 'photo')]);
  return readFileSync(join(dir, 'photo.jpg'));
}

export interface OutlineItem {
  title: string;
  /** 1-based page the entry goes to. */
  page: number;
  children: OutlineItem[];
}

/** The outline (bookmarks), read back with pdf-lib's low-level objects. */
export async function outline(pdf: Uint8Array): Promise<OutlineItem[]> {
  const doc = await PDFDocument.load(pdf);
  const pages = doc.getPages().map((page) => page.ref.toString());
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const level = (first: unknown): OutlineItem[] => {
    const items: OutlineItem[] = [];
    for (let ref = first; ref instanceof PDFRef; ) {
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      items.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        page: pages.indexOf(dest.get(0).toString()) + 1,
        children: level(item.get(PDFName.of('First'))),
      });
      ref = item.get(PDFName.of('Next'));
    }
    return items;
  };
  return root ? level(root.get(PDFName.of('First'))) : [];
}

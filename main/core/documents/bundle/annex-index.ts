// The list of annexes at the head of the bundle: laid out before the annexes are added (its
// length does not depend on the page numbers it shows), drawn once every annex has its first page.
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { BundleText } from '../bundle-text';
import type { BundleAnnex, BundleFonts } from './index';
import { A4, BAND, GREY, MARGIN } from './page';

const INDEX = { titleSize: 16, size: 10.5, leading: 15, numberWidth: 60, pageWidth: 50, rowGap: 5 };

interface IndexLayout {
  /** Per page, its rows: the annex number and the lines of its name. */
  pages: { number: number; lines: string[] }[][];
}

export function layoutIndex(annexes: readonly BundleAnnex[], fonts: BundleFonts): IndexLayout {
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

export function drawIndex(pages: PDFPage[], layout: IndexLayout, firstPages: Map<number, number>, fonts: BundleFonts, text: BundleText): void {
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


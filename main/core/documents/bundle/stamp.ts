// The continuous stamp ("Bilag 3 · Side 12 af 340") in a band below each page's own content.
import { degrees, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BundleText } from '../bundle-text';
import { BAND, GREY } from './page';

const STAMP_SIZE = 8;


/**
 * "Side 12 af 340" at the bottom right of every page (on an annex's pages preceded by "Bilag 3").
 * A copied page first grows by BAND on the edge that displays as its bottom; the text is turned
 * with the page so it reads upright in a viewer.
 */
export function stamp(pdf: PDFDocument, font: PDFFont, text: BundleText, copied: Set<PDFPage>, annexOfPage: Map<PDFPage, number>): void {
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

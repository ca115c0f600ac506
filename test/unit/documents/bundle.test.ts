// The bundle (main/core/documents/bundle.ts): parts, the list of annexes and the annexes from the
// vault in one PDF, checked with poppler's tools: the page count, the continuous stamp on every
// page, one bookmark per annex, an image as a page, and the annexes it cannot read replaced by a
// page naming them rather than failing.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { AttachmentMeta } from '../../../preload/contract';
import { BAND, buildBundle, inspectAnnex, type BundleAnnex } from '../../../main/core/documents/bundle/index';
import { loadFonts } from '../../../main/core/documents/pdf/fonts';
import { setup, type Setup } from '../attachments/support';
import { encryptedPdf, imagePages, jpeg, numberedPdf, outline, pageTexts, pdfInfo, png } from './pdf-tools';

async function attach(s: Setup, name: string, bytes: Uint8Array): Promise<AttachmentMeta> {
  const path = join(s.dir, name);
  writeFileSync(path, bytes);
  return s.ok<AttachmentMeta>('attachments.addFromPath', { caseId: s.caseId, path });
}

const embedFonts = async (pdf: PDFDocument) => {
  const fonts = await loadFonts(pdf);
  return { regular: fonts.regular.pdfFont, bold: fonts.bold.pdfFont };
};

async function bundleOf(s: Setup, annexes: BundleAnnex[], language: 'da' | 'en' = 'da') {
  const parts = [
    { title: 'Følgebrev', pdf: await numberedPdf('Cover letter', 2) },
    { title: 'Indlæg', pdf: await numberedPdf('Brief', 3) },
  ];
  const pdf = await buildBundle(s.api.vault.db, { language, title: 'Indlæg', author: 'Advokat Eksempel', subject: 'BC-2026-101', parts, annexes, embedFonts, now: new Date('2026-11-23T10:00:00Z') });
  return { pdf, partPages: 5 };
}

const asAnnex = (meta: AttachmentMeta, number: number): BundleAnnex => ({ number, name: meta.name, attachmentId: meta.id, mediaType: meta.mediaType });

describe('bundle', () => {
  it('parts, the list of annexes, then each annex; every page stamped "Side X af Y", continuously', async () => {
    const s = await setup();
    const decision = await attach(s, 'Afgørelse fra Udlændingestyrelsen.pdf', await numberedPdf('Decision', 4));
    const photo = await attach(s, 'Opholdskort.png', png(300, 200));
    const scan = await attach(s, 'Indkaldelse.jpg', await jpeg());
    const annexes = [asAnnex(decision, 1), asAnnex(photo, 2), asAnnex(scan, 3)];
    const { pdf, partPages } = await bundleOf(s, annexes);

    const expected = partPages + 1 + 4 + 1 + 1; // parts, index, the PDF's pages, two images
    expect(Number(pdfInfo(pdf).Pages)).toBe(expected);
    const texts = pageTexts(pdf);
    expect(texts).toHaveLength(expected);
    texts.forEach((text, index) => expect(text).toContain(`Side ${index + 1} af ${expected}`));
    // The parts keep their own text, in order, and the annex pages say which annex they belong to.
    expect(texts[0]).toContain('Cover letter page 1');
    expect(texts[2]).toContain('Brief page 1');
    expect(texts[partPages + 1]).toContain('Decision page 1');
    expect(texts[partPages + 1]).toMatch(/Bilag 1 · Side 7 af 12/);
    expect(texts[partPages + 5]).toMatch(/Bilag 2 · Side 11 af 12/);

    // The list of annexes: number, name and the first page of each in the bundle.
    const index = texts[partPages]!;
    expect(index).toContain('Bilagsfortegnelse');
    expect(index).toMatch(/1\s+Afgørelse fra Udlændingestyrelsen\.pdf\s+7/);
    expect(index).toMatch(/2\s+Opholdskort\.png\s+11/);
    expect(index).toMatch(/3\s+Indkaldelse\.jpg\s+12/);

    // Images become pages of their own.
    expect(imagePages(pdf)).toEqual([11, 12]);
    s.api.close();
  });

  it('has one bookmark per part, the list, and one under it per annex', async () => {
    const s = await setup();
    const a = await attach(s, 'Afgørelse.pdf', await numberedPdf('Decision', 2));
    const b = await attach(s, 'Foto.png', png(50, 80));
    const { pdf } = await bundleOf(s, [asAnnex(a, 1), asAnnex(b, 2)], 'en');
    const items = await outline(pdf);
    expect(items.map((item) => [item.title, item.page])).toEqual([
      ['Følgebrev', 1],
      ['Indlæg', 3],
      ['List of annexes', 6],
    ]);
    expect(items[2]!.children.map((item) => [item.title, item.page])).toEqual([
      ['Annex 1: Afgørelse.pdf', 7],
      ['Annex 2: Foto.png', 9],
    ]);
    expect(pageTexts(pdf)[8]).toContain('Annex 2 · Page 9 of 9');
    s.api.close();
  });

  it('puts the stamp in a band below a copied page, never over its own text, whatever its rotation', async () => {
    const s = await setup();
    const upright = await attach(s, 'upright.pdf', await numberedPdf('Upright', 1));
    const turned = await attach(s, 'turned.pdf', await numberedPdf('Turned', 1, { rotate: 90 }));
    const { pdf } = await bundleOf(s, [asAnnex(upright, 1), asAnnex(turned, 2)]);
    const doc = await PDFDocument.load(pdf);
    const [, , , , , , first, second] = doc.getPages();
    expect(first!.getCropBox()).toMatchObject({ y: -BAND, height: 841.89 + BAND });
    expect(second!.getCropBox()).toMatchObject({ x: 0, width: 595.28 + BAND });
    const texts = pageTexts(pdf);
    // The text at the page's own bottom edge is intact beside the stamp.
    expect(texts[6]).toContain('Upright bottom line 1');
    expect(texts[6]).toContain('Side 7 af 8');
    expect(texts[7]).toContain('Turned bottom line 1');
    expect(texts[7]).toContain('Side 8 af 8');
    s.api.close();
  });

  it('replaces an encrypted or unreadable PDF by a page naming it; inspectAnnex reports it beforehand', async () => {
    const s = await setup();
    const locked = await attach(s, 'Låst.pdf', await encryptedPdf());
    const broken = await attach(s, 'Beskadiget.pdf', Buffer.from('%PDF-1.7\nthis is not really a PDF\n'));
    const fine = await attach(s, 'Fin.pdf', await numberedPdf('Fine', 3));
    const db = s.api.vault.db;
    expect(await inspectAnnex(db, asAnnex(locked, 1))).toEqual({ pages: null, usable: false });
    expect(await inspectAnnex(db, asAnnex(broken, 2))).toEqual({ pages: null, usable: false });
    expect(await inspectAnnex(db, asAnnex(fine, 3))).toEqual({ pages: 3, usable: true });

    const { pdf, partPages } = await bundleOf(s, [asAnnex(locked, 1), asAnnex(broken, 2), asAnnex(fine, 3)]);
    const texts = pageTexts(pdf);
    expect(texts).toHaveLength(partPages + 1 + 1 + 1 + 3);
    expect(texts[partPages + 1]).toContain('Bilag 1 kunne ikke medtages');
    expect(texts[partPages + 1]).toContain('Låst.pdf');
    expect(texts[partPages + 2]).toContain('Bilag 2 kunne ikke medtages');
    expect(texts[partPages + 3]).toContain('Fine page 1');
    s.api.close();
  });

  it('lists many annexes over as many index pages as they need, with the right first pages', async () => {
    const s = await setup();
    const one = await attach(s, 'Bilag.pdf', await numberedPdf('Annex', 1));
    const annexes = Array.from({ length: 70 }, (_, i) => ({ ...asAnnex(one, i + 1), name: `Fiktivt dokument nummer ${i + 1} med en lang betegnelse, der skal ombrydes over flere linjer i fortegnelsen` }));
    const { pdf, partPages } = await bundleOf(s, annexes);
    const texts = pageTexts(pdf);
    const indexPages = texts.filter((text) => text.includes('Bilagsfortegnelse')).length;
    expect(indexPages).toBeGreaterThan(1);
    expect(texts).toHaveLength(partPages + indexPages + 70);
    const last = texts[partPages + indexPages - 1]!;
    expect(last).toMatch(new RegExp(`70\\s+Fiktivt dokument nummer 70[^]*?${partPages + indexPages + 70}\\s`));
    expect(texts.at(-1)).toContain('Bilag 70 · Side');
    s.api.close();
  });
});

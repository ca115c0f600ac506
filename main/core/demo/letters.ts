// The two annexes of the demo case, made on the spot as small PDFs: the decision appealed and a
// statement from the school. Invented letters, each saying so on the page.
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A fictional letter as a PDF of `pages` pages: the case's annexes. */
async function letterPdf(heading: string, lines: string[], pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let p = 1; p <= pages; p += 1) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(heading, { x: 60, y: 770, size: 13, font: bold });
    lines.forEach((text, i) => page.drawText(text, { x: 60, y: 740 - i * 17, size: 11, font }));
    page.drawText(`Side ${p} af ${pages}`, { x: 480, y: 40, size: 9, font });
  }
  return doc.save();
}

/** The two annexes of the demo case: the decision appealed and a statement from the school. */
export async function demoAttachments(): Promise<{ name: string; date: string; bytes: Uint8Array }[]> {
  return [
    {
      name: 'Afgørelse fra Udlændingestyrelsen 18.09.2025.pdf',
      date: '2025-09-18',
      bytes: await letterPdf(
        'Udlændingestyrelsen (fiktiv) — afgørelse, j.nr. DEMO-US-0200',
        [
          'Til: Samir Testsen (fiktiv person)',
          'Dato: 18. september 2025',
          '',
          'Udlændingestyrelsen har besluttet ikke at forlænge din opholdstilladelse efter',
          'udlændingelovens § 7, stk. 3. Afgørelsen omfatter også din ægtefælle og jeres børn.',
          'Dette dokument er opdigtet til Briefcase-demoen.',
        ],
        2,
      ),
    },
    {
      name: 'Udtalelse fra skolen om Nour Testsen.pdf',
      date: '2025-11-03',
      bytes: await letterPdf(
        'Testby Gymnasium (fiktivt) — udtalelse',
        ['Nour Testsen går i 1.g og følger undervisningen på dansk.', 'Hun læser og skriver ikke arabisk.', 'Dette dokument er opdigtet til Briefcase-demoen.'],
        1,
      ),
    },
  ];
}

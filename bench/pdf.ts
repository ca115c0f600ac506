// 7. Text extraction of a 300-page PDF with extractPageTexts (main/core/evidence/pdf-text.ts): what
//    a lawyer waits for after storing a long COI report, before picking a passage from it. Reports
//    pages per second, the median of 3 runs. No target is set in the issue.
//
// The PDF is generated with pdf-lib: A4, Helvetica 10 pt, a running header, 40 lines of about 90
// characters per page (the density of a UNHCR or EUAA report) and a page number. The words come
// from a fixed list (English report vocabulary and a few Danish words with æ, ø, å) picked by the
// seeded generator, so every run extracts the same text. pdf.js is loaded by an unmeasured warm-up
// on a one-page PDF first; that cold load is reported separately.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extractPageTexts } from '../main/core/evidence/pdf-text';
import { rng } from './lib/data';
import { ms, table, type SectionResult } from './lib/report';
import { now, summarise, time } from './lib/stats';

const PAGES = 300;
const LINES_PER_PAGE = 40;
const RUNS = 3;

const WORDS = [
  'the', 'of', 'and', 'to', 'in', 'a', 'that', 'for', 'on', 'with', 'by', 'are', 'was', 'were', 'not',
  'security', 'situation', 'governorate', 'returnees', 'authorities', 'checkpoints', 'military', 'service',
  'conscription', 'reservists', 'detention', 'arrest', 'clearance', 'interview', 'sources', 'report',
  'according', 'informed', 'persons', 'families', 'civilians', 'reported', 'area', 'areas', 'control',
  'government', 'return', 'border', 'crossing', 'documents', 'passport', 'exemption', 'deferral', 'fee',
  'wanted', 'lists', 'branch', 'intelligence', 'questioned', 'released', 'relatives', 'property', 'access',
  'humanitarian', 'conditions', 'assessment', 'methodology', 'consulted', 'remote', 'meetings',
  'udlændinge', 'flygtninge', 'nævnet', 'sikkerhedssituation', 'tilbagevenden', 'særlige', 'forhold', 'år',
];

/** The generated report: one header, 40 lines and a page number per page. */
export async function generateReportPdf(pages = PAGES, seed = 3003): Promise<Uint8Array> {
  const next = rng(seed);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (let p = 1; p <= pages; p += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText('Fictional Country Report: Security Situation and Return', { x: 56, y: 800, size: 9, font: bold });
    for (let l = 0; l < LINES_PER_PAGE; l += 1) {
      let line = '';
      while (line.length < 88) line += `${line ? ' ' : ''}${WORDS[Math.floor(next() * WORDS.length)]}`;
      page.drawText(line, { x: 56, y: 770 - l * 17.5, size: 10, font });
    }
    page.drawText(`${p}`, { x: 290, y: 40, size: 9, font });
  }
  return doc.save();
}

export async function benchPdf(log: (line: string) => void): Promise<SectionResult> {
  const t0 = now();
  const pdf = await generateReportPdf();
  log(`  generated a ${PAGES}-page PDF (${(pdf.byteLength / 2 ** 20).toFixed(1)} MiB) in ${ms(now() - t0)}`);

  const { ms: coldMs } = await time(async () => extractPageTexts(await generateReportPdf(1, 1)));
  log(`  warm-up (loads pdf.js, one page): ${ms(coldMs)}`);

  const samples: number[] = [];
  let characters = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const { ms: elapsed, value: pages } = await time(() => extractPageTexts(pdf));
    if (pages.length !== PAGES) throw new Error(`expected ${PAGES} pages, got ${pages.length}`);
    characters = pages.reduce((sum, text) => sum + text.length, 0);
    samples.push(elapsed);
    log(`  run ${i + 1}/${RUNS}: ${ms(elapsed)} (${((PAGES / elapsed) * 1000).toFixed(0)} pages/s)`);
  }
  const stats = summarise(samples);
  const pagesPerSecond = (PAGES / stats.median) * 1000;
  return {
    title: `7. PDF text extraction, ${PAGES} pages`,
    verdicts: [
      {
        benchmark: `7. PDF text extraction, ${PAGES} pages (median of ${RUNS})`,
        measured: `${pagesPerSecond.toFixed(0)} pages/s`,
        target: 'report (no target)',
        pass: true,
      },
    ],
    body: [
      table(
        ['Pages', 'Size', 'median', 'min', 'max', 'Pages per second (median)', 'ms per page', 'Characters extracted'],
        [
          [
            String(PAGES),
            `${(pdf.byteLength / 2 ** 20).toFixed(1)} MiB`,
            ms(stats.median),
            ms(stats.min),
            ms(stats.max),
            pagesPerSecond.toFixed(0),
            (stats.median / PAGES).toFixed(2),
            characters.toLocaleString('en'),
          ],
        ],
      ),
      `Generated with pdf-lib: A4, Helvetica 10 pt (not embedded), a header, ${LINES_PER_PAGE} lines of about 90 characters and a page number per page. ` +
        '`extractPageTexts` in this thread (pdf.js fake worker, eval, fonts and fetching off), the whole document each run, line assembly and whitespace normalisation included. ' +
        `Warm-up before the runs (loading pdf.js and one page): ${ms(coldMs)}. A scanned PDF has no text layer and gives empty pages (no OCR).`,
    ].join('\n\n'),
  };
}

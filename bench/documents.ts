// 8. Documents (issue 5).
//  (a) A ~20-page brief citing 40 excerpts (bench/documents-data.ts): DOCX and PDF generation,
//      warm and in-process (the composed document rendered by docx.ts and pdf/; and the whole
//      documents.generate: compose, render, store), beside LibreOffice's
//      `soffice --headless --convert-to pdf` of the same DOCX on the same machine in the same run.
//      Target: our PDF at least 10× faster than the LibreOffice conversion (medians).
//  (b) A bundle with 300 annex pages: total time of documents.generate (cover letter, brief,
//      list of annexes, annexes copied and stamped, stored) and peak memory, measured in a child
//      process (bench/documents-bundle-child.ts) so the peak is the bundle's, not the runner's.
//      No target is set in the issue: reported.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi } from '../main/core/api';
import { composeDocument } from '../main/core/documents/compose';
import { renderDocx } from '../main/core/documents/docx';
import { renderPdf } from '../main/core/documents/pdf/index';
import { addLongBriefCase } from './documents-data';
import { ms, passFail, ratio, table, type SectionResult } from './lib/report';
import { now, summarise, time } from './lib/stats';
import { makeTempDir, removeTempDir } from './lib/tmp';

const RUNS = 9;
const SOFFICE_RUNS = 3;
const TARGET_RATIO = 10;
const BUNDLE_RUNS = 3;
const BENCH_KDF = { N: 2 ** 10, r: 1, p: 1 };
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const CHILD = fileURLToPath(new URL('./documents-bundle-child.ts', import.meta.url));

const pdfPages = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
const mib = (bytes: number) => (bytes < 2 ** 20 ? `${Math.round(bytes / 1024)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`);

export async function benchDocuments(log: (line: string) => void): Promise<SectionResult> {
  const brief = await benchBrief(log);
  const bundle = benchBundle(log);
  return {
    title: '8. Documents: a 20-page brief with 40 citations, and a 300-page bundle',
    verdicts: [...brief.verdicts, ...bundle.verdicts],
    body: [brief.body, bundle.body].join('\n\n'),
  };
}

async function benchBrief(log: (line: string) => void): Promise<Pick<SectionResult, 'verdicts' | 'body'>> {
  const dir = makeTempDir('documents');
  const api = createApi({ dataDir: dir, version: 'bench', kdfCost: BENCH_KDF });
  try {
    const created = await api.call('vault.create', { passphrase: 'copper meadow signal ninety' });
    if (!created.ok) throw new Error(created.error.code);
    // Scale 0.65: about 20 pages with the shipped brief template (the page count is reported).
    const caseId = await addLongBriefCase(api, 0.65);
    const request = { caseId, templateId: 'brief', language: 'en' as const };
    const db = api.vault.db;

    const composed = await time(() => composeDocument(db, request));
    const doc = composed.value.document;
    // Warm-up: fonts parsed, modules loaded, JIT warm.
    const docxBytes = await renderDocx(doc);
    const pdfBytes = await renderPdf(doc);
    const docxPath = join(dir, 'brief.docx');
    const pdfPath = join(dir, 'brief.pdf');
    writeFileSync(docxPath, docxBytes);
    writeFileSync(pdfPath, pdfBytes);
    const pages = pdfPages(pdfPath);
    log(`  brief: ${pages} pages, ${doc.footnotes.length} footnotes; compose ${ms(composed.ms)}`);

    const composeTimes: number[] = [];
    const docxTimes: number[] = [];
    const pdfTimes: number[] = [];
    const generateDocx: number[] = [];
    const generatePdf: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      composeTimes.push((await time(() => composeDocument(db, request))).ms);
      docxTimes.push((await time(() => renderDocx(doc))).ms);
      pdfTimes.push((await time(() => renderPdf(doc))).ms);
      generateDocx.push((await time(() => api.call('documents.generate', { ...request, format: 'docx', acknowledgeStale: true }))).ms);
      generatePdf.push((await time(() => api.call('documents.generate', { ...request, format: 'pdf', acknowledgeStale: true }))).ms);
    }
    log(`  render: DOCX ${ms(summarise(docxTimes).median)}, PDF ${ms(summarise(pdfTimes).median)} (medians of ${RUNS})`);

    // LibreOffice: the same DOCX, one process per conversion as a user or a script would run it.
    // One profile folder for all runs (the first run creates it: reported, and counted).
    const profile = join(dir, 'lo-profile');
    const sofficeTimes: number[] = [];
    let sofficePages = 0;
    for (let i = 0; i < SOFFICE_RUNS; i += 1) {
      const start = now();
      const result = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), docxPath], { encoding: 'utf8', timeout: 300_000 });
      sofficeTimes.push(now() - start);
      if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
      sofficePages = pdfPages(join(dir, 'lo', 'brief.pdf'));
      log(`  soffice --convert-to pdf, run ${i + 1}/${SOFFICE_RUNS}: ${ms(sofficeTimes[i]!)}`);
    }

    const docx = summarise(docxTimes);
    const pdf = summarise(pdfTimes);
    const lo = summarise(sofficeTimes);
    const loWarm = summarise(sofficeTimes.slice(1));
    const speedup = lo.median / pdf.median;
    const pass = speedup >= TARGET_RATIO;
    const row = (label: string, values: number[]) => {
      const s = summarise(values);
      return [label, String(s.n), ms(s.median), ms(s.p95), ms(s.min), ms(s.max)];
    };
    return {
      verdicts: [
        { benchmark: `8a. brief (${pages} pages, ${doc.footnotes.length} citations): PDF render, median`, measured: ms(pdf.median), target: 'report', pass: true },
        { benchmark: '8a. brief: DOCX render, median', measured: ms(docx.median), target: 'report', pass: true },
        { benchmark: '8a. soffice --convert-to pdf ÷ our PDF (medians)', measured: ratio(speedup), target: `≥ ${ratio(TARGET_RATIO)}`, pass },
      ],
      body: [
        table(
          ['Measured', 'n', 'median', 'p95', 'min', 'max'],
          [
            row('compose (template, case, citations → document model)', composeTimes),
            row('render DOCX (docx.ts)', docxTimes),
            row('render PDF (pdf/: layout, fonts, footnotes, outline)', pdfTimes),
            row('documents.generate DOCX (compose, render, store)', generateDocx),
            row('documents.generate PDF (compose, render, store)', generatePdf),
            row('soffice --headless --convert-to pdf, same DOCX (all runs)', sofficeTimes),
            row('soffice, runs after the first (profile exists)', sofficeTimes.slice(1)),
          ],
        ),
        '',
        `The brief: ${pages} pages in our PDF, ${sofficePages} in LibreOffice's; ${doc.footnotes.length} footnotes quoting and citing 40 excerpts of 10 fictional sources; ` +
          `DOCX ${mib(docxBytes.byteLength)}, PDF ${mib(pdfBytes.byteLength)}. Ours warm and in-process (fonts parsed once per process); ` +
          `LibreOffice one process per conversion, as it is run from a script. Speed-up ${ratio(speedup)} on all runs, ${ratio(loWarm.median / pdf.median)} against the runs after the first. ` +
          `Target ≥ ${ratio(TARGET_RATIO)}: ${passFail(pass)}.`,
      ].join('\n'),
    };
  } finally {
    api.close();
    removeTempDir(dir);
  }
}

function benchBundle(log: (line: string) => void): Pick<SectionResult, 'verdicts' | 'body'> {
  const dir = makeTempDir('bundle');
  try {
    const child = (args: string[]) => {
      const result = spawnSync(TSX, [CHILD, ...args], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 20 });
      if (result.status !== 0) throw new Error(`bundle child failed: ${result.stderr}`);
      return JSON.parse(result.stdout) as Record<string, unknown>;
    };
    const setupStart = now();
    child(['setup', dir]);
    log(`  bundle case with 300 annex pages set up in ${ms(now() - setupStart)}`);
    const run = child(['run', dir, String(BUNDLE_RUNS)]) as { times: number[]; size: number; rssBefore: number; maxRss: number };
    const pages = pdfPages(join(dir, 'bundle.pdf'));
    const first = run.times[0]!;
    const warm = summarise(run.times.slice(1));
    log(`  bundle: ${pages} pages, ${mib(run.size)}: first ${ms(first)}, then median ${ms(warm.median)}; peak RSS ${mib(run.maxRss)}`);
    return {
      verdicts: [
        { benchmark: `8b. bundle, ${pages} pages (300 of annexes): total time, first / later`, measured: `${ms(first)} / ${ms(warm.median)}`, target: 'report', pass: true },
        { benchmark: '8b. bundle: peak memory (RSS of the process)', measured: mib(run.maxRss), target: 'report', pass: true },
      ],
      body: [
        table(
          ['Bundle', 'pages', 'size', 'first run', `later runs (median of ${warm.n})`, 'RSS before', 'peak RSS'],
          [['cover letter, brief, list, 300 annex pages (11 PDFs)', String(pages), mib(run.size), ms(first), ms(warm.median), mib(run.rssBefore), mib(run.maxRss)]],
        ),
        '',
        'documents.generate with format "bundle" in a child process on an unlocked vault: both parts composed and rendered, ' +
          'each annex read from the vault (decrypted, SHA-256 checked), copied, its pages grown by the stamp band and stamped, ' +
          'the list of annexes and the outline written, the result stored in 1 MiB chunks. Peak RSS is the child process\'s own maximum ' +
          '(process.resourceUsage().maxRSS), unlock and every run included.',
      ].join('\n'),
    };
  } finally {
    removeTempDir(dir);
  }
}

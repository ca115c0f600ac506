// `npm run bench`: runs the benchmarks against the real core (services, repositories, api.call) on
// generated, fictional data in temporary folders, prints progress, and rewrites the generated
// section of docs/benchmarks.md. Targets are marked PASS/FAIL there; a failed target does not make
// the exit code non-zero (benchmarks report, they do not gate CI). An error in a benchmark does.
//
//   npm run bench                  all benchmarks, write docs/benchmarks.md
//   npm run bench -- --no-write    print the Markdown instead of writing the file
//   npm run bench -- documents     only the sections whose name contains "documents" (or a number:
//                                  `-- 8`); implies --no-write, since the file holds every section
//   BENCH_DIR=/some/disk npm run bench    put the temporary vaults on that disk
import { fileURLToPath } from 'node:url';
import { benchDocuments } from './documents';
import { benchEncryption } from './encryption';
import { benchEvidenceSearch } from './evidence-search';
import { benchExchange } from './exchange';
import { benchImport } from './import';
import { benchKdf } from './kdf';
import { benchPdf } from './pdf';
import { describeMachine } from './lib/machine';
import { renderGenerated, writeGenerated, type SectionResult } from './lib/report';
import { benchRoot, cleanUpOnSignals, removeAllTempDirs } from './lib/tmp';
import { benchUiList } from './ui-list';
import { benchUnlock } from './unlock';

const DOC = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const write = !process.argv.includes('--no-write') && only.length === 0;
  cleanUpOnSignals();
  const log = (line: string) => console.log(line);
  const machine = describeMachine();
  log(`Briefcase benchmarks: ${machine.cpuModel} × ${machine.cores}, Node ${machine.node}, SQLite ${machine.sqlite}`);
  log(`temporary vaults in ${benchRoot()}`);
  const started = performance.now();
  const sections: SectionResult[] = [];
  const steps: [string, (log: (line: string) => void) => Promise<SectionResult>][] = [
    ['1. key derivation', benchKdf],
    ['2. unlock to first page, 10,000 cases', benchUnlock],
    ['3. cost of encryption', benchEncryption],
    ['4. case import, 1,000 files', benchImport],
    ['5. case list and search in the browser, 10,000 cases', benchUiList],
    ['6. evidence search, 100,000 excerpts', benchEvidenceSearch],
    ['7. PDF text extraction, 300 pages', benchPdf],
    ['8. documents: 20-page brief, 300-page bundle', benchDocuments],
    ['9. exchange: 200 MB export and import, 1 GB streaming', benchExchange],
  ];
  const chosen = only.length === 0 ? steps : steps.filter(([name]) => only.some((word) => name.startsWith(`${word}.`) || name.includes(word)));
  if (chosen.length === 0) throw new Error(`no benchmark matches ${only.join(' ')}`);
  for (const [name, run] of chosen) {
    log(`\n${name}`);
    const stepStart = performance.now();
    sections.push(await run(log));
    log(`  (${((performance.now() - stepStart) / 1000).toFixed(1)} s)`);
  }
  const seconds = (performance.now() - started) / 1000;
  const markdown = renderGenerated(machine, sections, seconds);

  log('\nSummary');
  for (const v of sections.flatMap((s) => s.verdicts)) {
    log(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.benchmark}: ${v.measured} (target ${v.target})`);
  }
  if (write) {
    writeGenerated(DOC, markdown);
    log(`\nwrote ${DOC} (${seconds.toFixed(0)} s)`);
  } else {
    log(`\n${markdown}`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(removeAllTempDirs);

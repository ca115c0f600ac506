// After the whole end-to-end run: scan everything the run wrote (run-folder.ts: the harnesses'
// data folders, their stdout and stderr, every temporary file, Chromium's crash dumps and HTTP
// cache) for every fictional client's name, and fail listing file paths and which form of which
// name, never the content. A clean run folder is removed; one with findings is kept for
// inspection (its data is fictional).
//
// What appeared in the system temp folder during the run is scanned too, as a second net for
// anything that ignored TMPDIR. On a machine where other things run at the same time (another
// test suite's compiled-source caches hold fictional names from its own code) a hit there need
// not be ours: it fails the run only with BRIEFCASE_LEAK_SCAN_ALONE=1 (CI, where nothing else
// runs), and is otherwise printed as a warning with its paths.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fictionalClientNames } from './names';
import { currentRunFolder, SYSTEM_TMP_BEFORE, type RunFolder } from './run-folder';
import { filesUnder, scanForNames, type Hit } from './scan';

/** Entries of the system temp folder that were not there when the run started. */
function newSystemTempEntries(run: RunFolder): string[] {
  const before = new Set(JSON.parse(readFileSync(join(run.root, SYSTEM_TMP_BEFORE), 'utf8')) as string[]);
  const runName = run.root.slice(run.systemTmp.length + 1);
  return readdirSync(run.systemTmp)
    .filter((entry) => !before.has(entry) && entry !== runName)
    .map((entry) => join(run.systemTmp, entry));
}

const list = (hits: Hit[]) => hits.map((hit) => `  ${hit.path}: ${hit.form}`).join('\n');

export default async function leakScan(): Promise<void> {
  const run = currentRunFolder();
  if (!run) throw new Error('leak scan: no run folder (playwright.config.ts calls prepareRunFolder)');
  const names = fictionalClientNames();
  // Fewer means the collection broke, and a scan for nothing would pass.
  if (names.length < 5) throw new Error(`leak scan: only ${names.length} fictional names found in the e2e sources`);

  const inRun = scanForNames([run.root], names);
  const appeared = newSystemTempEntries(run);
  const outside = scanForNames(appeared, names);
  const alone = process.env.BRIEFCASE_LEAK_SCAN_ALONE === '1';
  const summary =
    `leak scan: ${names.length} fictional names, UTF-8 and UTF-16LE, over ${filesUnder(run.root).length} files in the run folder ` +
    `(${readdirSync(run.tmp).length} temp entries, ${readdirSync(run.logs).length} harness logs, ` +
    `${filesUnder(run.crashDumps).length} crash-dump files, ${filesUnder(run.diskCache).length} cache files): ${inRun.length} found; ` +
    `${appeared.flatMap(filesUnder).length} files in ${appeared.length} new system temp entries: ${outside.length} found`;
  console.log(`[e2e] ${summary}`);
  if (outside.length > 0 && !alone) {
    console.warn(`[e2e] leak scan warning: new system temp entries hold a fictional name (another process on this machine, or something that ignored TMPDIR):\n${list(outside)}`);
  }
  const failing = alone ? [...inRun, ...outside] : inRun;
  if (failing.length > 0) throw new Error(`${summary}\n${list(failing)}\n(run folder kept: ${run.root})`);
  rmSync(run.root, { recursive: true, force: true });
}

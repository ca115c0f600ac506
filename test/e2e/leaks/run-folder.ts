// One folder per end-to-end run that catches everything the run writes (issue 7, item 8): the
// config calls prepareRunFolder() before any worker starts, and what it sets in process.env is
// inherited by every worker, harness and browser process of the run:
//   <run>/tmp        TMPDIR: the harnesses' data folders (fixtures.ts keeps them for the scan),
//                    the specs' own temporary files, Playwright's and Chromium's temporary files
//   <run>/logs       everything each harness printed on stdout and stderr (test/harness/process.ts)
//   <run>/crashpad   Chromium's crash dumps (--crash-dumps-dir)
//   <run>/chromium-cache  Chromium's HTTP disk cache (--disk-cache-dir; Playwright deletes the
//                    rest of the browser profile when the browser closes)
// The system temp folder's entries at the start are listed, so the teardown can also scan what
// appeared there during the run from anything that ignored TMPDIR.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunFolder {
  root: string;
  tmp: string;
  logs: string;
  crashDumps: string;
  diskCache: string;
  /** The system temp folder (before TMPDIR pointed into the run folder). */
  systemTmp: string;
}

const ENV_ROOT = 'BRIEFCASE_E2E_RUN_DIR';
const ENV_SYSTEM_TMP = 'BRIEFCASE_E2E_SYSTEM_TMP';
export const SYSTEM_TMP_BEFORE = 'system-tmp-before.json';

function layout(root: string, systemTmp: string): RunFolder {
  return {
    root,
    tmp: join(root, 'tmp'),
    logs: join(root, 'logs'),
    crashDumps: join(root, 'crashpad'),
    diskCache: join(root, 'chromium-cache'),
    systemTmp,
  };
}

/** The run folder from the environment, or null outside a run that prepared one. */
export function currentRunFolder(): RunFolder | null {
  const root = process.env[ENV_ROOT];
  const systemTmp = process.env[ENV_SYSTEM_TMP];
  return root && systemTmp ? layout(root, systemTmp) : null;
}

/** Makes the run folder once per run (workers load the config again and find it set). */
export function prepareRunFolder(): RunFolder {
  const existing = currentRunFolder();
  if (existing) return existing;
  const systemTmp = tmpdir();
  const folder = layout(mkdtempSync(join(systemTmp, 'briefcase-e2e-run-')), systemTmp);
  for (const dir of [folder.tmp, folder.logs, folder.crashDumps, folder.diskCache]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(folder.root, SYSTEM_TMP_BEFORE), JSON.stringify(readdirSync(systemTmp)));
  process.env[ENV_ROOT] = folder.root;
  process.env[ENV_SYSTEM_TMP] = systemTmp;
  process.env.TMPDIR = folder.tmp;
  // tsx would cache compiled sources in TMPDIR, and the app's template-preview sample
  // (main/core/documents/sample.ts) names fictional people too: code, not a leak, so not cached.
  process.env.TSX_DISABLE_CACHE = '1';
  return folder;
}

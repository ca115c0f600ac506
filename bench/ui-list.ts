// Benchmark 5: the case list and search-as-you-type on 10,000 cases, measured in the real renderer
// (Debian Chromium) against the harness. The measuring is done by the Playwright spec
// test/e2e/bench/ui-list.spec.ts (its own config, not part of `npm test`); this step builds the
// renderer, runs that spec and turns its JSON into a section of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ms, passFail, table, type SectionResult } from './lib/report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULT = fileURLToPath(new URL('../test-results/bench/ui-list.json', import.meta.url));

interface Summary {
  n: number;
  median: number;
  p95: number;
  max: number;
}
interface UiResult {
  cases: number;
  firstRowsPaintedMs: { afterUnlock: Summary; afterNavigation: Summary; backFromCase: Summary };
  keystrokeMs: Summary;
  lastKeystrokeWhenTypingFastMs: Summary | null;
}

const FIRST_ROWS_TARGET = 200;
const KEYSTROKE_TARGET = 50;

export async function benchUiList(log: (line: string) => void): Promise<SectionResult> {
  log('  building the renderer (electron-vite build)…');
  execFileSync(process.execPath, [`${ROOT}node_modules/electron-vite/bin/electron-vite.js`, 'build'], { cwd: ROOT, stdio: 'ignore' });
  log('  running test/e2e/bench/ui-list.spec.ts in Chromium (about a minute)…');
  execFileSync(process.execPath, [`${ROOT}node_modules/@playwright/test/cli.js`, 'test', '-c', 'test/e2e/bench/playwright.config.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const result = JSON.parse(readFileSync(RESULT, 'utf8')) as UiResult;
  const first = result.firstRowsPaintedMs;
  // "Each keystroke's result under 50 ms": judged on the 95th percentile, not the median.
  const firstPass = first.afterUnlock.p95 < FIRST_ROWS_TARGET && first.afterNavigation.p95 < FIRST_ROWS_TARGET;
  const keyPass = result.keystrokeMs.p95 < KEYSTROKE_TARGET;
  const row = (name: string, s: Summary, target: string, pass: boolean | null) => [
    name,
    String(s.n),
    ms(s.median),
    ms(s.p95),
    ms(s.max),
    target,
    pass === null ? '' : pass ? 'PASS' : 'FAIL',
  ];
  const rows = [
    row('first rows painted after unlock', first.afterUnlock, `p95 < ${FIRST_ROWS_TARGET} ms`, first.afterUnlock.p95 < FIRST_ROWS_TARGET),
    row('first rows painted after a page load', first.afterNavigation, `p95 < ${FIRST_ROWS_TARGET} ms`, first.afterNavigation.p95 < FIRST_ROWS_TARGET),
    row('first rows painted, back from a case', first.backFromCase, 'information', null),
    row('keystroke → list shows its result', result.keystrokeMs, `p95 < ${KEYSTROKE_TARGET} ms`, keyPass),
    ...(result.lastKeystrokeWhenTypingFastMs
      ? [row('typing at 30 ms a key: last key → list', result.lastKeystrokeWhenTypingFastMs, 'information', null)]
      : []),
  ];
  return {
    title: `5. Case list and search-as-you-type in the browser (${result.cases.toLocaleString('en')} cases)`,
    verdicts: [
      {
        benchmark: `5. first case-list rows painted, ${result.cases.toLocaleString('en')} cases (p95)`,
        measured: `${ms(Math.max(first.afterUnlock.p95, first.afterNavigation.p95))}`,
        target: `< ${FIRST_ROWS_TARGET} ms`,
        pass: firstPass,
      },
      {
        benchmark: '5. keystroke → search result shown (p95)',
        measured: `${ms(result.keystrokeMs.p95)} (median ${ms(result.keystrokeMs.median)})`,
        target: `< ${KEYSTROKE_TARGET} ms`,
        pass: keyPass,
      },
    ],
    body: [
      table(['Measured', 'n', 'median', 'p95', 'max', 'Target', 'Result'], rows),
      '',
      'The built renderer in Debian Chromium (headless) against the test harness, which serves the real',
      'handler table over HTTP on 127.0.0.1 (one extra loopback hop and JSON compared with Electron IPC).',
      'Times run from the event (unlock submitted, page load, key pressed) to the first animation frame',
      'after the list shows the answer. The list is windowed: only the visible rows are in the page.',
      `Targets judged on p95. ${passFail(firstPass && keyPass)}`,
    ].join('\n'),
  };
}

// The end-to-end leak scan (test/e2e/leaks), tested on planted files: it finds a fictional
// client's name in every encoding the app or Chromium could write it in, anywhere in the run
// folder or in what appeared in the system temp folder, and reports the path, never the content.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_CASES } from '../../e2e/browser/seed';
import leakScan from '../../e2e/leaks/global-teardown';
import { fictionalClientNames } from '../../e2e/leaks/names';
import { prepareRunFolder } from '../../e2e/leaks/run-folder';
import { scanForNames } from '../../e2e/leaks/scan';
import { tempDir } from '../helpers';

const ENV = ['TMPDIR', 'BRIEFCASE_E2E_RUN_DIR', 'BRIEFCASE_E2E_SYSTEM_TMP', 'TSX_DISABLE_CACHE', 'BRIEFCASE_LEAK_SCAN_ALONE'] as const;
let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(ENV.map((key) => [key, process.env[key]]));
});
afterEach(() => {
  for (const key of ENV) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

/** A run folder inside a private "system temp" folder, as playwright.config.ts makes one. */
function freshRun() {
  for (const key of ENV) delete process.env[key];
  if (saved.TMPDIR !== undefined) process.env.TMPDIR = saved.TMPDIR;
  const systemTmp = tempDir();
  process.env.TMPDIR = systemTmp;
  return prepareRunFolder();
}

describe('leak scan', () => {
  it('finds a name in UTF-8, UTF-16LE, other case, JSON-escaped and URL-encoded, and names only the file', () => {
    const dir = tempDir();
    const planted: Record<string, Buffer> = {
      'utf8.log': Buffer.from('started\nclient=Amal Testdatter\n', 'utf8'),
      'deep/er/utf16.dmp': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('Søren Prøvesen', 'utf16le')]),
      'lower.txt': Buffer.from('amal testdatter', 'utf8'),
      'escaped.json': Buffer.from('{"name":"S\\u00f8ren Pr\\u00f8vesen"}', 'utf8'),
      'arabic-escaped.json': Buffer.from(JSON.stringify('أمل اختبار').replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
      'url.log': Buffer.from('GET /?q=Amal%20Testdatter', 'utf8'),
      'clean.log': Buffer.from('nothing here but Amal and Testdatter apart', 'utf8'),
    };
    for (const [name, bytes] of Object.entries(planted)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    const hits = scanForNames([dir], ['Amal Testdatter', 'Søren Prøvesen', 'أمل اختبار']);
    const byFile = new Map<string, string[]>();
    for (const hit of hits) byFile.set(hit.path.slice(dir.length + 1), [...(byFile.get(hit.path.slice(dir.length + 1)) ?? []), hit.form]);
    expect([...byFile.keys()].sort()).toEqual(['arabic-escaped.json', 'deep/er/utf16.dmp', 'escaped.json', 'lower.txt', 'url.log', 'utf8.log']);
    expect(byFile.get('deep/er/utf16.dmp')).toContain('Søren Prøvesen (utf16le, as written)');
    expect(byFile.get('escaped.json')).toContain('Søren Prøvesen (utf8, JSON-escaped)');
    expect(byFile.get('url.log')).toContain('Amal Testdatter (utf8, URL-encoded)');
    expect(byFile.get('lower.txt')).toContain('Amal Testdatter (utf8, lower case)');
  });

  it("scans for every client the e2e suite seeds or types, collected from the suite's sources", () => {
    const names = fictionalClientNames();
    for (const seeded of SEED_CASES) expect(names).toContain(seeded.clientName);
    // Typed into the new-case dialog or seeded by single specs, not in SEED_CASES.
    expect(names).toEqual(expect.arrayContaining(['Samir Testsen', 'Testa Fictiva', 'Amal Testdatter']));
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it('after the run, fails listing the file (not its content) when a name is in a log, a data folder or a new system temp entry', async () => {
    const run = freshRun();
    process.env.BRIEFCASE_LEAK_SCAN_ALONE = '1';
    expect(process.env.TMPDIR).toBe(run.tmp);
    writeFileSync(join(run.logs, 'harness-1.stderr.log'), Buffer.from('boom: SENTINEL-CONTENT Eksempel Eksempelsen\n', 'utf16le'));
    mkdirSync(join(run.tmp, 'briefcase-e2e-x', 'opened'), { recursive: true });
    writeFileSync(join(run.tmp, 'briefcase-e2e-x', 'opened', 'note.txt'), 'SENTINEL-CONTENT Testa Fictiva');
    const stray = join(run.systemTmp, 'stray-export.txt');
    writeFileSync(stray, 'SENTINEL-CONTENT Amal Testdatter');

    const failure = await leakScan().then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain(join(run.logs, 'harness-1.stderr.log'));
    expect(failure).toContain('Eksempel Eksempelsen (utf16le, as written)');
    expect(failure).toContain(join(run.tmp, 'briefcase-e2e-x', 'opened', 'note.txt'));
    expect(failure).toContain(stray);
    expect(failure).not.toContain('SENTINEL-CONTENT');
    // Kept for inspection.
    expect(existsSync(run.root)).toBe(true);
  });

  it('on a shared machine, a name in a new system temp entry is a warning, one in the run folder still fails', async () => {
    const run = freshRun();
    delete process.env.BRIEFCASE_LEAK_SCAN_ALONE;
    const other = join(run.systemTmp, 'another-suite-cache');
    mkdirSync(other);
    writeFileSync(join(other, 'compiled.js'), 'const sample = "Samir Testsen";');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (text: string) => void warnings.push(text);
    try {
      await leakScan();
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).toContain(join(other, 'compiled.js'));
    expect(existsSync(run.root)).toBe(false);

    const second = freshRun();
    delete process.env.BRIEFCASE_LEAK_SCAN_ALONE;
    writeFileSync(join(second.logs, 'harness-2.stdout.log'), 'Samir Testsen');
    await expect(leakScan()).rejects.toThrow(join(second.logs, 'harness-2.stdout.log'));
  });

  it('passes a clean run and removes its folder', async () => {
    const run = freshRun();
    writeFileSync(join(run.logs, 'harness-1.stdout.log'), '{"url":"http://127.0.0.1:1/","token":"t"}\n');
    await leakScan();
    expect(existsSync(run.root)).toBe(false);
  });

  it('the e2e config prepares the run folder, sends crash dumps and the HTTP cache into it and runs the scan after the suite', () => {
    const config = readFileSync('test/e2e/playwright.config.ts', 'utf8');
    expect(config).toContain('const run = prepareRunFolder();');
    expect(config).toContain("globalTeardown: './leaks/global-teardown.ts'");
    expect(config).toContain('`--crash-dumps-dir=${run.crashDumps}`');
    expect(config).toContain('`--disk-cache-dir=${run.diskCache}`');
  });
});

// Doyensec's electronegativity, run the way `npm run lint:security` runs it (scripts/electronegativity.ts):
// the shipped code has no finding that security/electronegativity-allow.json does not justify, and
// the gate really fails on an insecure window and on a justification that has gone stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, judge, readAllowList, scan, verdictIsClean } from '../../../scripts/electronegativity';
import { tempDir } from '../helpers';

describe('electronegativity', () => {
  it('finds nothing in the shipped code that the allow list does not justify', async () => {
    const verdict = await checkProject(process.cwd());
    expect(verdict.parseErrors).toEqual([]);
    expect(verdict.unjustified.map((finding) => `${finding.check} ${finding.file}:${finding.line}`)).toEqual([]);
    expect(verdict.stale).toEqual([]);
    expect(verdict.justified).toHaveLength(verdict.findings.length);
    expect(verdictIsClean(verdict)).toBe(true);
  });

  it('gives a reason for every justification and every check it leaves out', () => {
    const allow = readAllowList(process.cwd());
    for (const entry of [...allow.findings, ...allow.excludedChecks]) expect(entry.reason.length, entry.check).toBeGreaterThan(40);
  });

  it('fails on a window without isolation or sandbox and with no navigation or permission guard', async () => {
    const root = tempDir();
    for (const folder of ['main', 'preload', 'renderer']) mkdirSync(join(root, folder));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'insecure', devDependencies: { electron: '40.10.2' } }));
    writeFileSync(join(root, 'preload', 'index.ts'), 'export {};\n');
    writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>x</title>\n');
    writeFileSync(
      join(root, 'main', 'window.ts'),
      "import { BrowserWindow } from 'electron';\n" +
        "export const open = () => new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const allow = readAllowList(process.cwd());
    const { findings, parseErrors } = await scan(root, allow.excludedChecks.map((entry) => entry.check));
    expect(parseErrors).toEqual([]);
    const checks = findings.map((finding) => finding.check);
    expect(checks).toEqual(expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        // No will-navigate guard and no permission handler anywhere in the fixture.
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]));
    const verdict = judge(findings, { ...allow, findings: [] });
    expect(verdictIsClean(verdict)).toBe(false);
    expect(verdict.unjustified.length).toBe(findings.length);
  });

  it('fails when a justification no longer matches any finding', () => {
    const reason = 'kept after the code it excused was removed';
    const verdict = judge([], { excludedChecks: [], findings: [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/window.ts', reason }] });
    expect(verdict.stale).toEqual([{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/window.ts', reason }]);
    expect(verdictIsClean(verdict)).toBe(false);
  });
});

// `briefcase generate`, `documents list`, `templates list` as a separate process (bin/briefcase.mjs)
// against a vault holding the fictional demo case: the pre-flight report on stderr in the CLI's
// language, refusal (exit 1, nothing written) for missing fields and for stale sources unless
// --accept-stale, then the file written and what was written printed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentVersion, TemplateSummary } from '../../../preload/contract';
import { createApi } from '../../../main/core/api';
import { addDemoCase, DEMO_REFERENCE } from '../../../scripts/demo';
import { FAST_KDF, tempDir } from '../helpers';
import da from '../../../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };

const PASS = 'a long clinic passphrase';

/** A data folder whose default vault (cheap KDF) holds the demo case and a case with nothing in it. */
async function home(): Promise<string> {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const created = await api.call('vault.create', { passphrase: PASS });
  if (!created.ok) throw new Error(created.error.code);
  await addDemoCase(api, dir);
  await api.call('cases.create', { reference: 'BC-2026-102', clientName: 'Testa Fictiva' });
  api.close();
  return dir;
}

function briefcase(dir: string, args: string[], lang: 'en' | 'da' = 'en') {
  const result = spawnSync(process.execPath, ['bin/briefcase.mjs', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BRIEFCASE_HOME: dir, BRIEFCASE_PASSPHRASE: PASS, BRIEFCASE_LANG: lang },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('briefcase generate', () => {
  it('refuses stale sources (listing them) unless --accept-stale, then writes the file and says what it wrote', async () => {
    const dir = await home();
    const out = join(dir, 'indlæg.pdf');
    const args = ['generate', DEMO_REFERENCE, '--template', 'brief', '--lang', 'da', '--format', 'pdf', '--out', out];

    const refused = briefcase(dir, args, 'da');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(da.cliDocuments.staleHeading);
    expect(refused.stderr).toMatch(/^ {2}– Amnesty International: Urgent Action 45\/21.*: gammel/m);
    expect(refused.stderr).toContain(`Fejl: ${da.cliDocuments.refusedStale}`);
    expect(existsSync(out)).toBe(false);

    const written = briefcase(dir, [...args, '--accept-stale'], 'da');
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toContain(da.cliDocuments.staleAccepted);
    const name = `${DEMO_REFERENCE} Indlæg til Flygtningenævnet (da).pdf`;
    const size = readFileSync(out).length;
    expect(written.stdout.trim().split('\n')).toEqual([`Skrev ${name} til ${out}`, `Størrelse: ${size} byte`, `SHA-256: ${sha256(out)}`]);

    const listed = briefcase(dir, ['documents', 'list', DEMO_REFERENCE, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const items = (JSON.parse(listed.stdout) as { items: DocumentVersion[] }).items;
    expect(items.map((v) => [v.name, v.sha256])).toEqual([[name, sha256(out)]]);
    expect(briefcase(dir, ['documents', 'list', DEMO_REFERENCE]).stdout).toContain(name);
  }, 120_000);

  it('lists every missing field by its label in the CLI’s language, writes nothing, exit 1', async () => {
    const dir = await home();
    const out = join(dir, 'brief.docx');
    // The document would be Danish; the CLI speaks English, so the labels are English.
    const refused = briefcase(dir, ['generate', 'BC-2026-102', '--template', 'brief', '--lang', 'da', '--format', 'docx', '--out', out]);
    expect(refused.code).toBe(1);
    const lines = refused.stderr.split('\n');
    const start = lines.indexOf(en.cliDocuments.missingHeading);
    expect(start).toBeGreaterThanOrEqual(0);
    const meta = JSON.parse(readFileSync('templates/documents/brief/meta.json', 'utf8')) as TemplateSummary;
    const missing = lines.slice(start + 1).filter((line) => line.startsWith('  – ')).map((line) => line.slice(4));
    expect(missing).toContain(meta.requires.find((r) => r.path === 'case.lawyer')!.label.en);
    expect(missing).toContain(meta.requires.find((r) => r.path === 'case.dates.decision')!.label.en);
    expect(missing.every((label) => meta.requires.some((r) => r.label.en === label))).toBe(true);
    expect(refused.stderr).toContain(`Error: ${en.cliDocuments.refusedMissing}`);
    expect(existsSync(out)).toBe(false);

    const unknown = briefcase(dir, ['generate', 'NO-SUCH-CASE', '--template', 'brief', '--lang', 'en', '--format', 'pdf', '--out', out]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('NO-SUCH-CASE');
    const usage = briefcase(dir, ['generate', DEMO_REFERENCE, '--template', 'brief', '--lang', 'fr', '--format', 'pdf', '--out', out]);
    expect(usage.code).toBe(2);
  }, 120_000);

  it('--json: the version and the path on stdout and nothing else; a bundle; templates list', async () => {
    const dir = await home();
    const out = join(dir, 'bundle.pdf');
    const made = briefcase(dir, ['generate', DEMO_REFERENCE, '--template', 'brief', '--lang', 'en', '--format', 'bundle', '--out', out, '--accept-stale', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const result = JSON.parse(made.stdout) as { written: boolean; path: string; bytes: number; version: DocumentVersion };
    expect(result).toMatchObject({ written: true, path: out, bytes: readFileSync(out).length, version: { format: 'bundle', sha256: sha256(out) } });

    const templates = briefcase(dir, ['templates', 'list'], 'da');
    expect(templates.code, templates.stderr).toBe(0);
    expect(templates.stdout).toMatch(/^brief +Indlæg til Flygtningenævnet +da, en +1\.0\.0 +Briefcase$/m);
    expect(templates.stdout).toMatch(/^cover-letter +Følgebrev til Flygtningenævnet/m);
  }, 120_000);

  it('has its words in both catalogues', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(da.cliDocuments).sort()).toEqual(keys(en.cliDocuments).sort());
    for (const code of ['TEMPLATE_INVALID', 'LANGUAGE_NOT_OFFERED', 'MISSING_FIELDS', 'UNKNOWN_CITATION', 'STALE_EVIDENCE'] as const) {
      expect(en.errors[code]).toBeTruthy();
      expect(da.errors[code]).toBeTruthy();
    }
  });
});

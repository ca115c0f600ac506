// `briefcase erase`, `briefcase retention`, `briefcase access-report` as a separate process
// (bin/briefcase.mjs), in Danish and English: a wrong confirmation erases nothing (exit 1, the
// translated error), the right one erases; the retention list; the report PDF and the case JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { importCase } from '../../../main/core/cases/exchange';
import { demoCaseFile } from '../../../scripts/demo';
import { pageTexts } from '../documents/pdf-tools';
import { FAST_KDF, tempDir } from '../helpers';
import da from '../../../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };
import { ERASED_NAME, ERASED_REFERENCE, KEPT_NAME, KEPT_REFERENCE, addKeptCase } from './fixture';

const PASS = 'a long clinic passphrase';

/** A data folder with two fictional cases: hers (closed ten years ago) and one still open. */
async function home(): Promise<string> {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const created = await api.call('vault.create', { passphrase: PASS });
  if (!created.ok) throw new Error(created.error.code);
  const file = demoCaseFile();
  file.details.reference = ERASED_REFERENCE;
  file.details.status = 'closed';
  file.client.name = ERASED_NAME;
  importCase(api.vault.db, file, new Date(Date.now() - 10 * 366 * 86_400_000));
  addKeptCase(api.vault.db);
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

const references = (dir: string) => (JSON.parse(briefcase(dir, ['case', 'list', '--json']).stdout) as { items: { reference: string }[] }).items.map((i) => i.reference).sort();

describe('briefcase erase / retention / access-report', () => {
  // Each command is a process that derives the key: several per test on a shared 2-core machine.
  it('erases only with the reference typed again, and says older backups keep the case', { timeout: 120_000 }, async () => {
    const dir = await home();
    const wrong = briefcase(dir, ['erase', ERASED_REFERENCE, '--confirm', KEPT_REFERENCE], 'da');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(da.errors.CONFIRMATION_MISMATCH);
    expect(references(dir)).toEqual([ERASED_REFERENCE, KEPT_REFERENCE]);

    const missing = briefcase(dir, ['erase', ERASED_REFERENCE]);
    expect(missing.code).toBe(2);

    const erased = briefcase(dir, ['erase', ERASED_REFERENCE, '--confirm', ERASED_REFERENCE], 'en');
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stderr).toContain(en.cliGdpr.backupsKeep);
    expect(erased.stderr).not.toContain(ERASED_NAME);
    expect(references(dir)).toEqual([KEPT_REFERENCE]);
  });

  it('lists the closed case past the retention period, and writes the access report PDF with the case JSON beside it', { timeout: 120_000 }, async () => {
    const dir = await home();
    const listed = briefcase(dir, ['retention', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const list = JSON.parse(listed.stdout) as { years: number; items: { reference: string }[] };
    expect(list.years).toBe(5);
    expect(list.items.map((i) => i.reference)).toEqual([ERASED_REFERENCE]);

    const out = join(dir, 'indsigt.pdf');
    const report = briefcase(dir, ['access-report', ERASED_REFERENCE, '--lang', 'da', '--out', out], 'da');
    expect(report.code, report.stderr).toBe(0);
    const text = pageTexts(out).join('\n');
    expect(text).toContain(`Indsigtsrapport · ${ERASED_REFERENCE}`);
    expect(text).toContain(ERASED_NAME);
    expect(text).not.toContain(KEPT_NAME);
    const json = JSON.parse(readFileSync(join(dir, 'indsigt.json'), 'utf8')) as { client: { name: string }; details: { reference: string } };
    expect(json).toMatchObject({ client: { name: ERASED_NAME }, details: { reference: ERASED_REFERENCE } });

    const elsewhere = join(dir, 'case.json');
    expect(briefcase(dir, ['access-report', ERASED_REFERENCE, '--lang', 'en', '--out', join(dir, 'report.pdf'), '--json-out', elsewhere]).code).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
  });
});

// `briefcase backup …` run as a user runs it: a separate Node process, real vault, real KDF.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../preload/schemas/security';
import { tempDir } from '../helpers';
import da from '../../../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };

const PASS = 'a long clinic passphrase';
// Each process derives the real key (scrypt, about 0.4 s alone) and more when two cores are shared.

function briefcase(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ['bin/briefcase.mjs', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_GB.UTF-8', ...env },
    stdio: ['pipe', 'pipe', 'pipe'], // no TTY: passphrases come from the environment
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('briefcase backup', () => {
  it('backs up, lists, checks and restores from the command line', () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS };
    expect(briefcase(['init'], env).code).toBe(0);
    expect(briefcase(['case', 'create', '--client-name', 'Amal Testdatter'], env).code).toBe(0);

    const now = briefcase(['backup', 'now', '--json'], env);
    expect(now.code, now.stderr).toBe(0);
    const made = JSON.parse(now.stdout) as BackupInfo;
    expect(made.kind).toBe('manual');

    expect(briefcase(['case', 'create', '--client-name', 'Samir Fiktiv'], env).code).toBe(0);

    const table = briefcase(['backup', 'list'], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(made.id);
    expect(table.stdout).toContain(en.backups.kind.manual);

    const check = briefcase(['backup', 'check', made.id], env);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout.trim()).toBe(en.cliBackup.checkOk_one.replace('{{count}}', '1').replace('{{version}}', String(made.schemaVersion)));

    const wrong = briefcase(['backup', 'check', made.id], { ...env, BRIEFCASE_BACKUP_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(en.errors.WRONG_PASSPHRASE);

    const restore = briefcase(['backup', 'restore', made.id], env);
    expect(restore.code, restore.stderr).toBe(0);
    const cases = JSON.parse(briefcase(['case', 'list', '--json'], env).stdout) as { items: { clientName: string }[] };
    expect(cases.items.map((item) => item.clientName)).toEqual(['Amal Testdatter']);
  }, 120_000); // eleven processes, each deriving the real key

  it('reports a damaged backup with exit code 1, in Danish when asked', () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS, LANG: 'da_DK.UTF-8' };
    expect(briefcase(['init'], env).code).toBe(0);
    const made = JSON.parse(briefcase(['backup', 'now', '--json'], env).stdout) as BackupInfo;
    // A backup whose pages are all overwritten: its key file still says which key, the file says nothing.
    writeFileSync(join(home, 'backups', made.id), Buffer.alloc(made.size, 0x55));

    const check = briefcase(['backup', 'check', made.id], env);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(da.cliBackup.checkFailed);
    const restore = briefcase(['backup', 'restore', made.id], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(da.errors.BACKUP_DAMAGED);
  }, 120_000);
});

// The `briefcase` command, run as a user runs it: a separate Node process, real vault, real KDF.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, tempDir } from '../helpers';
import da from '../../../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };

const PASS = 'a long clinic passphrase';
const EXAMPLE = 'docs/examples/case.example.json';

function briefcase(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, ['bin/briefcase.mjs', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_GB.UTF-8', ...env },
    stdio: ['pipe', 'pipe', 'pipe'], // no TTY: prompts are impossible, as in CI
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('briefcase CLI', () => {
  it('init, case create, list, show and check, with --json on stdout only', () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS };
    const init = briefcase(['init'], env);
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(home, 'briefcase.vault'))).toBe(true);

    const created = briefcase(['case', 'create', '--reference', 'BC-2026-014', '--client-name', 'Testa Fictiva'], env);
    expect(created.code, created.stderr).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const list = briefcase(['case', 'list', '--json'], env);
    expect(list.code).toBe(0);
    const page = JSON.parse(list.stdout) as { total: number; items: { id: string; clientName: string }[] };
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id, clientName: 'Testa Fictiva', status: 'intake' });

    const table = briefcase(['case', 'list'], env);
    expect(table.stdout).toMatch(/Reference\s+Client\s+Status/);
    expect(table.stdout).toContain('BC-2026-014');

    const shown = briefcase(['case', 'show', id, '--json'], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({ format: 'briefcase-case', version: 1, id, details: { reference: 'BC-2026-014' }, client: { name: 'Testa Fictiva' } });

    const summary = briefcase(['case', 'show', id], env);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toMatch(new RegExp(`${en.cliCase.client}\\s+Testa Fictiva`));
    expect(summary.stdout).toContain(en.caseStatus.intake);

    const generated = briefcase(['case', 'create', '--client-name', 'Amal Testdatter'], env);
    expect(generated.code, generated.stderr).toBe(0);
    const generatedShown = JSON.parse(briefcase(['case', 'show', generated.stdout.trim(), '--json'], env).stdout) as { details: { reference: string } };
    expect(generatedShown.details.reference).toMatch(/^\d{4}-001$/);

    const check = briefcase(['vault', 'check'], env);
    expect(check.code).toBe(0);
    expect(check.stdout.trim()).toBe(en.cli.checkOk);
  });

  it('--vault chooses the file; rekey changes the passphrase', () => {
    const home = tempDir();
    const vault = join(tempDir(), 'clinic.vault');
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS };
    expect(briefcase(['--vault', vault, 'init'], env).code).toBe(0);
    expect(existsSync(vault)).toBe(true);

    const rekey = briefcase(['--vault', vault, 'vault', 'rekey'], { ...env, BRIEFCASE_NEW_PASSPHRASE: 'the next clinic passphrase' });
    expect(rekey.code, rekey.stderr).toBe(0);
    expect(briefcase(['--vault', vault, 'case', 'list', '--json'], env).code).toBe(1);
    expect(briefcase(['--vault', vault, 'case', 'list', '--json'], { ...env, BRIEFCASE_PASSPHRASE: 'the next clinic passphrase' }).code).toBe(0);
  });

  it('a wrong passphrase: translated message on stderr, exit 1, nothing on stdout, file unchanged', () => {
    const home = tempDir();
    expect(briefcase(['init'], { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS }).code).toBe(0);
    const file = join(home, 'briefcase.vault');
    const before = fingerprint(file, `${file}.keys.json`);

    const result = briefcase(['case', 'list', '--json'], { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(en.errors.WRONG_PASSPHRASE);

    const danish = briefcase(['case', 'list'], { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: 'wrong', LANG: 'da_DK.UTF-8' });
    expect(danish.code).toBe(1);
    expect(danish.stderr).toContain(da.errors.WRONG_PASSPHRASE);
    expect(fingerprint(file, `${file}.keys.json`)).toEqual(before);
  });

  it('invalid input lists each problem and stores nothing', () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS };
    expect(briefcase(['init'], env).code).toBe(0);
    const bad = briefcase(['case', 'create', '--reference', '   ', '--client-name', 'Testa Fictiva'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('reference');
    expect(JSON.parse(briefcase(['case', 'list', '--json'], env).stdout).total).toBe(0);
  });

  it('never takes a passphrase from an argument, and without a terminal says where to put it', () => {
    const home = tempDir();
    const noEnv = briefcase(['init'], { BRIEFCASE_HOME: home });
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toContain('BRIEFCASE_PASSPHRASE');
    const asArgument = briefcase(['init', '--passphrase', PASS], { BRIEFCASE_HOME: home });
    expect(asArgument.code).toBe(2);
    expect(existsSync(join(home, 'briefcase.vault'))).toBe(false);
  });

  it('vault check on a missing vault fails with its own message', () => {
    const result = briefcase(['vault', 'check'], { BRIEFCASE_HOME: tempDir(), BRIEFCASE_PASSPHRASE: PASS });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(en.errors.VAULT_NOT_FOUND);
  });

  it('case import → show --json gives back the file apart from the generated id and timestamps', () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS };
    expect(briefcase(['init'], env).code).toBe(0);
    const imported = briefcase(['case', 'import', EXAMPLE], env);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const shown = briefcase(['case', 'show', id, '--json'], env);
    expect(shown.code, shown.stderr).toBe(0);
    const { id: shownId, createdAt, updatedAt, ...rest } = JSON.parse(shown.stdout) as Record<string, unknown>;
    expect(shownId).toBe(id);
    expect(typeof createdAt).toBe('string');
    expect(typeof updatedAt).toBe('string');
    expect(rest).toEqual(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    expect(shown.stderr).toBe('');

    const danish = briefcase(['case', 'show', id], { ...env, LANG: 'da_DK.UTF-8' });
    expect(danish.stdout).toContain('§ 7, stk. 3: midlertidig beskyttelsesstatus');
    expect(danish.stdout).toContain('Rif Dimashq');

    const asJson = briefcase(['case', 'import', '--json', EXAMPLE], env);
    expect(asJson.code).toBe(1); // the reference is taken now
    expect(asJson.stderr).toContain(`details.reference: ${en.validation.duplicateReference}`);
  });

  it('case import of an invalid file lists every problem with its path, exit 1, nothing stored', () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS };
    expect(briefcase(['init'], env).code).toBe(0);
    const file = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { details: { dates: Record<string, string> }; client: Record<string, unknown>; risks: { factorId: string }[] };
    file.details.dates.decision = '2015';
    file.client.cpr = '320179-1234';
    file.risks[0]!.factorId = 'no-such-factor';
    const path = join(tempDir(), 'bad.json');
    writeFileSync(path, JSON.stringify(file));
    const result = briefcase(['case', 'import', path], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`details.dates.decision: ${en.validation.decisionBeforePermit}`);
    expect(result.stderr).toContain(`client.cpr: ${en.validation.cpr}`);
    expect(result.stderr).toContain(`risks.0.factorId: ${en.validation.invalidValue}`);
    expect(JSON.parse(briefcase(['case', 'list', '--json'], env).stdout).total).toBe(0);
  });

  it('case import of a missing or non-JSON file: a translated message, exit 1', () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS };
    expect(briefcase(['init'], env).code).toBe(0);
    const missing = briefcase(['case', 'import', join(home, 'nope.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(en.cliCase.fileNotReadable.replace('{{file}}', join(home, 'nope.json')));
    const notJson = join(home, 'notes.json');
    writeFileSync(notJson, 'not json {');
    const danish = briefcase(['case', 'import', notJson], { ...env, LANG: 'da_DK.UTF-8' });
    expect(danish.code).toBe(1);
    expect(danish.stderr).toContain(da.cliCase.notJson.replace('{{file}}', notJson));
  });

  it('unknown commands are usage errors (exit 2)', () => {
    const result = briefcase(['case', 'destroy'], { BRIEFCASE_HOME: tempDir() });
    expect(result.code).toBe(2);
  });
});

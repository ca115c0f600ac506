// `briefcase audit …` as a person (or a DPO's script) runs it: a separate process, a real vault.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { tempDir } from '../helpers';
import da from '../../../renderer/src/i18n/da.json' with { type: 'json' };

const PASS = 'a long clinic passphrase';

function briefcase(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['bin/briefcase.mjs', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_GB.UTF-8', BRIEFCASE_PASSPHRASE: PASS, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('briefcase audit', () => {
  it('verify exits 0 on a whole log and 1 (translated) on a tampered one; list and export', async () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home };
    expect(briefcase(['init'], env).code).toBe(0);
    const created = briefcase(['case', 'create', '--reference', 'BC-2026-3', '--client-name', 'Samir Fiktiv'], env);
    expect(created.code, created.stderr).toBe(0);

    const verified = briefcase(['audit', 'verify', '--json'], env);
    expect(verified.code, verified.stderr).toBe(0);
    // init (create, lock), case create (unlock, create, lock), this command's own unlock.
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, entries: 6, firstBadSeq: null, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const listed = briefcase(['audit', 'list', '--limit', '5'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.split('\n')[0]).toMatch(/^No\.\s+Time \(UTC\)\s+User\s+Action\s+Operation\s+Ids$/);
    expect(listed.stdout).toMatch(/cases\.create\s+[0-9a-f]{8}/);
    expect(listed.stdout).not.toContain('Samir');

    const out = join(home, 'audit.csv');
    const exported = briefcase(['audit', 'export', '--format', 'csv', '--out', out], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('seq,at,actor,action,method,ids,fields,hash');

    // An attacker with the key edits an entry (after dropping the triggers).
    const api = createApi({ dataDir: home, version: 'test' });
    expect((await api.call('vault.unlock', { passphrase: PASS })).ok).toBe(true);
    api.vault.db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'nobody' WHERE seq = 3");
    api.close();

    const broken = briefcase(['audit', 'verify'], { ...env, BRIEFCASE_LANG: 'da', LANG: 'da_DK.UTF-8' });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(da.cliAudit.verifyBroken.replace('{{seq}}', '3').replace(/\{\{entries\}\}.*$/, ''));
  }, 120_000);
});

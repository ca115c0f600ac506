// The exported log: every entry oldest first with the chain's head hash, recomputable with nothing
// but SHA-256 and the rule in main/core/audit/chain.ts; CSV that a spreadsheet cannot run.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import type { AuditEntry } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

async function vault() {
  const api = createApi({ dataDir: tempDir(), version: '0.0.0-test', kdfCost: FAST_KDF });
  const calls = apiCalls(api);
  await calls.ok('prefs.setUserName', { userName: '=HYPERLINK("http://example.org")' });
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
  await calls.ok('cases.create', { reference: 'BC-2026-1', clientName: 'Samir Fiktiv' });
  await calls.ok('cases.create', { reference: 'BC-2026-2', clientName: 'Samir Fiktiv' });
  return { api, ...calls };
}

describe('audit export', () => {
  it('exports JSON whose chain recomputes independently to the head hash it carries', async () => {
    const { api, ok } = await vault();
    const { name, text } = await ok<{ name: string; text: string }>('audit.export', { format: 'json' });
    expect(name).toMatch(/^briefcase-audit-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(text) as { headHash: string; verification: { ok: boolean }; entries: AuditEntry[] };
    expect(file.verification.ok).toBe(true);
    expect(file.entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    // The rule as docs/security.md states it, written out again here rather than imported.
    let previous = '0'.repeat(64);
    for (const entry of file.entries) {
      const canonical = `{"action":${JSON.stringify(entry.action)},"actor":${JSON.stringify(entry.actor)},"at":"${entry.at}","fields":${JSON.stringify(entry.fields)},"ids":${JSON.stringify(entry.ids)},"method":"${entry.method}","seq":${entry.seq}}`;
      previous = createHash('sha256').update(`${previous}\n${canonical}`).digest('hex');
      expect(entry.hash).toBe(previous);
    }
    expect(file.headHash).toBe(previous);
    expect((await ok<{ headHash: string }>('audit.verify', {})).headHash).not.toBe(previous); // the export itself was recorded after
    api.close();
  });

  it('exports CSV with a header, one quoted row per entry, and formulas defused', async () => {
    const { api, ok } = await vault();
    const { name, text } = await ok<{ name: string; text: string }>('audit.export', { format: 'csv' });
    expect(name).toMatch(/\.csv$/);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,action,method,ids,fields,hash');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^"2","[^"]+","'=HYPERLINK\(""http:\/\/example.org""\)","create","cases.create","[0-9a-f-]{36}","reference clientName","[0-9a-f]{64}"$/);
    api.close();
  });
});

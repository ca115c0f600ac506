// The chain: append-only in SQL, and any edit, removal or reordering of an entry is found by
// `audit.verify`. Tampering is simulated as an attacker holding the vault key would do it: drop
// the triggers first, then change the rows.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import type { AuditVerifyResult } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

/** A vault with six entries: its creation and five cases. */
async function vaultWithEntries() {
  const api = createApi({ dataDir: tempDir(), version: '0.0.0-test', kdfCost: FAST_KDF });
  const calls = apiCalls(api);
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
  for (let n = 1; n <= 5; n += 1) await calls.ok('cases.create', { reference: `BC-2026-${n}`, clientName: 'Samir Fiktiv' });
  const db = api.vault.db;
  const asAttacker = (sql: string) => db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; ${sql}`);
  const verify = () => calls.ok<AuditVerifyResult>('audit.verify', {});
  return { api, ...calls, db, asAttacker, verify };
}

describe('audit verify', () => {
  it('an untouched chain verifies, and its head hash is the last entry’s hash', async () => {
    const { api, db, verify } = await vaultWithEntries();
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string };
    expect(await verify()).toEqual({ ok: true, entries: 6, firstBadSeq: null, headHash: last.hash });
    api.close();
  });

  it('refuses to update or delete an audit row (SQL triggers)', async () => {
    const { api, db, verify } = await vaultWithEntries();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 6').run()).toThrow(/append-only/);
    expect(await verify()).toMatchObject({ ok: true, entries: 6 });
    api.close();
  });

  it('finds an edited entry', async () => {
    const { api, asAttacker, verify } = await vaultWithEntries();
    asAttacker("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
    expect(await verify()).toMatchObject({ ok: false, entries: 6, firstBadSeq: 3 });
    api.close();
  });

  it('finds an edited entry whose own hash was recomputed, at the entry after it', async () => {
    const { api, db, asAttacker, verify } = await vaultWithEntries();
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Record<string, string>;
    const forged = createHash('sha256').update(`${row.hash}forged`).digest('hex');
    asAttacker(`UPDATE audit_log SET action = 'update', hash = '${forged}' WHERE seq = 3`);
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 3 });
    api.close();
  });

  it('finds a removed middle entry at the one that followed it', async () => {
    const { api, asAttacker, verify } = await vaultWithEntries();
    asAttacker('DELETE FROM audit_log WHERE seq = 4');
    expect(await verify()).toMatchObject({ ok: false, entries: 5, firstBadSeq: 5 });
    api.close();
  });

  it('finds reordered entries (two seq numbers swapped)', async () => {
    const { api, asAttacker, verify } = await vaultWithEntries();
    asAttacker('UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100;');
    expect(await verify()).toMatchObject({ ok: false, entries: 6, firstBadSeq: 2 });
    api.close();
  });

  it('a cut-off tail still verifies: only a head hash kept from before shows it', async () => {
    const { api, asAttacker, verify } = await vaultWithEntries();
    const before = await verify();
    asAttacker('DELETE FROM audit_log WHERE seq >= 5');
    const after = await verify();
    expect(after).toMatchObject({ ok: true, entries: 4 });
    expect(after.headHash).not.toBe(before.headHash);
    api.close();
  });

  it('writes the entry in the same transaction as the change: no change without its entry', async () => {
    const { api, ok, failure, db } = await vaultWithEntries();
    db.exec("CREATE TEMP TRIGGER audit_refused BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'refused'); END");
    expect((await failure('cases.create', { reference: 'BC-2026-99', clientName: 'Samir Fiktiv' })).code).toBe('INTERNAL');
    db.exec('DROP TRIGGER audit_refused');
    expect((await ok<{ total: number }>('cases.list', {})).total).toBe(5);
    api.close();
  });
});

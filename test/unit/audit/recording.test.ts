// What the audit trail records about calls made through the one handler table: who, what, which
// ids and field names — never a value — and only for calls that change something.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { declaredKeys, fieldPaths } from '../../../main/core/audit/describe';
import { contract, type AuditPage } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

const CLIENT = 'Amal Testdatter';

async function openApi(dataDir = tempDir()) {
  const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const calls = apiCalls(api);
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
  return { api, ...calls, dataDir };
}

const entries = async (ok: (method: string, input: unknown) => Promise<unknown>) =>
  ((await ok('audit.list', { limit: 500 })) as AuditPage).items.slice().reverse();

describe('audit recording', () => {
  it('records a case created and updated with its id, the field names and the seat user, newest first', async () => {
    const { api, ok } = await openApi();
    await ok('prefs.setUserName', { userName: 'Samir Fiktiv' });
    const created = await ok<{ id: string }>('cases.create', { reference: 'BC-2026-7', clientName: CLIENT });
    await ok('cases.update', { id: created.id, revision: 0, update: { section: 'client', value: { name: CLIENT, contact: { phone: '+45 1234' } } } });
    const page = (await ok('audit.list', { limit: 2 })) as AuditPage;
    expect(page.total).toBe(3);
    expect(page.items.map((entry) => [entry.seq, entry.action, entry.method])).toEqual([
      [3, 'update', 'cases.update'],
      [2, 'create', 'cases.create'],
    ]);
    expect(page.items[0]).toMatchObject({ actor: 'Samir Fiktiv', ids: [created.id] });
    expect(page.items[0]!.fields).toEqual(expect.arrayContaining(['id', 'revision', 'update.section', 'update.value.name', 'update.value.contact.phone']));
    expect(page.items[1]).toMatchObject({ ids: [created.id], fields: ['reference', 'clientName'] });
    api.close();
  });

  it("names the operating system's user when the seat has no user name", async () => {
    const { api, ok } = await openApi();
    const [first] = await entries(ok);
    expect(first).toMatchObject({ seq: 1, action: 'create', method: 'vault.create', actor: userInfo().username });
    api.close();
  });

  it('does not record reads: lists, gets, searches, checks', async () => {
    const { api, ok } = await openApi();
    const created = await ok<{ id: string }>('cases.create', { clientName: CLIENT });
    const before = (await entries(ok)).length;
    await ok('cases.list', {});
    await ok('cases.get', { id: created.id });
    await ok('evidence.search', { query: 'x' });
    await ok('vault.check', {});
    await ok('audit.verify', {});
    expect((await entries(ok)).length).toBe(before);
    api.close();
  });

  it('records lock and unlock, whichever way the vault was locked', async () => {
    const { api, ok } = await openApi();
    await ok('vault.lock', {});
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    await api.lock(); // as the idle clock and suspend do
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect((await entries(ok)).map((entry) => entry.action)).toEqual(['create', 'lock', 'unlock', 'lock', 'unlock']);
    api.close();
  });

  it('records an async change (the clinic keys made on a worker) once it has finished', async () => {
    const { api, ok } = await openApi();
    await ok('clinic.setup', { profile: { name: 'Fiktiv Retshjælp' } });
    const last = (await entries(ok)).at(-1)!;
    expect(last).toMatchObject({ action: 'update', method: 'clinic.setup', fields: ['profile.name', 'profile.address', 'profile.contact'] });
    expect((await ok<{ identity: unknown }>('clinic.get', {})).identity).not.toBeNull();
    api.close();
  });

  it('writes no entry for a change that failed, and keeps the data as it was', async () => {
    const { api, ok, failure } = await openApi();
    const created = await ok<{ id: string }>('cases.create', { clientName: CLIENT });
    const before = await entries(ok);
    expect((await failure('cases.update', { id: created.id, revision: 7, update: { section: 'timeline', value: [] } })).code).toBe('EDIT_CONFLICT');
    expect((await failure('cases.create', { clientName: '' })).code).toBe('INVALID_INPUT');
    expect(await entries(ok)).toEqual(before);
    api.close();
  });

  it("never stores a client's name or any other value, whatever the input carries", async () => {
    const { api, ok, failure } = await openApi();
    const created = await ok<{ id: string }>('cases.create', { reference: 'BC-2026-8', clientName: CLIENT });
    const eventId = '3f0c8f57-2f3e-4b8e-9a51-6f1d2c3b4a01';
    await ok('cases.update', {
      id: created.id,
      revision: 0,
      update: { section: 'client', value: { name: CLIENT, nameOriginal: CLIENT, otherSpellings: [CLIENT, `${CLIENT}a`], contact: { email: 'amal.testdatter@example.org', address: `c/o ${CLIENT}` } } },
    });
    await ok('cases.update', {
      id: created.id,
      revision: 0,
      update: { section: 'timeline', value: [{ id: eventId, date: '2020-01', description: `${CLIENT} fled`, source: 'client_interview', sourceDetail: CLIENT }] },
    });
    const example = JSON.parse(readFileSync('docs/examples/case.example.json', 'utf8')) as { client: { name: string }; details: { reference: string } };
    example.client.name = CLIENT;
    example.details.reference = 'BC-2026-9';
    await ok('cases.import', { file: example });
    // A free-text id is not an id: it never passes as one.
    await ok('evidence.addTag', { axis: 'topic', id: 'amal-testdatter', labels: { da: CLIENT, en: CLIENT } });
    await failure('vault.rekey', { passphrase: `${CLIENT} wrong!`, newPassphrase: `${CLIENT} new passphrase` });
    await ok('audit.export', { format: 'json' });

    const rows = api.vault.db.prepare('SELECT * FROM audit_log').all();
    expect(rows.length).toBeGreaterThanOrEqual(7);
    const stored = JSON.stringify(rows).toLowerCase();
    for (const word of ['amal', 'testdatter', 'fled', 'example.org', 'wrong!']) expect(stored).not.toContain(word);
    const exported = await ok<{ text: string }>('audit.export', { format: 'csv' });
    expect(exported.text.toLowerCase()).not.toContain('amal');
    api.close();
  });

  it("records a backup by its time, kind and version, without the vault's file name", async () => {
    const dataDir = tempDir();
    const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
    const { ok } = apiCalls(api);
    await ok('vault.create', { path: join(dataDir, 'amal-testdatter.vault'), passphrase: PASSPHRASE });
    const backup = await ok<{ id: string }>('backups.create', {});
    expect(backup.id).toContain('amal-testdatter');
    const last = (await entries(ok)).at(-1)!;
    expect(last).toMatchObject({ action: 'backup', method: 'backups.create' });
    expect(last.ids).toHaveLength(1);
    expect(backup.id.startsWith(`${last.ids[0]!}.`)).toBe(true);
    expect(last.ids[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-manual-v\d+$/);
    api.close();
  });

  it("after a restore the log is the backup's, continued by the restore's own entry", async () => {
    const { api, ok } = await openApi();
    const backup = await ok<{ id: string }>('backups.create', {});
    const atBackup = await entries(ok);
    await ok('cases.create', { clientName: CLIENT });
    await ok('backups.restore', { id: backup.id, passphrase: PASSPHRASE });
    const after = await entries(ok);
    // The backup was taken inside backups.create, before that call's own entry was written.
    expect(after.slice(0, atBackup.length - 1)).toEqual(atBackup.slice(0, -1));
    expect(after.map((entry) => entry.method)).not.toContain('cases.create');
    expect(after.at(-1)).toMatchObject({ action: 'restore', method: 'backups.restore' });
    expect(await ok('audit.verify', {})).toMatchObject({ ok: true });
    api.close();
  });

  it('turns a key that is data (a record key someone typed) into "*" and caps long lists', () => {
    const allowed = declaredKeys(contract['cases.update'].input);
    expect(allowed.has('section')).toBe(true);
    expect(fieldPaths({ section: 'client', [CLIENT]: { name: 1 } }, allowed)).toEqual(['section', '*.name']);
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, index) => [`k${index}`, index]));
    const capped = fieldPaths(many, new Set(Object.keys(many)));
    expect(capped).toHaveLength(51);
    expect(capped.at(-1)).toBe('…');
  });
});

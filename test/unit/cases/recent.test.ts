// "Recently opened" (cases.recent): opening a case (cases.get) puts it first, the list is kept in
// the vault and not in preferences.json, a failed open changes nothing, erasure removes the entry.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { RECENT_CASES_KEPT } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

type Recent = { items: { id: string; reference: string; clientName: string }[] };

async function openApi() {
  const dataDir = tempDir();
  const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const calls = apiCalls(api);
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
  const create = (clientName: string, reference: string) => calls.ok<{ id: string }>('cases.create', { clientName, reference });
  return { api, dataDir, ...calls, create };
}

describe('cases.recent', () => {
  it('lists the cases opened, the last opened first, each once, as list rows', async () => {
    const { ok, create } = await openApi();
    const amal = await create('Amal Testdatter', 'R-1');
    const samir = await create('Samir Fiktiv', 'R-2');
    await create('Nadia Opdigtet', 'R-3'); // created, never opened
    expect(await ok<Recent>('cases.recent', {})).toEqual({ items: [] });

    await ok('cases.get', { id: amal.id });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ok('cases.get', { id: samir.id });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ok('cases.get', { id: amal.id });

    const recent = await ok<Recent>('cases.recent', {});
    expect(recent.items.map((item) => [item.reference, item.clientName])).toEqual([
      ['R-1', 'Amal Testdatter'],
      ['R-2', 'Samir Fiktiv'],
    ]);
    expect((await ok<Recent>('cases.recent', { limit: 1 })).items.map((item) => item.reference)).toEqual(['R-1']);
  });

  it('keeps only the last RECENT_CASES_KEPT cases', async () => {
    const { ok, create } = await openApi();
    const ids: string[] = [];
    for (let n = 1; n <= RECENT_CASES_KEPT + 3; n += 1) ids.push((await create(`Fiktiv Person ${n}`, `K-${n}`)).id);
    for (const id of ids) {
      await ok('cases.get', { id });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const recent = await ok<Recent>('cases.recent', { limit: RECENT_CASES_KEPT });
    expect(recent.items).toHaveLength(RECENT_CASES_KEPT);
    expect(recent.items[0]!.reference).toBe(`K-${RECENT_CASES_KEPT + 3}`);
    expect(recent.items.map((item) => item.reference)).not.toContain('K-3');
  });

  it('leaves the list as it was when the case does not exist, and refuses a bad limit', async () => {
    const { ok, failure, create } = await openApi();
    const amal = await create('Amal Testdatter', 'R-1');
    await ok('cases.get', { id: amal.id });
    expect((await failure('cases.get', { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect((await ok<Recent>('cases.recent', {})).items.map((item) => item.id)).toEqual([amal.id]);
    expect((await failure('cases.recent', { limit: 0 })).code).toBe('INVALID_INPUT');
    expect((await failure('cases.recent', { limit: RECENT_CASES_KEPT + 1 })).code).toBe('INVALID_INPUT');
  });

  it('is kept in the vault: no client name or case id in the preferences file', async () => {
    const { ok, create, dataDir } = await openApi();
    const amal = await create('Amal Testdatter', 'R-1');
    await ok('cases.get', { id: amal.id });
    for (const name of readdirSync(dataDir).filter((file) => file.endsWith('.json'))) {
      const text = readFileSync(join(dataDir, name), 'utf8');
      expect(text).not.toContain('Amal');
      expect(text).not.toContain(amal.id);
    }
  });

  it('forgets an erased case', async () => {
    const { ok, create } = await openApi();
    const amal = await create('Amal Testdatter', 'R-1');
    const samir = await create('Samir Fiktiv', 'R-2');
    await ok('cases.get', { id: amal.id });
    await ok('cases.get', { id: samir.id });
    await ok('cases.erase', { caseId: amal.id, confirmReference: 'R-1' });
    expect((await ok<Recent>('cases.recent', {})).items.map((item) => item.id)).toEqual([samir.id]);
  });

  it('is locked with the vault', async () => {
    const { ok, failure, create } = await openApi();
    const amal = await create('Amal Testdatter', 'R-1');
    await ok('cases.get', { id: amal.id });
    await ok('vault.lock', {});
    expect((await failure('cases.recent', {})).code).toBe('VAULT_LOCKED');
  });
});

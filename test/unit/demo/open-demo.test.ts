// vault.openDemo, as the first-run screen calls it: the demo vault is built at <dataDir>/demo with
// the demo passphrase, carries the demo marker, holds the fictional case, the starter library and
// the case's links, and its brief generates with nothing missing. It never touches the real vault
// or the preference that names it, and locking the demo leads back to the real vault.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseRecord, CaseSummary, DocumentVersion, Preflight, VaultStatus } from '../../../preload/contract';
import { createApi } from '../../../main/core/api';
import { failedUnlocksPath } from '../../../main/core/audit/failed-unlocks';
import { DEMO_LINKS, DEMO_REFERENCE } from '../../../main/core/demo/case';
import { DEMO_PASSPHRASE, demoVaultPath } from '../../../main/core/demo/vault-file';
import { defaultVaultPath } from '../../../main/core/paths';
import { readPreferences } from '../../../main/core/prefs/preferences';
import { apiCalls } from '../api-calls';
import { FAST_KDF, fingerprint, PASSPHRASE, tempDir } from '../helpers';

function appAt(dataDir: string) {
  const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
  return { api, ...apiCalls(api) };
}

describe('vault.openDemo', () => {
  it('on a first run builds the demo vault in its own folder, marked as the demo, with the case, library and links', async () => {
    const dataDir = tempDir();
    const { api, ok } = appAt(dataDir);
    const status = await ok<VaultStatus>('vault.openDemo', {});
    expect(status).toMatchObject({ state: 'unlocked', demo: true, path: demoVaultPath(dataDir) });
    expect(status.path).toBe(join(dataDir, 'demo', 'briefcase-demo.vault'));
    expect((await ok<VaultStatus>('vault.status', {})).demo).toBe(true);

    const { items } = await ok<{ items: CaseSummary[] }>('cases.list', {});
    expect(items.map((item) => item.reference)).toEqual([DEMO_REFERENCE]);
    const caseId = items[0]!.id;
    const { file } = await ok<CaseRecord>('cases.get', { id: caseId });
    expect(file.client.name).toBe('Samir Testsen');
    expect(file.household.map((member) => member.name)).toContain('Amal Testdatter');
    expect(file.attachments.map((attachment) => attachment.name)).toEqual(expect.arrayContaining(['Udtalelse fra skolen om Nour Testsen.pdf']));
    expect(file.attachments).toHaveLength(2);
    const sources = await ok<{ items: unknown[] }>('evidence.listSources', {});
    expect(sources.items.length).toBeGreaterThan(0);
    const links = await ok<{ items: unknown[] }>('evidence.caseLinks', { caseId });
    expect(links.items).toHaveLength(DEMO_LINKS.length);
    // An invented clinic with keys, so the demo's case can be exported as a clinic would.
    const { identity } = await ok<{ identity: { profile: { name: string } } | null }>('clinic.get', {});
    expect(identity?.profile.name).toBe('Demo Clinic (fictional)');
    api.close();
  });

  it('holds a brief ready to generate: no missing field, no unknown citation', async () => {
    const { api, ok } = appAt(tempDir());
    await ok('vault.openDemo', {});
    const [demoCase] = (await ok<{ items: CaseSummary[] }>('cases.list', {})).items;
    for (const language of ['da', 'en'] as const) {
      const preflight = await ok<Preflight>('documents.check', { caseId: demoCase!.id, templateId: 'brief', language });
      expect(preflight.missing).toEqual([]);
      expect(preflight.unknownCitations).toEqual([]);
      // The starter library's sources are old by design; the person acknowledges it, as in the app.
      const version = await ok<DocumentVersion>('documents.generate', { caseId: demoCase!.id, templateId: 'brief', language, format: 'docx', acknowledgeStale: true });
      expect(version.size).toBeGreaterThan(1000);
    }
    api.close();
  });

  it('reopens the same demo the second time instead of building another', async () => {
    const dataDir = tempDir();
    const first = appAt(dataDir);
    await first.ok('vault.openDemo', {});
    const [made] = (await first.ok<{ items: CaseSummary[] }>('cases.list', {})).items;
    await first.ok('vault.lock', {});
    first.api.close();

    const again = appAt(dataDir);
    expect(await again.ok<VaultStatus>('vault.openDemo', {})).toMatchObject({ state: 'unlocked', demo: true });
    const { items } = await again.ok<{ items: CaseSummary[] }>('cases.list', {});
    expect(items.map((item) => item.id)).toEqual([made!.id]);
    again.api.close();
  });

  it('leaves the real vault, its files and the preference naming it exactly as they were; locking leads back to it', async () => {
    const dataDir = tempDir();
    const realPath = join(dataDir, 'clinic', 'real.vault');
    const { api, ok } = appAt(dataDir);
    await ok('vault.create', { path: realPath, passphrase: PASSPHRASE });
    await ok('cases.create', { clientName: 'Amal Testdatter' });
    await ok('vault.lock', {});
    const preferences = readFileSync(join(dataDir, 'preferences.json'), 'utf8');
    const before = fingerprint(realPath, `${realPath}-wal`, defaultVaultPath(dataDir));

    const demo = await ok<VaultStatus>('vault.openDemo', {});
    expect(demo.path).not.toBe(realPath);
    expect(readPreferences(dataDir).lastVaultPath).toBe(realPath);
    const locked = await ok<VaultStatus>('vault.lock', {});
    expect(locked).toMatchObject({ state: 'locked', path: realPath, exists: true, demo: false });

    expect(readFileSync(join(dataDir, 'preferences.json'), 'utf8')).toBe(preferences);
    expect(fingerprint(realPath, `${realPath}-wal`, defaultVaultPath(dataDir))).toEqual(before);
    // And the real vault opened again is not the demo.
    expect(await ok<VaultStatus>('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ state: 'unlocked', demo: false, path: realPath });
    api.close();
  });

  it('a real vault is never taken for the demo, even one made with the demo passphrase at the demo path', async () => {
    const dataDir = tempDir();
    const { api, ok, failure } = appAt(dataDir);
    // Someone created a real vault exactly where the demo would be: it has no marker.
    await ok('vault.create', { path: demoVaultPath(dataDir), passphrase: DEMO_PASSPHRASE });
    expect((await ok<VaultStatus>('vault.status', {})).demo).toBe(false);
    await ok('vault.lock', {});
    const before = fingerprint(demoVaultPath(dataDir));
    expect((await failure('vault.openDemo', {})).code).toBe('DEMO_UNAVAILABLE');
    expect((await ok<VaultStatus>('vault.status', {})).state).toBe('locked');
    expect(fingerprint(demoVaultPath(dataDir))).toEqual(before);
    api.close();
  });

  it('a file at the demo path the demo passphrase does not open is refused and left alone, and is no failed unlock of the real vault', async () => {
    const dataDir = tempDir();
    const { api, ok, failure } = appAt(dataDir);
    await ok('vault.create', { path: demoVaultPath(dataDir), passphrase: PASSPHRASE });
    await ok('vault.lock', {});
    const before = fingerprint(demoVaultPath(dataDir));
    expect((await failure('vault.openDemo', {})).code).toBe('DEMO_UNAVAILABLE');
    expect(fingerprint(demoVaultPath(dataDir))).toEqual(before);
    // A wrong guess at a vault's passphrase is noted beside that vault (audit/failed-unlocks.ts):
    // the demo's own attempt is no such guess, at neither file.
    expect(existsSync(failedUnlocksPath(demoVaultPath(dataDir)))).toBe(false);
    expect(existsSync(failedUnlocksPath(defaultVaultPath(dataDir)))).toBe(false);
    api.close();
  });

  it('refuses while another vault is open, changing nothing', async () => {
    const dataDir = tempDir();
    const { api, ok, failure } = appAt(dataDir);
    await ok('vault.create', { passphrase: PASSPHRASE });
    expect((await failure('vault.openDemo', {})).code).toBe('VAULT_ALREADY_OPEN');
    expect(existsSync(demoVaultPath(dataDir))).toBe(false);
    expect((await ok<VaultStatus>('vault.status', {})).demo).toBe(false);
    api.close();
  });
});

// The exchange log: who, when, which cases, to which clinics, via keys or a passphrase, and the
// signed manifest's SHA-256; never case content (the stored row holds no client name or reference).
import { describe, expect, it } from 'vitest';
import type { ExchangeLogEntry, ExportResult } from '../../../preload/schemas/exchange';
import { clinic, demoCase, trust } from './clinics';

describe('exchange log', () => {
  it('records each export with its cases and clinics, newest first, and no case content', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    const partnerId = await trust(a, b);
    const caseId = await demoCase(a);
    const { id: otherId } = await a.ok<{ id: string }>('cases.create', { clientName: 'Amal Testdatter', reference: '2026-777' });
    expect(await a.ok('exchange.log', {})).toEqual({ items: [] });

    const before = Date.now();
    const toPartner = await a.ok<ExportResult>('exchange.export', { caseIds: [caseId, otherId], to: { kind: 'partners', partnerIds: [partnerId] } });
    const toPassphrase = await a.ok<ExportResult>('exchange.export', { caseIds: [otherId], to: { kind: 'passphrase', passphrase: 'a passphrase of some length' } });
    expect(toPartner.name).toMatch(/^2 cases \d{4}-\d{2}-\d{2}\.briefcase$/);

    const { items } = await a.ok<{ items: ExchangeLogEntry[] }>('exchange.log', {});
    expect(items.map(({ id: _id, at: _at, ...rest }) => rest)).toEqual([
      { direction: 'export', caseIds: [otherId], clinics: [], via: 'passphrase', manifestSha256: toPassphrase.manifestSha256 },
      { direction: 'export', caseIds: [caseId, otherId], clinics: [{ name: b.identity.profile.name, fingerprint: b.identity.fingerprint }], via: 'keys', manifestSha256: toPartner.manifestSha256 },
    ]);
    for (const item of items) expect(Date.parse(item.at)).toBeGreaterThanOrEqual(before - 1000);

    // The stored rows, as they are in the vault: no client's name, reference or other case content.
    const rows = JSON.stringify(a.api.vault.db.prepare('SELECT * FROM exchange_log').all());
    const file = await a.ok<{ client: { name: string }; details: { reference: string } }>('cases.export', { id: caseId });
    for (const secret of [file.client.name, 'Samir', 'Amal Testdatter', file.details.reference, '2026-777']) expect(rows).not.toContain(secret);
  }, 60_000);

  it('records nothing for an export that failed', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    await a.failure('exchange.export', { caseIds: ['00000000-0000-4000-8000-000000000000'], to: { kind: 'passphrase', passphrase: 'a passphrase of some length' } });
    expect(await a.ok('exchange.log', {})).toEqual({ items: [] });
  });
});

// The retention list (main/core/gdpr/retention.ts, cases.retention): closed cases unchanged for the
// clinic's retention period (settings.retentionYears), oldest first; nothing else, nothing deleted.
import { describe, expect, it } from 'vitest';
import type { RetentionList } from '../../../preload/schemas/security';
import { createApi } from '../../../main/core/api';
import { importCase } from '../../../main/core/cases/exchange';
import { retentionCutoff } from '../../../main/core/gdpr/retention';
import { demoCaseFile } from '../../../scripts/demo';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

/** A fictional case with this reference, status and last change (import stamps both times with `at`). */
function addCase(db: Parameters<typeof importCase>[0], reference: string, status: 'closed' | 'drafting', at: string, clientName: string): string {
  const file = demoCaseFile();
  file.details.reference = reference;
  file.details.status = status;
  file.client.name = clientName;
  file.household = [];
  return importCase(db, file, new Date(at)).id;
}

describe('retention list', () => {
  it('lists closed cases unchanged for longer than the clinic sets, oldest first, and follows the setting', async () => {
    const api = createApi({ dataDir: tempDir(), version: '0.0.0-test', kdfCost: FAST_KDF });
    const { ok } = apiCalls(api);
    await ok('vault.create', { passphrase: PASSPHRASE });
    const db = api.vault.db;
    const now = new Date();
    const yearsAgo = (years: number, days = 0) => new Date(retentionCutoff(now, years).getTime() - days * 86_400_000).toISOString();
    const oldest = addCase(db, '2015-001', 'closed', yearsAgo(10), 'Amal Testdatter');
    const old = addCase(db, '2019-004', 'closed', yearsAgo(6), 'Samir Fiktiv');
    addCase(db, '2018-002', 'drafting', yearsAgo(8), 'Nour Fiktiv'); // open: never listed
    const recent = addCase(db, '2022-003', 'closed', yearsAgo(3), 'Yusuf Fiktiv');
    const justInside = addCase(db, '2021-009', 'closed', yearsAgo(5, -2), 'Lina Fiktiv'); // two days short of 5 years

    const list = await ok<RetentionList>('cases.retention', {});
    expect(list.years).toBe(5); // the default
    expect(list.items.map((i) => i.id)).toEqual([oldest, old]);
    expect(list.items[0]).toMatchObject({ reference: '2015-001', clientName: 'Amal Testdatter' });
    expect(Date.parse(list.cutoff)).toBeLessThanOrEqual(Date.parse(yearsAgo(5, -1)));

    await ok('settings.update', { retentionYears: 2 });
    const shorter = await ok<RetentionList>('cases.retention', {});
    expect(shorter.years).toBe(2);
    expect(shorter.items.map((i) => i.id)).toEqual([oldest, old, justInside, recent]);

    // Listing deletes nothing.
    expect((db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(5);
    api.close();
  });

  it('counts calendar years back from today, 29 February included', () => {
    expect(retentionCutoff(new Date('2026-11-23T12:00:00.000Z'), 5).toISOString()).toBe('2021-11-23T12:00:00.000Z');
    expect(retentionCutoff(new Date('2028-02-29T08:00:00.000Z'), 1).toISOString()).toBe('2027-03-01T08:00:00.000Z');
  });
});

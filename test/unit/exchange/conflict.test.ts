// A case changed on both sides: clinic B (fictional) changes the client's phone, clinic A changes
// it too and sends the case again. The preview shows that one conflict with both values; apply
// refuses until it is answered, then takes theirs or keeps mine as told. Changes made on one side
// only merge without asking. And compareCase itself: keyed list members, no common base.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../preload/contract';
import type { Client } from '../../../preload/schemas/case-file';
import type { ImportOutcome } from '../../../preload/schemas/exchange';
import { compareCase } from '../../../main/core/exchange/compare';
import { demoCaseFile } from '../../../scripts/demo';
import { clinic, exportFile, partnerId, preview, stagingRows, trust, twoCases, type Clinic } from './import-fixtures';

async function editClient(c: Clinic, caseId: string, change: (client: Client) => Client) {
  const record = await c.ok<CaseRecord>('cases.get', { id: caseId });
  await c.ok('cases.update', { id: caseId, revision: record.revisions.client, update: { section: 'client', value: change(record.file.client) } });
}

async function editStatus(c: Clinic, caseId: string, status: string) {
  const record = await c.ok<CaseRecord>('cases.get', { id: caseId });
  await c.ok('cases.update', { id: caseId, revision: record.revisions.details, update: { section: 'details', value: { ...record.file.details, status } } });
}

const phone = (phoneNumber: string) => (client: Client) => ({ ...client, contact: { ...client.contact, phone: phoneNumber } });

async function pair() {
  const a = await clinic('Fiktiv Retshjælp Nord');
  const b = await clinic('Example Law Clinic South');
  await trust(a, b);
  await trust(b, a);
  const { second } = await twoCases(a);
  const to = { partnerIds: [await partnerId(a, b)] };
  await b.ok('exchange.apply', { importId: (await preview(b, await exportFile(a, [second], to))).importId });
  return { a, b, caseId: second, send: async () => preview(b, await exportFile(a, [second], to)) };
}

describe('a case changed on both sides', () => {
  it('shows the one conflict field by field and applies take-theirs, then keep-mine', async () => {
    const { a, b, caseId, send } = await pair();
    const original = (await b.ok<CaseRecord>('cases.get', { id: caseId })).file.client.contact.phone;

    await editClient(b, caseId, phone('+45 22 22 22 22'));
    await editClient(a, caseId, phone('+45 33 33 33 33'));
    const seen = await send();
    expect(seen.cases).toHaveLength(1);
    expect(seen.cases[0]).toMatchObject({ caseId, action: 'conflict' });
    expect(seen.cases[0]!.conflicts).toEqual([{ path: 'client.contact.phone', mine: '+45 22 22 22 22', theirs: '+45 33 33 33 33' }]);
    expect(original).not.toBe('+45 22 22 22 22');

    // Unanswered: refused, naming the path; nothing written, the preview still there.
    const refused = await b.failure('exchange.apply', { importId: seen.importId });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.issues?.map((i) => i.path)).toEqual([`resolutions.${caseId}.client.contact.phone`]);
    expect((await b.ok<CaseRecord>('cases.get', { id: caseId })).file.client.contact.phone).toBe('+45 22 22 22 22');

    const before = await b.ok<CaseRecord>('cases.get', { id: caseId });
    const outcome = await b.ok<ImportOutcome>('exchange.apply', {
      importId: seen.importId,
      resolutions: [{ caseId, path: 'client.contact.phone', take: 'theirs' }],
    });
    expect(outcome.cases).toEqual([{ caseId, action: 'updated' }]);
    const after = await b.ok<CaseRecord>('cases.get', { id: caseId });
    expect(after.file.client.contact.phone).toBe('+45 33 33 33 33');
    expect(after.revisions.client).toBe(before.revisions.client + 1);
    expect(after.revisions.details).toBe(before.revisions.details);
    expect(stagingRows(b.api)).toEqual({ imports: 0, staging: 0 });

    // Again, both sides; this time B keeps its own value.
    await editClient(b, caseId, phone('+45 44 44 44 44'));
    await editClient(a, caseId, phone('+45 55 55 55 55'));
    const again = await send();
    expect(again.cases[0]!.conflicts).toEqual([{ path: 'client.contact.phone', mine: '+45 44 44 44 44', theirs: '+45 55 55 55 55' }]);
    const kept = await b.ok<ImportOutcome>('exchange.apply', { importId: again.importId, resolutions: [{ caseId, path: 'client.contact.phone', take: 'mine' }] });
    expect(kept.cases).toEqual([{ caseId, action: 'unchanged' }]);
    expect((await b.ok<CaseRecord>('cases.get', { id: caseId })).file.client.contact.phone).toBe('+45 44 44 44 44');

    // A sends once more without changing the phone: no conflict, B's phone stays.
    const quiet = await send();
    expect(quiet.cases[0]!.action).toBe('same');
    a.api.close();
    b.api.close();
  }, 60_000);

  it('merges changes made on one side only without asking', async () => {
    const { a, b, caseId, send } = await pair();
    await editStatus(a, caseId, 'submitted');
    await editClient(b, caseId, phone('+45 66 66 66 66'));
    const seen = await send();
    expect(seen.cases[0]).toMatchObject({ action: 'update', conflicts: [] });
    await b.ok('exchange.apply', { importId: seen.importId });
    const merged = await b.ok<CaseRecord>('cases.get', { id: caseId });
    expect(merged.file.details.status).toBe('submitted');
    expect(merged.file.client.contact.phone).toBe('+45 66 66 66 66');
    a.api.close();
    b.api.close();
  }, 60_000);
});

describe('compareCase', () => {
  const file = () => {
    const f = demoCaseFile() as unknown as Parameters<typeof compareCase>[1];
    return JSON.parse(JSON.stringify(f)) as typeof f;
  };

  it('names list members by their id and treats one side’s new member as its change', () => {
    const base = file();
    const mine = file();
    const theirs = file();
    const member = base.household[1]!;
    mine.household[1] = { ...member, status: 'mine' };
    theirs.household[1] = { ...member, status: 'theirs' };
    theirs.household.push({ ...member, id: '0d3e5f00-2026-4200-8000-000000000099', name: 'New Member' });
    const result = compareCase(base, mine, theirs);
    expect(result.conflicts).toEqual([{ path: `household.${member.id}.status`, mine: 'mine', theirs: 'theirs' }]);
    expect(result.merged.household.map((m) => m.name)).toContain('New Member');
    const resolved = compareCase(base, mine, theirs, () => 'theirs');
    expect(resolved.conflicts).toEqual([]);
    expect(resolved.merged.household.find((m) => m.id === member.id)!.status).toBe('theirs');
  });

  it('without a common base, every difference is a conflict', () => {
    const mine = file();
    const theirs = file();
    theirs.client.contact.phone = '+45 77 77 77 77';
    theirs.details.status = 'closed';
    const result = compareCase(null, mine, theirs);
    expect(result.conflicts.map((c) => c.path).sort()).toEqual(['client.contact.phone', 'details.status']);
    expect(compareCase(mine, mine, theirs).conflicts).toEqual([]);
    expect(compareCase(mine, mine, theirs).changed).toBe(true);
  });
});

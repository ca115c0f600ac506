// Autosave of one section: revisions, conflicts, the checks against reference data, the columns
// kept in step, and all-or-nothing writes.
import { describe, expect, it } from 'vitest';
import { CaseDetails, Client } from '../../../preload/contract';
import { createCase, getCase, getCaseSummary, listCases } from '../../../main/core/cases/service';
import { updateSection } from '../../../main/core/cases/update';
import { openVault } from './fixtures';

const UUID = (n: number) => `3f0c8f57-2f3e-4b8e-9a51-6f1d2c3b4a${String(n).padStart(2, '0')}`;

describe('cases.update', () => {
  it('saves a section, bumps only its revision, keeps the list columns in step', async () => {
    const vault = await openVault();
    const c = createCase(vault.db, { reference: 'BC-1', clientName: 'Testa Fictiva' }, new Date('2026-01-01T10:00:00Z'));
    const now = new Date('2026-01-02T10:00:00Z');
    const client = Client.parse({ name: 'Amal Testdatter', nameOriginal: 'أمل تستداتر', birthDate: '1979' });
    const saved = updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'client', value: client } }, { now });
    expect(saved).toEqual({ revisions: { details: 0, client: 1, household: 0, timeline: 0, deadlines: 0, risks: 0 }, updatedAt: now.toISOString() });
    expect(getCase(vault.db, c.id).file.client).toEqual(client);
    expect(getCaseSummary(vault.db, c.id)).toMatchObject({ clientName: 'Amal Testdatter', updatedAt: now.toISOString() });

    const details = CaseDetails.parse({ reference: 'BC-1-NEW', status: 'drafting', protectionBasis: 'dk-7-3' });
    updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'details', value: details } });
    expect(listCases(vault.db, { limit: 10, offset: 0 }).items[0]).toMatchObject({ reference: 'BC-1-NEW', status: 'drafting' });
    vault.lock();
  });

  it('a stale revision is an EDIT_CONFLICT and writes nothing', async () => {
    const vault = await openVault();
    const c = createCase(vault.db, { reference: 'BC-1', clientName: 'Testa Fictiva' });
    updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'client', value: Client.parse({ name: 'Window One' }) } });
    expect(() =>
      updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'client', value: Client.parse({ name: 'Window Two' }) } }),
    ).toThrow('EDIT_CONFLICT');
    const record = getCase(vault.db, c.id);
    expect(record.file.client.name).toBe('Window One');
    expect(record.revisions.client).toBe(1);
    // Another section is independent: its own revision 0 still saves.
    expect(updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'timeline', value: [] } }).revisions.timeline).toBe(1);
    expect(() => updateSection(vault.db, { id: UUID(99), revision: 0, update: { section: 'timeline', value: [] } })).toThrow('NOT_FOUND');
    vault.lock();
  });

  it('checks ids against the reference data and the vault, at update.value paths', async () => {
    const vault = await openVault();
    const c = createCase(vault.db, { reference: 'BC-1', clientName: 'Testa Fictiva' });
    const details = CaseDetails.parse({ reference: 'BC-1', protectionBasis: 'dk-9-9', origin: { country: 'SY', region: 'atlantis' } });
    const fail = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error as { code: string; issues: { path: string; message: string }[] };
      }
      throw new Error('did not fail');
    };
    const badDetails = fail(() => updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'details', value: details } }));
    expect(badDetails.code).toBe('INVALID_INPUT');
    expect(badDetails.issues).toEqual([
      { path: 'update.value.protectionBasis', message: 'validation.invalidValue' },
      { path: 'update.value.origin.region', message: 'validation.invalidValue' },
    ]);

    const badRisks = fail(() =>
      updateSection(vault.db, {
        id: c.id,
        revision: 0,
        update: {
          section: 'risks',
          value: [
            { factorId: 'draft-evasion', state: 'present', fields: { age: 200, callUpReceived: 'yes', colour: 'red', serviceDone: null }, clientFacts: '', lawyerSummary: '', sources: [{ kind: 'timeline', id: UUID(1) }] },
            { factorId: 'no-such-factor', state: 'absent', fields: {}, clientFacts: '', lawyerSummary: '', sources: [] },
          ],
        },
      }),
    );
    expect(badRisks.issues).toEqual([
      { path: 'update.value.0.fields.age', message: 'validation.invalidValue' },
      { path: 'update.value.0.fields.callUpReceived', message: 'validation.invalidType' },
      { path: 'update.value.0.fields.colour', message: 'validation.unknownField' },
      { path: 'update.value.1.factorId', message: 'validation.invalidValue' },
      { path: 'update.value.0.sources.0.id', message: 'validation.unknownSource' },
    ]);

    const member = { id: UUID(2), name: 'Sara Testdatter', nameOriginal: null, relationship: 'child' as const, birthDate: null, whereabouts: 'denmark' as const, status: null, notes: '' };
    const other = createCase(vault.db, { reference: 'BC-2', clientName: 'Sara Testdatter' });
    expect(fail(() => updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'household', value: [{ ...member, linkedCaseId: UUID(98) }] } })).issues).toEqual([
      { path: 'update.value.0.linkedCaseId', message: 'validation.invalidValue' },
    ]);
    expect(fail(() => updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'household', value: [{ ...member, linkedCaseId: c.id }] } })).code).toBe('INVALID_INPUT');
    updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'household', value: [{ ...member, linkedCaseId: other.id }] } });
    expect(getCase(vault.db, c.id).file.household[0]?.linkedCaseId).toBe(other.id);
    expect(getCase(vault.db, c.id).revisions).toMatchObject({ details: 0, risks: 0, household: 1 });
    vault.lock();
  });

  it('a reference another case has (any letter case) is DUPLICATE_REFERENCE at its path', async () => {
    const vault = await openVault();
    createCase(vault.db, { reference: 'BC-1', clientName: 'A' });
    const c = createCase(vault.db, { reference: 'BC-2', clientName: 'B' });
    expect(() => updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'details', value: CaseDetails.parse({ reference: 'bc-1' }) } })).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_REFERENCE', issues: [{ path: 'update.value.reference', message: 'validation.duplicateReference' }] }),
    );
    // Its own reference in another letter case is fine.
    updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'details', value: CaseDetails.parse({ reference: 'bc-2' }) } });
    expect(getCaseSummary(vault.db, c.id).reference).toBe('bc-2');
    vault.lock();
  });

  it('deadlines are rows: saved in order, the next one shown in the list', async () => {
    const vault = await openVault();
    const c = createCase(vault.db, { reference: 'BC-1', clientName: 'Testa Fictiva' });
    const deadlines = [
      { id: UUID(1), kind: 'brief', dueOn: '2026-12-10', done: false, note: 'With annexes' },
      { id: UUID(2), kind: 'hearing', dueOn: '2026-12-01', done: true, note: null },
      { id: UUID(3), kind: 'Clinic meeting', dueOn: '2026-12-05', done: false, note: null },
    ];
    updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'deadlines', value: deadlines } });
    expect(getCase(vault.db, c.id).file.deadlines).toEqual(deadlines);
    expect(getCaseSummary(vault.db, c.id).nextDeadline).toEqual({ kind: 'Clinic meeting', dueOn: '2026-12-05' });
    updateSection(vault.db, { id: c.id, revision: 1, update: { section: 'deadlines', value: [] } });
    expect(getCaseSummary(vault.db, c.id).nextDeadline).toBeNull();
    vault.lock();
  });

  it('a failing write stores nothing: not the section, not its revision, not the list columns', async () => {
    const vault = await openVault();
    const c = createCase(vault.db, { reference: 'BC-1', clientName: 'Testa Fictiva' }, new Date('2026-01-01T10:00:00Z'));
    const first = [{ id: UUID(1), kind: 'brief', dueOn: '2026-12-10', done: false, note: null }];
    updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'deadlines', value: first } }, { now: new Date('2026-01-02T10:00:00Z') });
    const before = getCase(vault.db, c.id);
    // The disk fails half-way: the second deadline's insert aborts after the old rows were deleted.
    vault.db.exec("CREATE TEMP TRIGGER fail_boom BEFORE INSERT ON deadlines WHEN NEW.kind = 'boom' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const next = [first[0]!, { id: UUID(2), kind: 'boom', dueOn: '2026-12-11', done: false, note: null }];
    expect(() => updateSection(vault.db, { id: c.id, revision: 1, update: { section: 'deadlines', value: next } })).toThrow('disk full');
    expect(getCase(vault.db, c.id)).toEqual(before);

    vault.db.exec("CREATE TEMP TRIGGER fail_touch BEFORE UPDATE OF updated_at ON cases BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() =>
      updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'client', value: Client.parse({ name: 'Changed Name' }) } }),
    ).toThrow('disk full');
    expect(getCase(vault.db, c.id)).toEqual(before);
    expect(getCaseSummary(vault.db, c.id).clientName).toBe('Testa Fictiva');
    vault.lock();
  });
});

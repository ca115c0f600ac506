// Case files: the documented example imports and comes back unchanged; every problem in a bad
// file is reported with its JSON path; nothing is stored unless the whole file is good.
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../../preload/contract';
import { exportCase, importCase } from '../../../main/core/cases/exchange';
import { createCase, getCase, listCases } from '../../../main/core/cases/service';
import { exampleFile, openVault, withoutGenerated } from './fixtures';

function importFails(run: () => unknown): { code: string; issues: { path: string; message: string }[] } {
  try {
    run();
  } catch (error) {
    return error as { code: string; issues: { path: string; message: string }[] };
  }
  throw new Error('import did not fail');
}

describe('case import and export', () => {
  it('round-trips the documented example: export equals the file apart from id and timestamps', async () => {
    const vault = await openVault();
    const file = exampleFile();
    const now = new Date('2026-02-03T04:05:06.000Z');
    const { id } = importCase(vault.db, file, now);
    const exported = exportCase(vault.db, id);
    expect(CaseFile.parse(exported)).toEqual(exported);
    expect(withoutGenerated(exported)).toEqual(file);
    expect(exported).toMatchObject({ id, createdAt: now.toISOString(), updatedAt: now.toISOString() });
    // The list and the dashboard see it.
    expect(listCases(vault.db, { query: 'testdatter', limit: 10, offset: 0 }).items).toMatchObject([
      { id, reference: 'EX-2026-001', clientName: 'Amal Testdatter', status: 'drafting', nextDeadline: { kind: 'brief', dueOn: '2026-05-01' } },
    ]);
    expect(getCase(vault.db, id).revisions).toEqual({ details: 0, client: 0, household: 0, timeline: 0, deadlines: 0, risks: 0 });
    vault.lock();
  });

  it('ignores the id and timestamps in the file; exported files re-import as new cases with their inner ids', async () => {
    const vault = await openVault();
    const first = importCase(vault.db, exampleFile());
    const exported = exportCase(vault.db, first.id);
    const again = importCase(vault.db, { ...exported, details: { ...exported.details, reference: 'EX-2026-002' } });
    expect(again.id).not.toBe(first.id);
    const second = exportCase(vault.db, again.id);
    expect(second.deadlines).toEqual(exported.deadlines);
    expect(second.createdAt).not.toBe('1999');
    vault.lock();
  });

  it('fills defaults and normalises: a minimal hand-written file', async () => {
    const vault = await openVault();
    const { id } = importCase(vault.db, { format: 'briefcase-case', version: 1, details: { reference: ' MIN-1 ' }, client: { name: 'Testa Fictiva', cpr: '0101791234' } });
    const exported = exportCase(vault.db, id);
    expect(exported.details.reference).toBe('MIN-1');
    expect(exported.client.cpr).toBe('010179-1234');
    expect(exported.household).toEqual([]);
    vault.lock();
  });

  it('reports every problem with its JSON path and stores nothing', async () => {
    const vault = await openVault();
    const file = exampleFile();
    const details = file.details as { dates: Record<string, unknown>; protectionBasis: unknown; origin: Record<string, unknown> };
    details.dates.decision = '2015-01'; // before the permit was granted
    details.protectionBasis = 'dk-7-9';
    details.origin.region = 'atlantis';
    (file.client as Record<string, unknown>).cpr = '320179-1234';
    (file.household as Record<string, unknown>[])[0]!.linkedCaseId = '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
    file.risks[0]!.factorId = 'no-such-factor';
    file.risks[2]!.fields = { singleWoman: 'yes', shoeSize: 42 };
    (file.deadlines as Record<string, unknown>[])[1]!.dueOn = '2026-02-30';
    file.attachments = [{ id: '0e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4c', name: 'decision.pdf', mediaType: 'application/pdf', size: 1, sha256: 'a'.repeat(64), documentDate: null, description: null, addedAt: '2026-01-01T00:00:00.000Z' }];
    const error = importFails(() => importCase(vault.db, file));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'details.dates.decision', message: 'validation.decisionBeforePermit' },
        { path: 'client.cpr', message: 'validation.cpr' },
        { path: 'deadlines.1.dueOn', message: 'validation.fullDate' },
        // Checked on the sections that are valid by themselves, even though the file as a whole is not.
        { path: 'household.0.linkedCaseId', message: 'validation.invalidValue' },
        { path: 'risks.0.factorId', message: 'validation.invalidValue' },
        { path: 'risks.2.fields.singleWoman', message: 'validation.invalidType' },
        { path: 'risks.2.fields.shoeSize', message: 'validation.unknownField' },
        { path: 'attachments.0', message: 'validation.invalidValue' },
      ]),
    );
    expect(listCases(vault.db, { limit: 10, offset: 0 }).total).toBe(0);
    vault.lock();
  });

  it('reference-data problems alone (schema-valid file) are all reported too', async () => {
    const vault = await openVault();
    const file = exampleFile();
    (file.details as Record<string, unknown>).protectionBasis = 'dk-7-9';
    (file.details as Record<string, unknown>).jurisdiction = 'dk';
    file.risks[0]!.fields = { relative: 5 };
    file.risks[1]!.fields = { exitDate: '2015-13' };
    expect(importFails(() => importCase(vault.db, file)).issues).toEqual([
      { path: 'details.protectionBasis', message: 'validation.invalidValue' },
      { path: 'risks.0.fields.relative', message: 'validation.invalidType' },
      { path: 'risks.1.fields.exitDate', message: 'validation.partialDate' },
    ]);
    const unknownJurisdiction = exampleFile();
    (unknownJurisdiction.details as Record<string, unknown>).jurisdiction = 'zz';
    expect(importFails(() => importCase(vault.db, unknownJurisdiction)).issues).toEqual([{ path: 'details.jurisdiction', message: 'validation.invalidValue' }]);
    vault.lock();
  });

  it('a reference in use is DUPLICATE_REFERENCE at details.reference', async () => {
    const vault = await openVault();
    createCase(vault.db, { reference: 'ex-2026-001', clientName: 'Testa Fictiva' });
    const error = importFails(() => importCase(vault.db, exampleFile()));
    expect(error).toMatchObject({ code: 'DUPLICATE_REFERENCE', issues: [{ path: 'details.reference', message: 'validation.duplicateReference' }] });
    expect(listCases(vault.db, { limit: 10, offset: 0 }).total).toBe(1);
    vault.lock();
  });

  it('not a case file at all: reported at the top level', async () => {
    const vault = await openVault();
    for (const raw of [null, 'text', [], { format: 'something-else' }]) {
      const error = importFails(() => importCase(vault.db, raw));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues.length).toBeGreaterThan(0);
    }
    vault.lock();
  });

  it('a write that fails half-way stores nothing', async () => {
    const vault = await openVault();
    vault.db.exec("CREATE TEMP TRIGGER fail_risks BEFORE INSERT ON case_sections WHEN NEW.section = 'risks' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => importCase(vault.db, exampleFile())).toThrow('disk full');
    expect(listCases(vault.db, { limit: 10, offset: 0 }).total).toBe(0);
    expect(vault.db.prepare('SELECT (SELECT count(*) FROM case_sections) + (SELECT count(*) FROM deadlines) AS n').get()).toEqual({ n: 0 });
    vault.lock();
  });
});

import { describe, expect, it } from 'vitest';
import { CaseRecord } from '../../../preload/contract';
import { createCase, getCase, getCaseSummary, listCases, nextReference } from '../../../main/core/cases/service';
import { updateSection } from '../../../main/core/cases/update';
import { foldForSearch } from '../../../main/core/text';
import { Vault } from '../../../main/core/vault/vault';
import { join } from 'node:path';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

async function openVault() {
  const vault = new Vault({ kdfCost: FAST_KDF });
  await vault.create(join(tempDir(), 'v.vault'), PASSPHRASE);
  return vault;
}

describe('cases', () => {
  it('creates a case in intake with timestamps and reads it back', async () => {
    const vault = await openVault();
    const now = new Date('2026-03-01T09:00:00Z');
    const created = createCase(vault.db, { reference: 'BC-2026-001', clientName: 'Testa Fictiva' }, now);
    expect(created).toMatchObject({ reference: 'BC-2026-001', clientName: 'Testa Fictiva', status: 'intake', nextDeadline: null });
    expect(created.createdAt).toBe(now.toISOString());
    expect(getCaseSummary(vault.db, created.id)).toEqual(created);
    vault.lock();
  });

  it('refuses a reference already used, whatever its case, and stores nothing', async () => {
    const vault = await openVault();
    createCase(vault.db, { reference: 'BC-1', clientName: 'A' });
    expect(() => createCase(vault.db, { reference: 'bc-1', clientName: 'B' })).toThrow('DUPLICATE_REFERENCE');
    expect(listCases(vault.db, { limit: 10, offset: 0 }).total).toBe(1);
    vault.lock();
  });

  it('keeps Arabic script exactly', async () => {
    const vault = await openVault();
    const created = createCase(vault.db, { reference: 'BC-AR', clientName: 'أمل اختبار' });
    expect(getCaseSummary(vault.db, created.id).clientName).toBe('أمل اختبار');
    vault.lock();
  });

  it('searches reference and client name, ignoring case and diacritics', async () => {
    const vault = await openVault();
    createCase(vault.db, { reference: 'BC-1', clientName: 'Søren Testesen' });
    createCase(vault.db, { reference: 'BC-2', clientName: 'Hélène Fictive' });
    createCase(vault.db, { reference: 'KBH-77', clientName: 'Amal Testdatter' });
    const names = (query: string) => listCases(vault.db, { query, limit: 10, offset: 0 }).items.map((c) => c.clientName).sort();
    expect(names('soren')).toEqual(['Søren Testesen']);
    expect(names('HELENE')).toEqual(['Hélène Fictive']);
    expect(names('kbh')).toEqual(['Amal Testdatter']);
    expect(names('bc-')).toEqual(['Hélène Fictive', 'Søren Testesen']);
    expect(names('%')).toEqual([]); // LIKE wildcards are literal
    vault.lock();
  });

  it('pages the list and counts the total', async () => {
    const vault = await openVault();
    for (let i = 0; i < 25; i++) createCase(vault.db, { reference: `BC-${i}`, clientName: `Client ${i}` });
    const page = listCases(vault.db, { limit: 10, offset: 20 });
    expect(page.total).toBe(25);
    expect(page.items).toHaveLength(5);
    vault.lock();
  });

  it('shows the earliest open deadline as the next one', async () => {
    const vault = await openVault();
    const c = createCase(vault.db, { reference: 'BC-1', clientName: 'Testa Fictiva' });
    const add = vault.db.prepare('INSERT INTO deadlines (id, case_id, kind, due_on, done) VALUES (?, ?, ?, ?, ?)');
    add.run('d1', c.id, 'brief', '2026-12-10', 0);
    add.run('d2', c.id, 'hearing', '2026-12-01', 1); // done: not next
    add.run('d3', c.id, 'appeal', '2026-12-05', 0);
    expect(getCaseSummary(vault.db, c.id).nextDeadline).toEqual({ kind: 'appeal', dueOn: '2026-12-05' });
    expect(listCases(vault.db, { limit: 1, offset: 0 }).items[0]?.nextDeadline).toEqual({ kind: 'appeal', dueOn: '2026-12-05' });
    vault.lock();
  });

  it('folds Danish and accented letters', () => {
    expect(foldForSearch('ÆRØ Åse Müller Ğül')).toBe('aero ase muller gul');
  });
});

describe('case records and references', () => {
  it('a new case has every section at revision 0 and the client named', async () => {
    const vault = await openVault();
    const c = createCase(vault.db, { reference: 'BC-9', clientName: 'Testa Fictiva' });
    const record = getCase(vault.db, c.id);
    expect(CaseRecord.parse(record)).toEqual(record);
    expect(record.revisions).toEqual({ details: 0, client: 0, household: 0, timeline: 0, deadlines: 0, risks: 0 });
    expect(record.file.client.name).toBe('Testa Fictiva');
    expect(record.file.details).toMatchObject({ reference: 'BC-9', status: 'intake', jurisdiction: 'dk' });
    vault.lock();
  });

  it('generates YYYY-NNN references: the next free number of the year', async () => {
    const vault = await openVault();
    const at = new Date(2026, 4, 1, 12);
    expect(createCase(vault.db, { clientName: 'A' }, at).reference).toBe('2026-001');
    expect(createCase(vault.db, { clientName: 'B' }, at).reference).toBe('2026-002');
    createCase(vault.db, { reference: '2026-041', clientName: 'C' }, at);
    createCase(vault.db, { reference: '2026-x', clientName: 'D' }, at);
    expect(createCase(vault.db, { clientName: 'E' }, at).reference).toBe('2026-042');
    expect(nextReference(vault.db, new Date(2027, 0, 1, 12))).toBe('2027-001');
    vault.lock();
  });

  it('finds a case by the client name in the original script', async () => {
    const vault = await openVault();
    const c = createCase(vault.db, { reference: 'BC-1', clientName: 'Amal Testdatter' });
    const record = getCase(vault.db, c.id);
    updateSection(vault.db, { id: c.id, revision: 0, update: { section: 'client', value: { ...record.file.client, nameOriginal: 'أمل' } } });
    expect(listCases(vault.db, { query: 'أمل', limit: 10, offset: 0 }).items.map((i) => i.id)).toEqual([c.id]);
    vault.lock();
  });
});

// The deadline dashboard across all cases: what is overdue, what is due within N days.
import { describe, expect, it } from 'vitest';
import { createCase } from '../../../main/core/cases/service';
import { updateSection } from '../../../main/core/cases/update';
import { addDays, dashboard } from '../../../main/core/deadlines/service';
import { openVault } from './fixtures';

const UUID = (n: number) => `9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c${String(n).padStart(2, '0')}`;
const deadline = (n: number, dueOn: string, done = false) => ({ id: UUID(n), kind: `kind-${n}`, dueOn, done, note: n === 1 ? 'Note' : null });

describe('deadlines.dashboard', () => {
  it('splits open deadlines of every case into overdue and the next N days, soonest first', async () => {
    const vault = await openVault();
    const a = createCase(vault.db, { reference: 'A-1', clientName: 'Testa Fictiva' });
    const b = createCase(vault.db, { reference: 'B-1', clientName: 'Amal Testdatter' });
    const today = '2026-03-10';
    updateSection(vault.db, {
      id: a.id,
      revision: 0,
      update: {
        section: 'deadlines',
        value: [deadline(1, '2026-03-09'), deadline(2, '2026-03-10'), deadline(3, '2026-03-24'), deadline(4, '2026-03-25'), deadline(5, '2026-03-01', true)],
      },
    });
    updateSection(vault.db, { id: b.id, revision: 0, update: { section: 'deadlines', value: [deadline(6, '2025-12-31'), deadline(7, '2026-03-12')] } });

    const result = dashboard(vault.db, { today, days: 14 });
    expect(result.overdue.map((d) => [d.reference, d.dueOn])).toEqual([
      ['B-1', '2025-12-31'],
      ['A-1', '2026-03-09'],
    ]);
    expect(result.upcoming.map((d) => [d.reference, d.dueOn])).toEqual([
      ['A-1', '2026-03-10'], // due today: upcoming, not overdue
      ['B-1', '2026-03-12'],
      ['A-1', '2026-03-24'], // today + 14: the last day of the window
    ]);
    expect(result.overdue[1]).toEqual({ caseId: a.id, reference: 'A-1', clientName: 'Testa Fictiva', id: UUID(1), kind: 'kind-1', dueOn: '2026-03-09', note: 'Note' });

    expect(dashboard(vault.db, { today, days: 1 }).upcoming.map((d) => d.dueOn)).toEqual(['2026-03-10']);
    expect(dashboard(vault.db, { today, days: 15 }).upcoming.map((d) => d.dueOn)).toContain('2026-03-25');
    vault.lock();
  });

  it('adds calendar days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
});

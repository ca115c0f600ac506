// Deadlines: the rows behind a case's 'deadlines' section, and the dashboard across all cases.
import type { DashboardDeadline } from '../../../preload/contract';
import type { Deadline } from '../../../preload/schemas/case-file';
import type { Db } from '../vault/sqlite';
import * as repo from './repository';

export function readDeadlines(db: Db, caseId: string): Deadline[] {
  return repo.deadlinesOf(db, caseId).map((row) => ({ id: row.id, kind: row.kind, dueOn: row.due_on, done: row.done === 1, note: row.note }));
}

/** Replace a case's deadlines with `deadlines`, in their order. Call inside the caller's transaction. */
export function writeDeadlines(db: Db, caseId: string, deadlines: Deadline[]): void {
  repo.replaceDeadlines(
    db,
    caseId,
    deadlines.map((d) => ({ id: d.id, kind: d.kind, due_on: d.dueOn, done: d.done ? 1 : 0, note: d.note })),
  );
}

/** Today as the person at the desk sees it: the local calendar date, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Open (not done) deadlines across all cases: overdue = due before today; upcoming = due from
 * today up to and including today + `days`. Soonest first in both lists.
 */
export function dashboard(
  db: Db,
  input: { today?: string | undefined; days: number },
): { overdue: DashboardDeadline[]; upcoming: DashboardDeadline[] } {
  const today = input.today ?? localToday();
  const rows = repo.openDeadlinesUntil(db, addDays(today, input.days));
  const overdue: DashboardDeadline[] = [];
  const upcoming: DashboardDeadline[] = [];
  for (const row of rows) {
    const item = {
      caseId: row.case_id,
      reference: row.reference,
      clientName: row.client_name,
      id: row.id,
      kind: row.kind,
      dueOn: row.due_on,
      note: row.note,
    };
    (row.due_on < today ? overdue : upcoming).push(item);
  }
  return { overdue, upcoming };
}

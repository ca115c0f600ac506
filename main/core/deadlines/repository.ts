// SQL for deadlines: rows per case, in the order the case file gives them, and the dashboard query
// across all cases.
import type { Db } from '../vault/sqlite';

export interface DeadlineRow {
  id: string;
  kind: string;
  due_on: string;
  done: 0 | 1;
  note: string | null;
}

export function deadlinesOf(db: Db, caseId: string): DeadlineRow[] {
  return db
    .prepare('SELECT id, kind, due_on, done, note FROM deadlines WHERE case_id = ? ORDER BY position, id')
    .all(caseId) as DeadlineRow[];
}

/** Replace all of a case's deadlines (the section is saved whole); call inside a transaction. */
export function replaceDeadlines(db: Db, caseId: string, rows: DeadlineRow[]): void {
  db.prepare('DELETE FROM deadlines WHERE case_id = ?').run(caseId);
  const insert = db.prepare(
    `INSERT INTO deadlines (case_id, id, position, kind, due_on, done, note)
     VALUES (@case_id, @id, @position, @kind, @due_on, @done, @note)`,
  );
  rows.forEach((row, position) => insert.run({ ...row, case_id: caseId, position }));
}

export interface DashboardRow {
  case_id: string;
  reference: string;
  client_name: string;
  id: string;
  kind: string;
  due_on: string;
  note: string | null;
}

/** Every open deadline due on or before `until`, across all cases, soonest first. One query. */
export function openDeadlinesUntil(db: Db, until: string): DashboardRow[] {
  return db
    .prepare(
      `SELECT d.case_id, c.reference, c.client_name, d.id, d.kind, d.due_on, d.note
       FROM deadlines d JOIN cases c ON c.id = d.case_id
       WHERE d.done = 0 AND d.due_on <= ?
       ORDER BY d.due_on, c.reference, d.position`,
    )
    .all(until) as DashboardRow[];
}

// "Recently opened": cases.get records the case it returns, cases.recent lists them newest first.
// Kept in the vault (migration 013) because which cases a person opened is client data. Only the
// last RECENT_CASES_KEPT are kept, so the table never grows into a usage history.
import { RECENT_CASES_KEPT, type CaseSummary } from '../../../preload/contract';
import type { Db } from '../vault/sqlite';
import { getCaseSummary } from './service';

export function recordOpened(db: Db, caseId: string, now = new Date()): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO recent_cases (case_id, opened_at) VALUES (?, ?)
       ON CONFLICT (case_id) DO UPDATE SET opened_at = excluded.opened_at`,
    ).run(caseId, now.toISOString());
    db.prepare(
      `DELETE FROM recent_cases WHERE case_id NOT IN (
         SELECT case_id FROM recent_cases ORDER BY opened_at DESC, case_id LIMIT ?)`,
    ).run(RECENT_CASES_KEPT);
  })();
}

export function listRecent(db: Db, limit: number): { items: CaseSummary[] } {
  const ids = db
    .prepare('SELECT case_id FROM recent_cases ORDER BY opened_at DESC, case_id LIMIT ?')
    .pluck()
    .all(limit) as string[];
  return {
    items: ids.map((id) => {
      const { reference, clientName, status, nextDeadline, updatedAt } = getCaseSummary(db, id);
      return { id, reference, clientName, status, nextDeadline, updatedAt };
    }),
  };
}

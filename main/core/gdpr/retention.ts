// Retention: the closed cases nobody has changed for the clinic's retention period
// (ClinicSettings.retentionYears), oldest first, for a person to review and erase. Nothing is
// deleted here: erasure is always a person's confirmed decision (erase.ts).
import type { RetentionList } from '../../../preload/schemas/security';
import { getSettings } from '../settings/service';
import type { Db } from '../vault/sqlite';

/** The moment `years` calendar years before `now` (29 February falls back to 1 March). */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

export function listRetention(db: Db, now = new Date()): RetentionList {
  const years = getSettings(db).retentionYears;
  const cutoff = retentionCutoff(now, years).toISOString();
  // updated_at is an ISO-8601 UTC string written by the services, so text order is time order.
  const rows = db
    .prepare(
      `SELECT id, reference, client_name, updated_at FROM cases
       WHERE status = 'closed' AND updated_at < ? ORDER BY updated_at, reference`,
    )
    .all(cutoff) as { id: string; reference: string; client_name: string; updated_at: string }[];
  return {
    years,
    cutoff,
    items: rows.map((row) => ({ id: row.id, reference: row.reference, clientName: row.client_name, updatedAt: row.updated_at })),
  };
}

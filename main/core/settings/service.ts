// The clinic's security settings (migration 010, one row): read whole, changed field by field.
import { ClinicSettings } from '../../../preload/schemas/security';
import type { Db } from '../vault/sqlite';

interface Row {
  idle_minutes: number;
  keep_daily: number;
  keep_weekly: number;
  retention_years: number;
}

export function getSettings(db: Db): ClinicSettings {
  const row = db.prepare('SELECT idle_minutes, keep_daily, keep_weekly, retention_years FROM clinic_settings WHERE id = 1').get() as Row;
  return { idleMinutes: row.idle_minutes, keepDaily: row.keep_daily, keepWeekly: row.keep_weekly, retentionYears: row.retention_years };
}

export function updateSettings(db: Db, change: Partial<ClinicSettings>): ClinicSettings {
  // Validated whole, so a change can never store a combination the schema would refuse.
  const next = ClinicSettings.parse({ ...getSettings(db), ...change });
  db.prepare('UPDATE clinic_settings SET idle_minutes = ?, keep_daily = ?, keep_weekly = ?, retention_years = ? WHERE id = 1').run(
    next.idleMinutes,
    next.keepDaily,
    next.keepWeekly,
    next.retentionYears,
  );
  return next;
}

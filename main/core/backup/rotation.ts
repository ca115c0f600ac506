// Which backups rotation removes. A pure rule, so its promises are checked with fast-check
// (test/unit/backup/rotation.test.ts): the newest is never removed, applying it twice removes
// nothing more, and it keeps no more than the settings allow.
//
// Kept:
// - the newest backup of each of the last `keepDaily` days that have one (UTC days; counted over
//   days with a backup, so a vault left closed for a month still has `keepDaily` of them);
// - beyond those days, the newest backup of each of the last `keepWeekly` ISO weeks that have one;
// - every manual, pre-migration and pre-restore backup younger than `keepDaily` × 24 h: a person
//   asked for it, or it is the way back from a migration or a restore;
// - always the newest backup.
import type { BackupKind } from './names';

export interface Dated {
  id: string;
  kind: BackupKind;
  createdAt: string;
}

export interface Keep {
  keepDaily: number;
  keepWeekly: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function backupsToRemove(items: readonly Dated[], keep: Keep, now: Date): string[] {
  if (items.length === 0) return [];
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const kept = new Set<string>([newestFirst[0]!.id]);

  const recentSince = now.getTime() - keep.keepDaily * DAY_MS;
  for (const item of newestFirst) {
    if (item.kind !== 'daily' && Date.parse(item.createdAt) > recentSince) kept.add(item.id);
  }

  // Newest first, so the first backup seen in a day (a week) is that day's (week's) newest.
  const days = new Set<string>();
  let oldestKeptDay = '';
  for (const item of newestFirst) {
    const day = item.createdAt.slice(0, 10);
    if (days.has(day)) continue;
    if (days.size === keep.keepDaily) break;
    days.add(day);
    oldestKeptDay = day;
    kept.add(item.id);
  }

  const weeks = new Set<string>();
  for (const item of newestFirst) {
    if (item.createdAt.slice(0, 10) >= oldestKeptDay) continue;
    const week = isoWeek(item.createdAt);
    if (weeks.has(week)) continue;
    if (weeks.size === keep.keepWeekly) break;
    weeks.add(week);
    kept.add(item.id);
  }

  return newestFirst.filter((item) => !kept.has(item.id)).map((item) => item.id);
}

/** ISO 8601 week of a UTC instant, as "2026-W48" (the week's Thursday decides its year). */
export function isoWeek(instant: string): string {
  const date = new Date(instant.slice(0, 10) + 'T00:00:00Z');
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setUTCDate(date.getUTCDate() - weekday + 3); // that week's Thursday
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

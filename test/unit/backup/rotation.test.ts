// The rotation rule (main/core/backup/rotation.ts) as properties over any set of backups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToRemove, isoWeek, type Dated } from '../../../main/core/backup/rotation';
import { backupName, type BackupKind } from '../../../main/core/backup/names';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const HOUR = 3_600_000;

const kinds: BackupKind[] = ['daily', 'manual', 'pre-migration', 'pre-restore'];
/** Backups at distinct times within the last 200 days, named as the app names them. */
const backups = (onlyDaily = false) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 200 * 24 * 60 }), { maxLength: 60 }).chain((minutesAgo) =>
    fc.tuple(...minutesAgo.map(() => fc.constantFrom(...(onlyDaily ? (['daily'] as BackupKind[]) : kinds)))).map((chosen) =>
      minutesAgo.map((minutes, index): Dated => {
        const at = new Date(NOW.getTime() - minutes * 60_000);
        const kind = chosen[index]!;
        return { id: backupName(kind, at, 11, 'briefcase'), kind, createdAt: at.toISOString() };
      }),
    ),
  );
const keep = fc.record({ keepDaily: fc.integer({ min: 1, max: 60 }), keepWeekly: fc.integer({ min: 0, max: 104 }) });

describe('backup rotation', () => {
  it('never removes the newest backup', () => {
    fc.assert(
      fc.property(backups(), keep, (items, settings) => {
        if (items.length === 0) return;
        const newest = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
        expect(backupsToRemove(items, settings, NOW)).not.toContain(newest.id);
      }),
    );
  });

  it('is idempotent: applied to what it kept, it removes nothing more', () => {
    fc.assert(
      fc.property(backups(), keep, (items, settings) => {
        const removed = new Set(backupsToRemove(items, settings, NOW));
        const kept = items.filter((item) => !removed.has(item.id));
        expect(backupsToRemove(kept, settings, NOW)).toEqual([]);
      }),
    );
  });

  it('keeps no more daily backups than keepDaily + keepWeekly', () => {
    fc.assert(
      fc.property(backups(true), keep, (items, settings) => {
        const kept = items.length - backupsToRemove(items, settings, NOW).length;
        expect(kept).toBeLessThanOrEqual(settings.keepDaily + settings.keepWeekly);
      }),
    );
  });

  it('keeps every manual, pre-migration and pre-restore backup younger than keepDaily days, and no more than that besides', () => {
    fc.assert(
      fc.property(backups(), keep, (items, settings) => {
        const removed = new Set(backupsToRemove(items, settings, NOW));
        const recent = items.filter((item) => item.kind !== 'daily' && NOW.getTime() - Date.parse(item.createdAt) < settings.keepDaily * 24 * HOUR);
        for (const item of recent) expect(removed.has(item.id)).toBe(false);
        expect(items.length - removed.size).toBeLessThanOrEqual(settings.keepDaily + settings.keepWeekly + recent.length);
      }),
    );
  });

  it('with keepDaily 7 and keepWeekly 4, 60 days of daily backups become 7 days and 4 earlier weeks', () => {
    const items: Dated[] = Array.from({ length: 60 }, (_, day) => {
      const at = new Date(NOW.getTime() - day * 24 * HOUR);
      return { id: backupName('daily', at, 11, 'briefcase'), kind: 'daily', createdAt: at.toISOString() };
    });
    const removed = new Set(backupsToRemove(items, { keepDaily: 7, keepWeekly: 4 }, NOW));
    const kept = items.filter((item) => !removed.has(item.id));
    expect(kept).toHaveLength(11);
    expect(kept.slice(0, 7).map((item) => item.createdAt.slice(0, 10))).toEqual(items.slice(0, 7).map((item) => item.createdAt.slice(0, 10)));
    const weeks = kept.slice(7).map((item) => isoWeek(item.createdAt));
    expect(new Set(weeks).size).toBe(4);
  });

  it('names ISO weeks as ISO 8601 does, across a year boundary', () => {
    expect(isoWeek('2026-11-23T10:00:00.000Z')).toBe('2026-W48');
    expect(isoWeek('2027-01-01T10:00:00.000Z')).toBe('2026-W53');
    expect(isoWeek('2024-12-30T10:00:00.000Z')).toBe('2025-W01');
  });
});

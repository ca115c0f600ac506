// The hourly check for the daily backup: owned by the core api, running only while a vault is open.
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dailyBackupDue } from '../../../main/core/backup/schedule';
import type { BackupInfo } from '../../../preload/schemas/security';
import { PASSPHRASE } from '../helpers';
import { afterFirstBackupCheck, openVault, type BackupFixture } from './fixture';

const HOUR = 3_600_000;

/** Renames each daily backup (and its key file) as if it had been made `hours` earlier. */
function age(vault: BackupFixture, hours: number): void {
  for (const name of readdirSync(vault.backupsDir).filter((n) => /-daily-v\d+\.[\w-]+\.bcvault$/.test(n))) {
    const older = name.replace(/^[^Z]+Z/, new Date(Date.now() - hours * HOUR).toISOString().replace(/[:.]/g, '-'));
    renameSync(join(vault.backupsDir, name), join(vault.backupsDir, older));
    renameSync(join(vault.backupsDir, `${name}.keys.json`), join(vault.backupsDir, `${older}.keys.json`));
  }
}
/** The daily backups so far (none before the first backup has made the folder). */
const dailies = (vault: BackupFixture) =>
  existsSync(vault.backupsDir) ? readdirSync(vault.backupsDir).filter((n) => /-daily-v\d+\.[\w-]+\.bcvault$/.test(n)) : [];

afterEach(() => {
  vi.useRealTimers();
});

describe('daily backup schedule', () => {
  it('is due when no daily backup exists or the newest is 24 hours old', () => {
    const now = new Date('2026-11-23T12:00:00.000Z');
    const daily = (createdAt: string): BackupInfo => ({ id: 'x', kind: 'daily', createdAt, size: 4096, schemaVersion: 11 });
    expect(dailyBackupDue([], now)).toBe(true);
    expect(dailyBackupDue([{ ...daily('2026-11-23T11:00:00.000Z'), kind: 'manual' }], now)).toBe(true);
    expect(dailyBackupDue([daily('2026-11-22T12:00:00.001Z')], now)).toBe(false);
    expect(dailyBackupDue([daily('2026-11-22T12:00:00.000Z'), daily('2026-11-20T12:00:00.000Z')], now)).toBe(true);
  });

  it('checks every hour while the vault is unlocked, and stops at lock', async () => {
    // Only the interval is faked: file names and rotation keep the real clock.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const vault = await openVault();
    await vault.ok('vault.lock', {});
    await vault.ok('vault.unlock', { path: vault.vaultPath, passphrase: PASSPHRASE });
    expect(dailies(vault)).toHaveLength(0); // not during the unlock: it would hold up the first screen
    await afterFirstBackupCheck();
    expect(dailies(vault)).toHaveLength(1);

    vi.advanceTimersByTime(HOUR);
    expect(dailies(vault)).toHaveLength(1); // the one from unlock is not yet a day old

    age(vault, 25);
    vi.advanceTimersByTime(HOUR);
    expect(dailies(vault)).toHaveLength(2);

    await vault.ok('vault.lock', {});
    age(vault, 25);
    const before = readdirSync(vault.backupsDir).sort();
    vi.advanceTimersByTime(3 * HOUR);
    expect(readdirSync(vault.backupsDir).sort()).toEqual(before);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops when the api is closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const vault = await openVault();
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    vault.api.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

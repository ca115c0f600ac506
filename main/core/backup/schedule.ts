// The daily backup: made when the vault is unlocked and the newest daily backup is older than 24 h,
// checked a minute after unlock and then every hour while the vault stays unlocked. Not during the
// unlock itself: a backup of a large vault takes a moment and would hold up the first screen (the
// case list after unlock, docs/benchmarks.md section 5). The core api owns the timer
// (main/core/api.ts) and stops it at lock and close.
import type { BackupInfo } from '../../../preload/schemas/security';
import type { Vault } from '../vault/vault';
import { backUp } from './create';
import { listBackups } from './folder';

export const DAILY_INTERVAL_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first check after unlock, once the first screens have loaded. */
export const FIRST_CHECK_MS = 60 * 1000;

export function dailyBackupDue(items: readonly BackupInfo[], now: Date): boolean {
  const newestDaily = items.filter((item) => item.kind === 'daily').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return !newestDaily || now.getTime() - Date.parse(newestDaily.createdAt) >= DAILY_INTERVAL_MS;
}

/** Makes the daily backup if it is due. Returns it, or null when none was due (or the vault is locked). */
export function dailyBackupIfDue(vault: Vault, now: Date = new Date()): BackupInfo | null {
  const path = vault.path;
  if (!vault.isUnlocked || !path) return null;
  if (!dailyBackupDue(listBackups(path), now)) return null;
  return backUp(vault.db, path, 'daily', now);
}

export class DailyBackups {
  private timer: ReturnType<typeof setInterval> | null = null;
  private first: ReturnType<typeof setTimeout> | null = null;

  /** `onError`: the error's class only, as ApiContext.onInternalError takes it; a failed backup is tried again next hour. */
  constructor(
    private readonly vault: Vault,
    private readonly onError: (kind: string) => void = () => undefined,
    /** Tests shorten it (ApiContext.firstBackupCheckMs). */
    private readonly firstCheckMs: number = FIRST_CHECK_MS,
  ) {}

  /** At unlock: check after FIRST_CHECK_MS (`checkSoon`; a vault just created has nothing to keep yet), then every hour. */
  start(checkSoon = true): void {
    this.stop();
    if (checkSoon) {
      this.first = setTimeout(() => this.tick(), this.firstCheckMs);
      this.first.unref?.();
    }
    this.timer = setInterval(() => this.tick(), CHECK_EVERY_MS);
    // The timers must not keep a CLI process (or a test) alive.
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    this.timer = null;
    this.first = null;
  }

  get running(): boolean {
    return this.timer !== null;
  }

  private tick(): void {
    try {
      dailyBackupIfDue(this.vault);
    } catch (error) {
      this.onError(error instanceof Error ? error.constructor.name : typeof error);
    }
  }
}

// The renderer's side of the idle lock (the clock itself is in the core: main/core/session).
//
// While a vault is open: input in the window (pointer, keys, wheel) is reported with
// session.activity, at most once per REPORT_EVERY_MS; each answer says how long until the core
// locks. Just before that deadline, when there was no input since the last report, the renderer
// locks itself (so pending autosaves are flushed first); if the renderer is frozen or throttled
// the core's timer locks anyway, and in the app main then reloads the window (main/system-lock.ts),
// as it does on suspend and screen lock. A lock made behind the window's back is also noticed here
// when session.activity answers null, and by any screen whose call fails with VAULT_LOCKED.
//
// No vault.status poll: a poll that fails while the core restarts (the test harness) logs a
// network error in the page, and main's reload covers the locks the window cannot see.
//
// After any lock the page is reloaded (reloadAfterLock): that is the one complete way to drop
// every decrypted thing from renderer memory: React state, module caches (tags, reference data),
// pdf.js documents, object URLs and blobs. Only a notice (no client data) crosses the reload, in
// sessionStorage.
import { api } from '../api/client';

const REPORT_EVERY_MS = 15_000;
const NOTICE_KEY = 'briefcase.lockNotice';

export type LockNotice = { reason: 'idle'; minutes: number } | { reason: 'locked' };

/** Reload the page so nothing decrypted survives, leaving `notice` for the unlock screen. */
export function reloadAfterLock(notice: LockNotice | null): void {
  try {
    if (notice) sessionStorage.setItem(NOTICE_KEY, JSON.stringify(notice));
  } catch {
    // No storage: the lock stands, only the polite notice is lost.
  }
  window.location.reload();
}

/** The notice left by reloadAfterLock, once (it is removed as it is read). */
export function takeLockNotice(): LockNotice | null {
  try {
    const text = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    if (!text) return null;
    const notice = JSON.parse(text) as LockNotice;
    if (notice.reason === 'idle' && Number.isInteger(notice.minutes)) return { reason: 'idle', minutes: notice.minutes };
    return notice.reason === 'locked' ? notice : null;
  } catch {
    return null;
  }
}

interface Watch {
  /** Flush autosaves and lock (the renderer's own idle lock); resolves when the vault is locked. */
  lockForIdle: (minutes: number) => Promise<void>;
  /** session.activity found the vault locked: the core's idle timer, suspend, screen lock, or another caller. */
  onLockedByCore: (notice: LockNotice) => void;
}

let refresh: (() => void) | null = null;

/** The idle time may have changed (the settings panel saved it): ask the core again. */
export function idleSettingsChanged(): void {
  refresh?.();
}

/** Starts watching an unlocked session; returns the stop function. */
export function watchSession({ lockForIdle, onLockedByCore }: Watch): () => void {
  let stopped = false;
  let minutes = 10;
  /** The core's idle period as its latest answer gave it (lockInMs right after a report). */
  let periodMs = 10 * 60_000;
  let deadline = Date.now() + periodMs;
  let lastInput = 0;
  let lastReport = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let locking = false;

  // Scaled to the period so a shortened test minute works the same way as a real one.
  const reportEvery = () => Math.min(REPORT_EVERY_MS, periodMs / 4);
  const margin = () => Math.min(2_000, periodMs / 10);

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void atDeadline(), Math.max(0, deadline - margin() - Date.now()));
  };

  const report = async () => {
    lastReport = Date.now();
    try {
      const { lockInMs } = await api.session.activity();
      if (stopped) return;
      if (lockInMs === null) return lockedByCore();
      periodMs = lockInMs;
      deadline = Date.now() + lockInMs;
      schedule();
    } catch {
      // The poll will tell whether the vault is still open.
    }
  };

  const atDeadline = async () => {
    if (stopped || locking) return;
    // Input since the last report (held back by the throttle): report it instead of locking.
    if (lastInput > lastReport) return report();
    locking = true;
    stopped = true;
    await lockForIdle(minutes);
  };

  const lockedByCore = () => {
    if (locking) return;
    stopped = true;
    // At or past the deadline we knew of: the idle clock did it. Otherwise suspend, screen lock,
    // or another caller.
    const idle = Date.now() >= deadline - margin() - 1_000;
    onLockedByCore(idle ? { reason: 'idle', minutes } : { reason: 'locked' });
  };

  const onInput = () => {
    lastInput = Date.now();
    if (lastInput - lastReport >= reportEvery()) void report();
  };

  const start = () => {
    api.settings.get().then(
      (settings) => {
        minutes = settings.idleMinutes;
      },
      () => undefined,
    );
    void report();
  };
  refresh = start;
  start();

  const events = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
  for (const name of events) window.addEventListener(name, onInput, { capture: true, passive: true });
  return () => {
    stopped = true;
    if (refresh === start) refresh = null;
    clearTimeout(timer);
    for (const name of events) window.removeEventListener(name, onInput, { capture: true });
  };
}

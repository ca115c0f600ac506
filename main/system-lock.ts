// Locks the vault when the computer suspends or its screen locks, and then reloads the window so
// nothing decrypted stays in renderer memory (React state, caches, pdf.js documents, blobs): a
// laptop closed in a waiting room must not wake up showing a case. Also used after the core's idle
// clock locked on its own (a frozen or throttled window could not do it itself).
//
// Kept free of Electron imports so it is unit-tested: main/index.ts hands in powerMonitor and a
// function that reloads the app's windows.

/** The part of Electron's powerMonitor used here. */
export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

export const SYSTEM_LOCK_EVENTS = ['suspend', 'lock-screen'] as const;

/**
 * Lock first (security), then reload. The reload happens even if the lock failed: what the window
 * holds must go either way. Pending autosaves typed in the last moment before a suspend may be lost.
 */
export function lockThenReload(lock: () => Promise<void>, reloadWindows: () => void): Promise<void> {
  return lock()
    .catch(() => undefined)
    .then(() => reloadWindows());
}

export function lockOnSystemEvents(power: PowerEvents, lock: () => Promise<void>, reloadWindows: () => void): void {
  for (const event of SYSTEM_LOCK_EVENTS) power.on(event, () => void lockThenReload(lock, reloadWindows));
}

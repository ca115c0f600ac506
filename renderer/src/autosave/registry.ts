// Every section editor with unsaved work registers a flush here, so the app can save everything
// before it locks the vault, and when the window is closed: in the app main holds the close back
// and asks through window.briefcaseEvents (installFlushRequestHandler); beforeunload and hidden
// remain a best-effort second line.

/** Saves now if anything is pending; resolves true when nothing is left unsaved. */
export type Flush = () => Promise<boolean>;

const flushes = new Set<Flush>();

export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Flush every editor; resolves with how many could not be saved (invalid, in conflict, failed). */
export async function flushAll(): Promise<number> {
  const results = await Promise.all([...flushes].map((flush) => flush().catch(() => false)));
  return results.filter((saved) => !saved).length;
}

let installed = false;

/** beforeunload / hidden: start the saves (best effort: the page may be gone before they finish). */
export function installPageExitFlush(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('beforeunload', () => void flushAll());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAll();
  });
}

/**
 * Answers main's flush requests (the window is closing; later also before the vault locks itself):
 * save everything, then report whether all of it is saved. Returns the unsubscribe. Outside the
 * app (no window.briefcaseEvents) it does nothing.
 */
export function installFlushRequestHandler(): () => void {
  const events = window.briefcaseEvents;
  if (!events) return () => undefined;
  return events.onFlushRequest(async () => (await flushAll()) === 0);
}

// What happens when the window is asked to close, kept free of Electron so it is unit-tested
// (main/window.ts wires it to the BrowserWindow, webContents, ipcMain and a native dialog).
//
// The first 'close' is held back: the renderer is asked (FLUSH_REQUEST_CHANNEL) to save every
// pending edit and answers (FLUSH_DONE_CHANNEL) whether everything is saved. Then:
//   all saved                   → close;
//   something could not be saved → ask "Close anyway / Stay" (native dialog, the person decides);
//   no answer within timeoutMs  → close: a hung renderer must not be able to block quitting;
//   renderer already gone        → close at once.
// A second close while waiting is ignored; the close this guard itself starts goes through.
import da from '../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../renderer/src/i18n/en.json' with { type: 'json' };
import { FlushDone, type Language } from '../preload/contract';

export const FLUSH_TIMEOUT_MS = 5_000;

export interface CloseGuardDeps {
  /** False when the renderer has crashed or is gone: there is nobody to ask. */
  rendererAlive(): boolean;
  /** Send the flush request (webContents.send on FLUSH_REQUEST_CHANNEL). */
  requestFlush(requestId: number): void;
  /** Ask the person; resolves true for "Close anyway". */
  confirmCloseAnyway(): Promise<boolean>;
  /** Close the window for real (its 'close' event comes back through the guard and is let through). */
  close(): void;
  timeoutMs?: number;
  /** Told when the renderer did not answer in time (no data, for the log). */
  onTimeout?: () => void;
}

export type CloseOutcome = 'closed' | 'stayed';

export interface CloseGuard {
  /** The window's 'close' listener. */
  onClose(event: { preventDefault(): void }): void;
  /** FLUSH_DONE_CHANNEL messages from this window's renderer (anything else is ignored). */
  onFlushDone(payload: unknown): void;
  /** Resolves when the current close attempt has ended (for tests); null when none is running. */
  readonly pending: Promise<CloseOutcome> | null;
}

export function createCloseGuard(deps: CloseGuardDeps): CloseGuard {
  const timeoutMs = deps.timeoutMs ?? FLUSH_TIMEOUT_MS;
  let state: 'open' | 'flushing' | 'asking' | 'closing' = 'open';
  let lastRequestId = 0;
  let answer: ((result: 'saved' | 'unsaved' | 'timeout') => void) | null = null;
  let pending: Promise<CloseOutcome> | null = null;

  const closeNow = (): CloseOutcome => {
    state = 'closing';
    deps.close();
    return 'closed';
  };

  async function attempt(): Promise<CloseOutcome> {
    if (!deps.rendererAlive()) return closeNow();
    state = 'flushing';
    lastRequestId += 1;
    const requestId = lastRequestId;
    const result = await new Promise<'saved' | 'unsaved' | 'timeout'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      answer = (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      };
      try {
        deps.requestFlush(requestId);
      } catch {
        answer('timeout');
      }
    });
    answer = null;
    if (result === 'saved') return closeNow();
    if (result === 'timeout') {
      deps.onTimeout?.();
      return closeNow();
    }
    state = 'asking';
    let closeAnyway = false;
    try {
      closeAnyway = await deps.confirmCloseAnyway();
    } catch {
      closeAnyway = false;
    }
    if (closeAnyway) return closeNow();
    state = 'open';
    return 'stayed';
  }

  return {
    onClose(event) {
      if (state === 'closing') return;
      event.preventDefault();
      if (state !== 'open') return;
      pending = attempt().finally(() => {
        pending = null;
      });
    },
    onFlushDone(payload) {
      const parsed = FlushDone.safeParse(payload);
      if (!parsed.success || state !== 'flushing' || parsed.data.requestId !== lastRequestId) return;
      answer?.(parsed.data.allSaved ? 'saved' : 'unsaved');
    },
    get pending() {
      return pending;
    },
  };
}

export interface CloseDialogTexts {
  title: string;
  body: string;
  stay: string;
  closeAnyway: string;
}

/** The dialog's words, from the renderer's catalogues, in the language the app is shown in. */
export function closeDialogTexts(language: Language): CloseDialogTexts {
  const { autosave } = language === 'da' ? da : en;
  return { title: autosave.closeTitle, body: autosave.closeBody, stay: autosave.stay, closeAnyway: autosave.closeAnyway };
}

// window.briefcaseEvents, built from two primitives: how flush requests arrive and how the answer
// goes back. Shared by the Electron preload (ipcRenderer.on / send) and the test harness (whose
// page gets this function's source, as with buildBridge), so both behave the same. It must stay
// self-contained: no imports are used inside it.
import type { BriefcaseEvents, FlushDone } from './contract';

export function buildEvents(
  listen: (deliver: (request: unknown) => void) => void,
  reply: (done: FlushDone) => void,
): BriefcaseEvents {
  let current: (() => Promise<boolean>) | null = null;
  listen((request) => {
    const requestId = (request as { requestId?: unknown } | null)?.requestId;
    if (typeof requestId !== 'number' || !Number.isInteger(requestId) || requestId < 1) return;
    const handler = current;
    // No handler: no editor is mounted, so nothing can be pending.
    if (!handler) return reply({ requestId, allSaved: true });
    let answer: Promise<boolean>;
    try {
      answer = Promise.resolve(handler());
    } catch {
      answer = Promise.resolve(false);
    }
    void answer.then(
      (allSaved) => reply({ requestId, allSaved: allSaved === true }),
      () => reply({ requestId, allSaved: false }),
    );
  });
  return {
    onFlushRequest(handler) {
      current = handler;
      return () => {
        if (current === handler) current = null;
      };
    },
  };
}

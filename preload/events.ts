// window.briefcaseEvents, built from two primitives: how flush requests arrive and how the answer
// goes back. Shared by the Electron preload (ipcRenderer.on / send) and the test harness (whose
// page gets this function's source, as with buildBridge), so both behave the same. It must stay
// self-contained: no imports are used inside it.
import type { BriefcaseEvents, FlushDone, MenuCommand } from './contract';

export function buildEvents(
  listen: (deliver: (request: unknown) => void) => void,
  reply: (done: FlushDone) => void,
  // Menu commands (MENU_CHANNEL): how they arrive. Each is checked again here against the list
  // (written out: this function's source is sent to the harness page, so it cannot import
  // MENU_COMMANDS; test/unit/main/menu-events.test.ts keeps the two equal).
  listenMenu: (deliver: (message: unknown) => void) => void = () => {},
): BriefcaseEvents {
  const menuCommands: readonly string[] = ['newCase', 'find', 'saveCopy', 'lock', 'preferences'];
  let onMenu: ((command: MenuCommand) => void) | null = null;
  listenMenu((message) => {
    const command = (message as { command?: unknown } | null)?.command;
    if (typeof command !== 'string' || !menuCommands.includes(command) || !onMenu) return;
    onMenu(command as MenuCommand);
  });
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
    onMenuCommand(handler) {
      onMenu = handler;
      return () => {
        if (onMenu === handler) onMenu = null;
      };
    },
  };
}

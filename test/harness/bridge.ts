// window.briefcase for a page served by the harness, with exactly the preload's shape: the same
// buildBridge() (its source is sent to the page) over the same method list, with a `send` that
// POSTs {method, input} to the harness with the run's token instead of using Electron's IPC.
//
// window.briefcaseEvents likewise comes from the preload's own buildEvents(), wired to the page
// instead of to ipcRenderer: the test plays main's part through window.briefcaseHarness
// (requestFlush(), as main/window.ts does when the window is asked to close; menuCommand(), as
// the application menu does).
import type { Page } from '@playwright/test';
import { buildBridge } from '../../preload/bridge';
import { buildEvents } from '../../preload/events';
import { methodNames } from '../../preload/contract';
import { API_PATH } from './protocol';

/** The init script's source. The token lives in the closure; page scripts only see the API. */
export function bridgeScript(token: string): string {
  return `(() => {
  const token = ${JSON.stringify(token)};
  const send = async (method, input) => {
    const response = await fetch(${JSON.stringify(API_PATH)}, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: JSON.stringify({ method, input }),
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) throw new Error('harness answered ' + response.status);
    return response.json();
  };
  const buildBridge = (${buildBridge.toString()});
  const api = buildBridge(${JSON.stringify(methodNames)}, send);
  for (const group of Object.values(api)) Object.freeze(group);
  // Configurable so that a harness restarted with a new token can inject a fresh bridge.
  Object.defineProperty(window, 'briefcase', { value: Object.freeze(api), enumerable: true, configurable: true, writable: false });

  // main's side of the flush channel, played by the test.
  const buildEvents = (${buildEvents.toString()});
  let deliver = () => {};
  let deliverMenu = () => {};
  let lastRequestId = 0;
  const waiting = new Map();
  const events = buildEvents(
    (listener) => { deliver = listener; },
    (done) => { const resolve = waiting.get(done.requestId); waiting.delete(done.requestId); if (resolve) resolve(done); },
    (listener) => { deliverMenu = listener; },
  );
  const harness = {
    /** What main does when the window is asked to close: resolves with the renderer's FlushDone. */
    requestFlush: () => new Promise((resolve) => {
      lastRequestId += 1;
      waiting.set(lastRequestId, resolve);
      deliver({ requestId: lastRequestId });
    }),
    /** What main does when a menu item or its accelerator is chosen (main/menu.ts → MENU_CHANNEL). */
    menuCommand: (command) => deliverMenu({ command }),
  };
  Object.defineProperty(window, 'briefcaseEvents', { value: Object.freeze(events), enumerable: true, configurable: true, writable: false });
  Object.defineProperty(window, 'briefcaseHarness', { value: Object.freeze(harness), enumerable: true, configurable: true, writable: false });
})();`;
}

/** Inject before any page script runs, on every navigation and reload from now on. */
export async function injectBridge(page: Page, token: string): Promise<void> {
  await page.addInitScript({ content: bridgeScript(token) });
}

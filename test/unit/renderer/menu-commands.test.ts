// The renderer's side of the application menu (renderer/src/app/menuCommands.ts): a command
// reaches its handler once, anything outside the contract is dropped, and "Save a copy" acts on
// the item that is open, or reports that nothing is.
import { describe, expect, it, vi } from 'vitest';
import { buildEvents } from '../../../preload/events';
import { installMenuCommands, saveCopyOfOpenItem, setSaveCopyTarget, type MenuHandlers } from '../../../renderer/src/app/menuCommands';

function setup() {
  let deliver: (message: unknown) => void = () => {};
  const events = buildEvents(() => {}, () => {}, (listener) => (deliver = listener));
  const handlers: MenuHandlers = { newCase: vi.fn(), find: vi.fn(), saveCopy: vi.fn(), lock: vi.fn(), preferences: vi.fn() };
  const stop = installMenuCommands(events, () => handlers);
  return { handlers, stop, send: (message: unknown) => deliver(message) };
}

describe('menu commands in the renderer', () => {
  it('calls the handler of each command, and none after unsubscribing', () => {
    const { handlers, stop, send } = setup();
    send({ command: 'lock' });
    send({ command: 'find' });
    expect(handlers.lock).toHaveBeenCalledTimes(1);
    expect(handlers.find).toHaveBeenCalledTimes(1);
    expect(handlers.newCase).not.toHaveBeenCalled();
    stop();
    send({ command: 'lock' });
    expect(handlers.lock).toHaveBeenCalledTimes(1);
  });

  it('drops what is not a menu command', () => {
    const { handlers, send } = setup();
    for (const message of [{ command: 'quit' }, { command: '__proto__' }, 'lock', null]) send(message);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('does nothing outside the app (no window.briefcaseEvents)', () => {
    expect(installMenuCommands(undefined, () => ({}) as MenuHandlers)()).toBeUndefined();
  });

  it('"Save a copy" saves the open item, the newest one registered, and reports when none is open', async () => {
    const onError = vi.fn();
    expect(saveCopyOfOpenItem(onError)).toBe(false);
    const first = vi.fn();
    const second = vi.fn(async () => {
      throw new Error('disk full');
    });
    const dropFirst = setSaveCopyTarget(first);
    const dropSecond = setSaveCopyTarget(second);
    expect(saveCopyOfOpenItem(onError)).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    // Closing the older item does not unregister the newer one; closing the newer leaves nothing.
    dropFirst();
    expect(saveCopyOfOpenItem(onError)).toBe(true);
    dropSecond();
    expect(saveCopyOfOpenItem(onError)).toBe(false);
  });
});

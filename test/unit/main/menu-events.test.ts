// Menu commands reaching the renderer (preload/events.ts, shared by the preload and the harness):
// only the known commands get through to the page's one handler, and the written-out list in
// buildEvents stays equal to the contract's MENU_COMMANDS.
import { describe, expect, it, vi } from 'vitest';
import { buildEvents } from '../../../preload/events';
import { MENU_COMMANDS, MenuMessage } from '../../../preload/contract';

function events() {
  let deliver: (message: unknown) => void = () => {};
  const built = buildEvents(
    () => {},
    () => {},
    (listener) => {
      deliver = listener;
    },
  );
  return { built, deliver: (message: unknown) => deliver(message) };
}

describe('menu commands to the renderer', () => {
  it('delivers each known command to the handler', () => {
    const { built, deliver } = events();
    const handler = vi.fn();
    built.onMenuCommand(handler);
    for (const command of MENU_COMMANDS) deliver({ command });
    expect(handler.mock.calls.map(([command]) => command)).toEqual([...MENU_COMMANDS]);
  });

  it('drops anything else, and nothing reaches a handler that unsubscribed', () => {
    const { built, deliver } = events();
    const handler = vi.fn();
    const unsubscribe = built.onMenuCommand(handler);
    for (const message of [null, 'lock', { command: 'quit' }, { command: 'toString' }, { command: 7 }, {}]) deliver(message);
    expect(handler).not.toHaveBeenCalled();
    unsubscribe();
    deliver({ command: 'lock' });
    expect(handler).not.toHaveBeenCalled();
  });

  it('matches the contract: its zod schema takes exactly those commands', () => {
    for (const command of MENU_COMMANDS) expect(MenuMessage.safeParse({ command }).success).toBe(true);
    expect(MenuMessage.safeParse({ command: 'lock', extra: 1 }).success).toBe(false);
    // The list inside buildEvents is written out (its source is sent to the harness page).
    const source = buildEvents.toString();
    const written = source.match(/menuCommands\s*=\s*\[([^\]]*)\]/)![1]!;
    expect(written.split(',').map((part) => part.trim().replace(/["']/g, ''))).toEqual([...MENU_COMMANDS]);
  });
});

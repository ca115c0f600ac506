// IPC sender validation (electronegativity has no check for it): the one handle() channel is bound
// with the sender check in front of the handler table, and main listens on no other channel whose
// listener does not check its sender. ipc-handler.test.ts tests the check itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../preload/contract';

const registered = vi.hoisted(() => new Map<string, (...args: unknown[]) => unknown>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => registered.set(channel, handler),
  },
}));

const { bindIpc } = await import('../../../main/ipc');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('IPC sender validation', () => {
  it('binds the handler table behind the sender check: a foreign frame never reaches it', async () => {
    const call = vi.fn(() => ({ ok: true as const, value: 'reached' }));
    bindIpc({ call } as never, undefined);
    const handler = registered.get(IPC_CHANNEL)!;
    expect(handler).toBeTypeOf('function');
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', key: 'errors.FORBIDDEN' } };
    const foreign = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'app://briefcase/index.html', parent: {} } },
      { senderFrame: { url: 'file:///tmp/page.html', parent: null } },
      { senderFrame: null },
    ];
    for (const event of foreign) expect(await handler(event, 'cases.list', {})).toEqual(forbidden);
    expect(call).not.toHaveBeenCalled();
    expect(await handler({ senderFrame: { url: 'app://briefcase/index.html', parent: null } }, 'cases.list', {})).toEqual({
      ok: true,
      value: 'reached',
    });
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('main listens on only two IPC channels, and each listener checks its sender', () => {
    // A new ipcMain listener must be added here on purpose, with its sender check.
    const listeners = sourceFiles('main').flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/ipcMain\.(handle|handleOnce|on|once|addListener|prependListener)\(\s*([^,\s)]+)/g)].map(
        (match) => `${file} ${match[1]} ${match[2]}`,
      );
    });
    expect(listeners.sort()).toEqual(['main/ipc.ts handle IPC_CHANNEL', 'main/window.ts on FLUSH_DONE_CHANNEL']);
    expect(readFileSync('main/ipc.ts', 'utf8')).toContain('ipcMain.handle(IPC_CHANNEL, createIpcHandler(api, devServerUrl))');
    const window = readFileSync('main/window.ts', 'utf8');
    expect(window).toMatch(/event\.sender !== contents \|\| !frame \|\| !isTrustedSender\(/);
  });

  it('the preload exposes only the built bridge objects, never ipcRenderer itself', () => {
    const preload = readFileSync('preload/index.ts', 'utf8');
    const exposed = [...preload.matchAll(/exposeInMainWorld\('(\w+)',\s*(\w+)\)/g)].map((match) => `${match[1]}=${match[2]}`);
    expect(exposed).toEqual(['briefcase=api', 'briefcaseEvents=events']);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

// main/window.ts with a stand-in for Electron: the window keeps its hardened webPreferences and
// navigation rules, app:// responses carry the CSP, the session refuses permissions and the
// network, and a close goes through the flush request (close-guard.ts) on the named channels.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../../../preload/contract';
import { CONTENT_SECURITY_POLICY, hardenedWebPreferences } from '../../../main/security';

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  class Contents extends EventEmitter {
    sent: [string, unknown][] = [];
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.openHandler = handler;
    }
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed() {
      return false;
    }
    isCrashed() {
      return false;
    }
  }
  class Window extends EventEmitter {
    static last: Window | null = null;
    webContents = new Contents();
    loaded: string | null = null;
    closed = 0;
    constructor(readonly options: Record<string, unknown>) {
      super();
      Window.last = this;
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    close() {
      this.closed += 1;
      const event = { defaultPrevented: false, preventDefault() {
        this.defaultPrevented = true;
      } };
      this.emit('close', event);
      if (!event.defaultPrevented) this.emit('closed');
    }
    show() {}
  }
  const ipcListeners = new Map<string, Set<(...args: unknown[]) => void>>();
  type PermissionRequest = (contents: unknown, permission: string, callback: (ok: boolean) => void) => void;
  type BeforeRequest = (details: { url: string }, callback: (result: { cancel: boolean }) => void) => void;
  const handlers = {
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as (() => boolean) | null,
    beforeRequest: null as BeforeRequest | null,
  };
  const session = {
    handlers,
    setPermissionRequestHandler(h: PermissionRequest) {
      handlers.permissionRequest = h;
    },
    setPermissionCheckHandler(h: () => boolean) {
      handlers.permissionCheck = h;
    },
    setDevicePermissionHandler() {},
    setSpellCheckerDictionaryDownloadURL() {},
    webRequest: {
      onBeforeRequest(h: BeforeRequest) {
        handlers.beforeRequest = h;
      },
    },
  };
  return {
    Window,
    session,
    ipcListeners,
    protocolHandler: { current: null as null | ((request: { url: string }) => Promise<Response>) },
    dialogAnswer: { response: 0 },
  };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.Window,
  session: { defaultSession: electron.session },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
      electron.protocolHandler.current = handler;
    },
  },
  net: { fetch: async () => new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }) },
  shell: { openExternal: vi.fn(async () => undefined) },
  ipcMain: {
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!electron.ipcListeners.has(channel)) electron.ipcListeners.set(channel, new Set());
      electron.ipcListeners.get(channel)!.add(listener);
    },
    off: (channel: string, listener: (...args: unknown[]) => void) => electron.ipcListeners.get(channel)?.delete(listener),
  },
  dialog: { showMessageBox: vi.fn(async () => electron.dialogAnswer) },
}));

const { createMainWindow, lockDownSession, serveRenderer } = await import('../../../main/window');
const texts = () => ({ title: 'T', body: 'B', stay: 'Stay', closeAnyway: 'Close anyway' });

function open() {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', devServerUrl: undefined, closeDialogTexts: texts });
  return electron.Window.last!;
}

function flushDone(window: InstanceType<typeof electron.Window>, payload: unknown, url = 'app://briefcase/index.html') {
  for (const listener of electron.ipcListeners.get(FLUSH_DONE_CHANNEL) ?? []) {
    listener({ sender: window.webContents, senderFrame: { url, parent: null } }, payload);
  }
}

beforeEach(() => {
  electron.ipcListeners.clear();
});

describe('main window', () => {
  it('has the hardened webPreferences and loads the app origin', () => {
    const window = open();
    expect(window.options.webPreferences).toEqual(hardenedWebPreferences('/app/out/preload/index.cjs'));
    expect(window.loaded).toBe('app://briefcase/index.html');
  });

  it('is created with exactly these webPreferences: isolated, sandboxed, no Node, no middle-click windows', () => {
    // Spelled out rather than compared with hardenedWebPreferences(): weakening any one of them
    // in main/security.ts must fail here (electronegativity cannot see through that function).
    const window = open();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
    });
  });

  it('never hands a URL to the system browser', async () => {
    const window = open();
    const { shell } = await import('electron');
    for (const url of ['https://example.org/?q=Amal%20Testdatter', 'http://example.org/', 'mailto:x@example.org']) {
      expect(window.webContents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('may not navigate away, redirect, attach webviews or open windows', () => {
    const window = open();
    const contents = window.webContents;
    const prevented = (name: string, ...args: unknown[]) => {
      const event = { defaultPrevented: false, preventDefault() {
        this.defaultPrevented = true;
      } };
      contents.emit(name, event, ...args);
      return event.defaultPrevented;
    };
    expect(prevented('will-navigate', 'https://example.org/')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-navigate', 'data:text/html,<p>x</p>')).toBe(true);
    expect(prevented('will-navigate', 'app://briefcase/index.html')).toBe(false);
    expect(prevented('will-redirect', 'app://briefcase/other')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://briefcase/index.html' })).toEqual({ action: 'deny' });
  });

  it('serves every app:// response with exactly this CSP, the same policy as the page declares', async () => {
    serveRenderer('/app/out/renderer');
    const response = await electron.protocolHandler.current!({ url: 'app://briefcase/assets/index.js' });
    const header = response.headers.get('Content-Security-Policy');
    expect(header).toBe(
      "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'",
    );
    // A <meta> CSP cannot carry frame-ancestors; every other directive is the same in the page.
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(header!.replace("; frame-ancestors 'none'", ''));
  });

  it('serves app:// with the CSP header and refuses paths outside the renderer', async () => {
    serveRenderer('/app/out/renderer');
    const response = await electron.protocolHandler.current!({ url: 'app://briefcase/index.html' });
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await electron.protocolHandler.current!({ url: 'app://other/index.html' })).status).toBe(404);
  });

  it('refuses permissions and every request that is not the app', () => {
    lockDownSession(undefined);
    const answers: boolean[] = [];
    electron.session.handlers.permissionRequest!(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(electron.session.handlers.permissionCheck!()).toBe(false);
    const cancelled = (url: string) => {
      let cancel: boolean | undefined;
      electron.session.handlers.beforeRequest!({ url }, (result) => (cancel = result.cancel));
      return cancel;
    };
    expect(cancelled('https://example.org/')).toBe(true);
    expect(cancelled('app://briefcase/assets/index.js')).toBe(false);
  });
});

describe('closing the window', () => {
  it('asks the renderer to flush and closes on its answer', () => {
    const window = open();
    window.close();
    expect(window.webContents.sent).toEqual([[FLUSH_REQUEST_CHANNEL, { requestId: 1 }]]);
    expect(window.closed).toBe(1);
    flushDone(window, { requestId: 1, allSaved: true });
    return vi.waitFor(() => expect(window.closed).toBe(2));
  });

  it('takes answers only from its own app frame, and lets go of the channel when closed', async () => {
    const window = open();
    window.close();
    flushDone(window, { requestId: 1, allSaved: true }, 'https://evil.example/');
    for (const listener of electron.ipcListeners.get(FLUSH_DONE_CHANNEL) ?? []) {
      listener({ sender: {}, senderFrame: { url: 'app://briefcase/index.html', parent: null } }, { requestId: 1, allSaved: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(window.closed).toBe(1);
    flushDone(window, { requestId: 1, allSaved: true });
    await vi.waitFor(() => expect(window.closed).toBe(2));
    expect(electron.ipcListeners.get(FLUSH_DONE_CHANNEL)?.size ?? 0).toBe(0);
  });

  it('asks with the native dialog when saves failed; "Stay" (the default) keeps the window', async () => {
    const window = open();
    window.close();
    electron.dialogAnswer.response = 0;
    flushDone(window, { requestId: 1, allSaved: false });
    const { dialog } = await import('electron');
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    const call = vi.mocked(dialog.showMessageBox).mock.calls.at(-1) as unknown[];
    expect(call[1]).toMatchObject({ buttons: ['Stay', 'Close anyway'], defaultId: 0, cancelId: 0 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(window.closed).toBe(1);
  });
});

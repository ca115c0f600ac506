// The one BrowserWindow and the session rules around it. Hardened from day one: the renderer is
// sandboxed and isolated, loads only from app://, may not navigate, open windows, ask for
// permissions or reach the network. Closing it first saves what was typed (close-guard.ts).
import { BrowserWindow, dialog, ipcMain, net, protocol, session, type IpcMainEvent, type Rectangle } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FLUSH_DONE_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../preload/contract';
import { createCloseGuard, type CloseDialogTexts } from './close-guard';
import { DEFAULT_SIZE, MIN_SIZE, type InitialBounds } from './window-state';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenedWebPreferences,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  resolveAppFile,
} from './security';

/** Must run before app 'ready': app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}


/** Serve the built renderer from app://briefcase/, with the CSP as a real response header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const file = resolveAppFile(request.url, rendererDir, join);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

export function lockDownSession(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) });
  });
  ses.setSpellCheckerDictionaryDownloadURL('https://0.0.0.0/');
}

export interface MainWindowOptions {
  preloadPath: string;
  devServerUrl: string | undefined;
  /** The "Close anyway / Stay" dialog's words, in the app's language at the time of closing. */
  closeDialogTexts: () => CloseDialogTexts;
  /** Size and place to open with (main/window-state.ts); the default size, centred, without it. */
  bounds?: () => InitialBounds;
  /** Told the normal (unmaximised) bounds when the window closes, to open there next time. */
  saveBounds?: (bounds: Rectangle, maximized: boolean) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { maximized, ...bounds } = options.bounds?.() ?? { ...DEFAULT_SIZE, maximized: false };
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Briefcase',
    webPreferences: hardenedWebPreferences(options.preloadPath),
  });
  const contents = window.webContents;
  const startUrl = options.devServerUrl ?? `${APP_ORIGIN}/index.html`;

  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No new windows, and no hand-off to the system browser either: a URL is data the renderer
  // chose, and opening it would carry whatever it holds (a client's name in a query) to the
  // network. Source URLs are shown as text for the lawyer to copy.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
  });
  // 'close' comes before the close guard decides, so a "Stay" saves too: harmless, it is where it is.
  window.on('close', () => options.saveBounds?.(window.getNormalBounds(), window.isMaximized()));
  guardClose(window, options);
  void window.loadURL(startUrl);
  return window;
}

/** Holds the first 'close' until the renderer has saved what is pending (see close-guard.ts). */
function guardClose(window: BrowserWindow, options: MainWindowOptions): void {
  const contents = window.webContents;
  const guard = createCloseGuard({
    rendererAlive: () => !contents.isDestroyed() && !contents.isCrashed(),
    requestFlush: (requestId) => contents.send(FLUSH_REQUEST_CHANNEL, { requestId }),
    confirmCloseAnyway: async () => {
      const texts = options.closeDialogTexts();
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        title: texts.title,
        message: texts.title,
        detail: texts.body,
        // The safe choice first, and the default for Enter and Escape.
        buttons: [texts.stay, texts.closeAnyway],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      return response === 1;
    },
    close: () => {
      if (!window.isDestroyed()) window.close();
    },
    onTimeout: () => console.error('[briefcase] the window did not confirm its saves in time; closing'),
  });
  // Answers only from this window's own top-level app frame.
  const onFlushDone = (event: IpcMainEvent, payload: unknown) => {
    const frame = event.senderFrame;
    if (event.sender !== contents || !frame || !isTrustedSender({ url: frame.url, isMainFrame: frame.parent === null }, options.devServerUrl)) return;
    guard.onFlushDone(payload);
  };
  ipcMain.on(FLUSH_DONE_CHANNEL, onFlushDone);
  window.on('close', (event) => guard.onClose(event));
  window.once('closed', () => ipcMain.off(FLUSH_DONE_CHANNEL, onFlushDone));
}

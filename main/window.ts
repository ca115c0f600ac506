// The one BrowserWindow and the session rules around it. Hardened from day one: the renderer is
// sandboxed and isolated, loads only from app://, may not navigate, open windows, ask for
// permissions or reach the network.
import { BrowserWindow, net, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  hardenedWebPreferences,
  isAllowedRequest,
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

export function createMainWindow(options: { preloadPath: string; devServerUrl: string | undefined }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Briefcase',
    webPreferences: hardenedWebPreferences(options.preloadPath),
  });
  const contents = window.webContents;
  const startUrl = options.devServerUrl ?? `${APP_ORIGIN}/index.html`;

  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== new URL(startUrl).origin) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link a lawyer clicks (e.g. a source's URL in a later issue) opens in the system browser
    // only if it is https; the app itself never opens windows.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(startUrl);
  return window;
}

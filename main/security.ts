// The security rules of the Electron layer, kept free of Electron imports (types aside) so they
// can be unit-tested: which frames may call the core, which requests may leave the renderer, the
// CSP, how app:// URLs map to files, and the window's webPreferences.
import type { WebPreferences } from 'electron';

//
// Only the app's own top-level frame, loaded from the app:// origin (or, in `electron-vite dev`,
// from the dev server's loopback origin) may call; an iframe, a navigated-away page or a page
// from anywhere else gets FORBIDDEN.
export const APP_ORIGIN = 'app://briefcase';

export function isTrustedSender(
  frame: { url: string; isMainFrame: boolean },
  devServerUrl: string | undefined,
): boolean {
  if (!frame.isMainFrame) return false;
  let origin: string;
  try {
    origin = new URL(frame.url).origin;
  } catch {
    return false;
  }
  // URL gives "null" as the origin of non-special schemes; compare scheme + host instead.
  const url = new URL(frame.url);
  if (`${url.protocol}//${url.host}` === APP_ORIGIN) return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1');
  }
  return false;
}

/**
 * Where the window may navigate: only within the app (or, in dev, the dev server's origin).
 * Compared by scheme and host: URL gives every non-special scheme (app:, file:, data:) the origin
 * "null", so comparing origins would let a file: or data: URL through as "the same".
 */
export function isAllowedNavigation(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return parsed.protocol === dev.protocol && parsed.host === dev.host && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1');
  }
  return false;
}

/** Requests the renderer may make: its own files, and in dev the dev server. Everything else is blocked. */
export function isAllowedRequest(url: string, devServerUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    const sameHost = parsed.hostname === dev.hostname && parsed.port === dev.port;
    return sameHost && ['http:', 'ws:'].includes(parsed.protocol);
  }
  return false;
}

/** The Content-Security-Policy every app:// response carries (the renderer's <meta> says the same). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The in-app PDF preview runs pdf.js in a worker: the file Vite bundles with the app, so 'self'
  // (what worker-src would fall back to anyway, said here so nobody widens it to blob: or data:).
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Map an app:// URL to a file under the renderer folder, refusing anything that escapes it. */
export function resolveAppFile(url: string, rendererDir: string, join: (...parts: string[]) => string): string | null {
  const parsed = new URL(url);
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const segments = pathname.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment.includes('\\') || segment.includes('\0'))) return null;
  return join(rendererDir, ...segments);
}

export const hardenedWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
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
  // A middle-click on a link would ask for a new window (refused by the window-open handler
  // anyway): switched off at the source, as electronegativity's AUXCLICK check recommends.
  disableBlinkFeatures: 'Auxclick',
  // Chromium's spellchecker downloads dictionaries from the network: off, the app is offline.
  spellcheck: false,
  safeDialogs: true,
});

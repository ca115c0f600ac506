// The Electron layer's security rules (main/security.ts), tested without Electron.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenedWebPreferences,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  resolveAppFile,
} from '../../../main/security';
import { readFileSync } from 'node:fs';

describe('window security', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(hardenedWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('has a CSP without remote origins, eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it("lets the PDF preview's worker start from the app's own files only", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/blob:|wasm-unsafe-eval/);
  });

  it('the renderer page declares the same CSP', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(meta).toContain("script-src 'self'");
    expect(meta).toContain("worker-src 'self'");
  });
});

describe('IPC sender check', () => {
  it('trusts only the app origin top frame', () => {
    expect(isTrustedSender({ url: 'app://briefcase/index.html', isMainFrame: true }, undefined)).toBe(true);
    expect(isTrustedSender({ url: 'app://briefcase/index.html', isMainFrame: false }, undefined)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, undefined)).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true }, undefined)).toBe(false);
    expect(isTrustedSender({ url: 'app://briefcase.evil/', isMainFrame: true }, undefined)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true }, undefined)).toBe(false);
  });

  it('trusts the dev server only when one is running, and only on loopback', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, undefined)).toBe(false);
    expect(isTrustedSender({ url: 'http://10.0.0.5:5173/', isMainFrame: true }, 'http://10.0.0.5:5173')).toBe(false);
  });
});

describe('network', () => {
  it('blocks every request that is not the app itself', () => {
    expect(isAllowedRequest('app://briefcase/assets/index.js', undefined)).toBe(true);
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'wss://x.example/', 'file:///etc/hosts', 'ftp://x/']) {
      expect(isAllowedRequest(url, undefined), url).toBe(false);
    }
  });
});

describe('navigation', () => {
  it('stays inside the app', () => {
    expect(isAllowedNavigation('app://briefcase/index.html', undefined)).toBe(true);
    // Every non-special scheme has the origin "null": none of these is "the same origin" as app://.
    for (const url of ['file:///etc/passwd', 'data:text/html,<p>x</p>', 'app://other/index.html', 'https://example.org/', 'javascript:alert(1)', 'nonsense']) {
      expect(isAllowedNavigation(url, undefined), url).toBe(false);
    }
  });
  it('allows the dev server only when one is running, and only on loopback', () => {
    expect(isAllowedNavigation('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedNavigation('http://10.0.0.5:5173/', 'http://10.0.0.5:5173')).toBe(false);
  });
});

describe('app:// files', () => {
  const root = '/app/out/renderer';
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile('app://briefcase/', root, join)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://briefcase/assets/a.js', root, join)).toBe(join(root, 'assets', 'a.js'));
  });
  it('refuses to leave it', () => {
    // The URL parser resolves dot segments against the root itself: the result stays inside.
    expect(resolveAppFile('app://briefcase/%2e%2e/%2e%2e/main/index.js', root, join)).toBe(join(root, 'main', 'index.js'));
    expect(resolveAppFile('app://briefcase/..%2f..%2fsecret', root, join)).toBeNull();
    expect(resolveAppFile('app://other/index.html', root, join)).toBeNull();
  });
});

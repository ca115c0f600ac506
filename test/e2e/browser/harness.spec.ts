// The harness itself: the bridge has the preload's exact shape, the API needs the run's token, a
// foreign Host or Origin is refused, the CSP is sent and enforced, files outside out/renderer
// are not served.
import { request as httpRequest } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../../main/security';
import { methodNames } from '../../../preload/contract';
import { expect, openApp, test } from './fixtures';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (fetch would not let us set Host). */
function raw(url: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) {
  const target = new URL(url);
  return new Promise<RawResponse>((resolve, reject) => {
    const request = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        agent: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const statusCall = JSON.stringify({ method: 'vault.status', input: {} });

test('window.briefcase has exactly the methods of the contract', async ({ page, harness }) => {
  await openApp(page, harness);
  const shape = await page.evaluate(() => {
    const api = window.briefcase as unknown as Record<string, Record<string, unknown>>;
    return Object.entries(api).flatMap(([group, methods]) =>
      Object.entries(methods).map(([name, fn]) => `${group}.${name}:${typeof fn}`),
    );
  });
  expect(shape.sort()).toEqual(methodNames.map((name) => `${name}:function`).sort());
  const status = await page.evaluate(() => window.briefcase!.vault.status());
  expect(status).toMatchObject({ ok: true, value: { state: 'locked', exists: false } });
});

test('the API refuses calls without the token, from another Host or another Origin', async ({ harness }) => {
  const host = `127.0.0.1:${harness.port}`;
  const json = { 'Content-Type': 'application/json', Host: host };
  expect(new URL(harness.url).hostname).toBe('127.0.0.1');

  const noToken = await raw(harness.url, { method: 'POST', path: '/__api', headers: json, body: statusCall });
  expect(noToken.status).toBe(403);
  expect(noToken.body).not.toContain('locked');

  const wrongToken = await raw(harness.url, {
    method: 'POST',
    path: '/__api',
    headers: { ...json, Authorization: 'Bearer not-the-token' },
    body: statusCall,
  });
  expect(wrongToken.status).toBe(403);

  // DNS rebinding: a page on evil.example resolved to 127.0.0.1 sends its own Host.
  const rebound = await raw(harness.url, { path: '/', headers: { Host: `evil.example:${harness.port}` } });
  expect(rebound.status).toBe(403);
  const localhost = await raw(harness.url, { path: '/', headers: { Host: `localhost:${harness.port}` } });
  expect(localhost.status).toBe(403);

  const crossOrigin = await raw(harness.url, {
    method: 'POST',
    path: '/__api',
    headers: { ...json, Origin: 'http://evil.example' },
    body: statusCall,
  });
  expect(crossOrigin.status).toBe(403);

  const get = await raw(harness.url, { path: '/__api', headers: { Host: host } });
  expect(get.status).toBe(405);
});

test('static files: the CSP header, nothing outside out/renderer', async ({ harness }) => {
  const host = { Host: `127.0.0.1:${harness.port}` };
  const index = await raw(harness.url, { path: '/', headers: host });
  expect(index.status).toBe(200);
  expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(index.headers['x-content-type-options']).toBe('nosniff');
  expect(index.body).toContain('<div id="root">');

  for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..%5cpackage.json']) {
    const escaped = await raw(harness.url, { path, headers: host });
    expect(escaped.status, path).toBe(404);
  }
});

test('the page enforces the CSP: an inline script does not run', async ({ page, harness, pageErrors }) => {
  await openApp(page, harness);
  const result = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, directive: await violation };
  });
  expect(result).toEqual({ ran: false, directive: expect.stringMatching(/^script-src/) });
  // The console error for this deliberate violation is expected; nothing else may be there.
  const unexpected = pageErrors.filter((text) => !/Content Security Policy/i.test(text));
  expect(unexpected).toEqual([]);
  pageErrors.length = 0;
});

// The end-to-end test harness: the SAME handler table as Electron's IPC and the CLI (createApi),
// served over HTTP on 127.0.0.1 so the real renderer can run in a plain Chromium.
//
// Guarded like a local service that holds client data, even though it only ever sees fictional
// test data: loopback only; every API call needs the per-run bearer token; a Host other than
// 127.0.0.1:<port> is refused (DNS rebinding); a cross-origin Origin is refused; request bodies
// are never logged.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { createApi, type Api } from '../../main/core/api';
import { BriefcaseError } from '../../main/core/errors';
import { callFromRenderer } from '../../main/ipc-handler';
import type { Envelope } from '../../preload/contract';
import { API_PATH } from './protocol';
import { readStaticFile, resolveStaticFile } from './static';

export { API_PATH };
// An attachment chunk (1 MiB) as base64 in JSON is about 1.4 MB; leave room for the envelope.
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * scrypt cost for the harness only: N=2^14, r=8 derives a key in ~30 ms instead of ~0.4 s, so
 * the end-to-end suite stays fast. Production (the app, the CLI) keeps the default in kdf.ts.
 */
export const HARNESS_KDF_COST = { N: 2 ** 14, r: 8, p: 1 } as const;

export interface HarnessOptions {
  dataDir: string;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  version: string;
}

export interface Harness {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = randomBytes(32).toString('base64url');
  const expectedAuth = Buffer.from(`Bearer ${token}`);
  const api: Api = createApi({
    dataDir: options.dataDir,
    version: options.version,
    kdfCost: HARNESS_KDF_COST,
    // The idle lock's minute, shortened by an end-to-end test (idle-lock.spec.ts); the app never reads this.
    ...idleMinuteFromEnv(process.env.BRIEFCASE_IDLE_MINUTE_MS),
    // Only the method and the error's class, as in the app: messages can hold client data.
    onInternalError: (method, kind) => process.stderr.write(`[harness] internal error in ${method}: ${kind}\n`),
  });

  let port = options.port;
  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== `127.0.0.1:${port}`) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden host');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === API_PATH) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'POST' });
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}`) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden origin');
      if (!authorised(request.headers.authorization)) return send(response, 403, 'text/plain; charset=utf-8', 'Forbidden');
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(response, 415, 'text/plain; charset=utf-8', 'Unsupported media type');
      }
      const body = await readBody(request);
      if (body === null) return send(response, 413, 'text/plain; charset=utf-8', 'Payload too large');
      return sendJson(response, await dispatch(body));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const file = await resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    const { body, type } = await readStaticFile(file);
    return send(response, 200, type, request.method === 'HEAD' ? '' : body, { 'Content-Length': String(body.length) });
  }

  function authorised(header: string | undefined): boolean {
    if (!header) return false;
    const given = Buffer.from(header);
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  }

  async function dispatch(body: string): Promise<Envelope<unknown>> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ok: false, error: new BriefcaseError('INVALID_INPUT').toApiError() };
    }
    const { method, input } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as { method?: unknown; input?: unknown };
    // Exactly what main/ipc.ts does once the sender is trusted (path-taking methods refused).
    return callFromRenderer(api, method, input);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port, exclusive: true }, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    port,
    close() {
      closing ??= new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }).finally(() => api.close());
      return closing;
    },
  };
}

/** BRIEFCASE_IDLE_MINUTE_MS as ApiContext.idleMinuteMs when it is a sane number; otherwise a real minute. */
function idleMinuteFromEnv(value: string | undefined): { idleMinuteMs?: number } {
  const ms = Number(value);
  return value && Number.isInteger(ms) && ms >= 100 ? { idleMinuteMs: ms } : {};
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  response.end(body);
}

function sendJson(response: ServerResponse, envelope: Envelope<unknown>): void {
  send(response, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
}

/** The body as text, or null when it is larger than MAX_BODY_BYTES. Never logged. */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

// Runs the test harness as a process:
//
//   npx tsx test/harness/server.ts --data-dir DIR [--port N] [--renderer-dir out/renderer] [--exit-with-stdin]
//
// Prints one JSON line {"url","token"} on stdout once listening, and nothing else there. Exits 0
// on SIGTERM or SIGINT after closing the server and locking the vault. See app.ts for the rules.
// Send signals to the server itself (or tsx, which relays them), not to an npx wrapper: npm exec
// does not pass SIGTERM on. test/harness/process.ts runs `node --import tsx` directly.
// --exit-with-stdin: also stop when stdin closes, so a harness never outlives a crashed parent.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHarness } from './app';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'renderer-dir': { type: 'string', default: resolve(repoRoot, 'out', 'renderer') },
      'exit-with-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const dataDir = values['data-dir'];
  const port = Number(values.port);
  if (!dataDir || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('usage: server.ts --data-dir DIR [--port N] [--renderer-dir DIR]\n');
    process.exit(2);
  }
  const rendererDir = resolve(values['renderer-dir']);
  try {
    readFileSync(resolve(rendererDir, 'index.html'));
  } catch {
    process.stderr.write(`[harness] no built renderer at ${rendererDir}: run "npx electron-vite build" first\n`);
    process.exit(2);
  }
  const { version } = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string };

  const harness = await startHarness({ dataDir: resolve(dataDir), rendererDir, port, version });
  process.stdout.write(`${JSON.stringify({ url: harness.url, token: harness.token })}\n`);

  const stop = () => {
    void harness.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (values['exit-with-stdin']) {
    process.stdin.once('close', stop);
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  // The class and code only (EADDRINUSE and the like); a message could name a path with data.
  const code = (error as { code?: unknown }).code;
  process.stderr.write(`[harness] failed to start: ${error instanceof Error ? error.name : typeof error}${code ? ` ${String(code)}` : ''}\n`);
  process.exit(1);
});

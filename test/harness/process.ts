// Starts the harness as a child process (node --import tsx, so the child IS the server and a
// signal reaches it directly, unlike through npx) and reads its {"url","token"} line.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { currentRunFolder } from '../e2e/leaks/run-folder';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;

export interface HarnessProcess {
  url: string;
  token: string;
  port: number;
  child: ChildProcess;
  /** Send a signal and wait for the exit; resolves with the exit code (null if killed by a signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnHarness(options: { dataDir: string; port?: number }): Promise<HarnessProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/harness/server.ts',
      '--data-dir',
      options.dataDir,
      '--port',
      String(options.port ?? 0),
      // If this process dies, the pipe closes and the harness stops: no orphans holding ports.
      '--exit-with-stdin',
    ],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test' } },
  );
  // In an end-to-end run, everything the harness prints is kept for the leak scan (test/e2e/leaks).
  const run = currentRunFolder();
  if (run) {
    child.stdout?.pipe(createWriteStream(join(run.logs, `harness-${child.pid}.stdout.log`), { flags: 'a' }));
    child.stderr?.pipe(createWriteStream(join(run.logs, `harness-${child.pid}.stderr.log`), { flags: 'a' }));
  }
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`harness did not start within ${STARTUP_TIMEOUT_MS} ms\n${stderr}`));
    }, STARTUP_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as { url: string; token: string });
      } catch {
        reject(new Error(`harness printed an unexpected first line\n${stderr}`));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code} before listening\n${stderr}`));
    });
  });

  return {
    ...ready,
    port: Number(new URL(ready.url).port),
    child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

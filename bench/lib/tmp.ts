// Temporary folders for bench vaults, removed afterwards (also on Ctrl-C). BENCH_DIR chooses where
// they are made, e.g. to measure on a particular disk; the default is the OS temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

export function benchRoot(): string {
  return process.env.BENCH_DIR ?? tmpdir();
}

export function makeTempDir(label: string): string {
  const dir = mkdtempSync(join(benchRoot(), `briefcase-bench-${label}-`));
  made.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  made.delete(dir);
}

export function removeAllTempDirs(): void {
  for (const dir of [...made]) removeTempDir(dir);
}

/** Remove leftovers if the run is interrupted. Open SQLite handles die with the process. */
export function cleanUpOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      removeAllTempDirs();
      process.exit(130);
    });
  }
  process.once('exit', removeAllTempDirs);
}

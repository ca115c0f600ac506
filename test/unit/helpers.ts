// Shared test helpers: temporary folders and a cheap KDF (the real cost is measured in bench/).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export const FAST_KDF = { N: 2 ** 12, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefcase-test-'));
  made.push(dir);
  return dir;
}

/** SHA-256 of each file that exists, so a test can say "byte-for-byte unchanged". */
export function fingerprint(...paths: string[]): Record<string, string | null> {
  return Object.fromEntries(
    paths.map((path) => [path, existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null]),
  );
}

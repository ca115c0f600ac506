// Failed unlocks happen while the vault is locked, so they cannot go into its log yet. Each one is
// appended to a small plaintext file next to the vault (its time, the seat's user and a random id:
// no content, nothing about a case) and moved into the log at the next successful unlock, in the
// same transaction as the unlock's own entry; the file is deleted after that commits. A crash in
// between leaves the file: its ids are already in the log, so the next unlock skips them instead
// of recording them twice. The file is input like any other: lines that are not well-formed are
// ignored, and only so much of it is read.
import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, openSync, readSync, rmSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../vault/sqlite';
import { appendEntry } from './log';

const MAX_BYTES = 1024 * 1024;

const Attempt = z
  .object({ id: z.uuid(), at: z.iso.datetime(), actor: z.string().max(200), method: z.string().regex(/^[a-z]+\.[A-Za-z]+$/).max(60) })
  .strict();
type Attempt = z.infer<typeof Attempt>;

export const failedUnlocksPath = (vaultPath: string) => `${vaultPath}.failed-unlocks`;

export function noteFailedUnlock(vaultPath: string, actor: string, method: string, at = new Date().toISOString()): void {
  const attempt: Attempt = { id: randomUUID(), at, actor: actor.slice(0, 200), method };
  appendFileSync(failedUnlocksPath(vaultPath), `${JSON.stringify(attempt)}\n`, { encoding: 'utf8', mode: 0o600 });
}

function readAttempts(path: string): Attempt[] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return [];
  }
  const buffer = Buffer.alloc(MAX_BYTES);
  let length: number;
  try {
    length = readSync(fd, buffer, 0, MAX_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const attempts: Attempt[] = [];
  for (const line of buffer.subarray(0, length).toString('utf8').split('\n')) {
    try {
      const parsed = Attempt.safeParse(JSON.parse(line));
      if (parsed.success) attempts.push(parsed.data);
    } catch {
      // Not JSON (a torn last line, an edit): not an attempt.
    }
  }
  return attempts;
}

/** Moves the noted attempts into the log; call inside the unlock entry's transaction. */
export function absorbFailedUnlocks(db: Db, vaultPath: string): number {
  const known = db.prepare("SELECT 1 FROM audit_log WHERE action = 'failed_unlock' AND ids = ? LIMIT 1");
  let added = 0;
  for (const attempt of readAttempts(failedUnlocksPath(vaultPath))) {
    const ids = [attempt.id];
    if (known.get(JSON.stringify(ids))) continue;
    appendEntry(db, { at: attempt.at, actor: attempt.actor, action: 'failed_unlock', method: attempt.method, ids, fields: [] });
    added += 1;
  }
  return added;
}

/** After the unlock's transaction has committed. */
export function removeFailedUnlocks(vaultPath: string): void {
  rmSync(failedUnlocksPath(vaultPath), { force: true });
}

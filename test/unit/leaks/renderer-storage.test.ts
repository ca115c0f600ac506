// The renderer keeps client data in memory only: it uses none of the browser's stores that
// Chromium writes to disk (in Electron, inside the data folder): localStorage, IndexedDB, the
// Cache API, cookies, service workers. sessionStorage (which Chromium also writes, for session
// restore) carries only the lock notice across the reload after a lock (idleLock.ts: a reason and
// a number of minutes, no client data).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const using = (pattern: RegExp) => sources('renderer/src').filter((file) => pattern.test(readFileSync(file, 'utf8')));

describe('renderer storage', () => {
  it('never uses localStorage, IndexedDB, the Cache API, cookies or a service worker', () => {
    expect(using(/\blocalStorage\b|\bindexedDB\b|\bcaches\.|document\.cookie|serviceWorker|openDatabase/)).toEqual([]);
  });

  it('uses sessionStorage only for the lock notice, which holds no client data', () => {
    expect(using(/\bsessionStorage\b/)).toEqual([join('renderer', 'src', 'app', 'idleLock.ts')]);
    const source = readFileSync('renderer/src/app/idleLock.ts', 'utf8');
    expect(source).toMatch(/export type LockNotice = \{ reason: 'idle'; minutes: number \} \| \{ reason: 'locked' \};/);
    expect([...source.matchAll(/sessionStorage\.setItem\((.*)\);/g)].map((match) => match[1])).toEqual(['NOTICE_KEY, JSON.stringify(notice)']);
  });
});

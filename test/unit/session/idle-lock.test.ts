// The idle lock, through the api as the renderer calls it: the vault locks after the clinic's idle
// time without activity, activity (session.activity or any call that is not a background poll)
// postpones it, a new idle time re-arms it, and a lock is the Lock button's lock. Fake timers: a
// "minute" here is a real 60 000 ms of the fake clock.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi, type Api } from '../../../main/core/api';
import { openedDir } from '../../../main/core/attachments/open';
import type { VaultStatus } from '../../../preload/contract';
import { apiCalls, type ApiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

const MINUTE = 60_000;

let api: Api;
let calls: ApiCalls;
let dataDir: string;

async function state(): Promise<VaultStatus['state']> {
  return (await calls.ok<VaultStatus>('vault.status', {})).state;
}

beforeEach(async () => {
  // Only the clock is faked: key derivation and file I/O run for real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  dataDir = tempDir();
  api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF, platform: { openPath: async () => undefined } });
  calls = apiCalls(api);
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
});

afterEach(() => {
  api.close();
  vi.useRealTimers();
});

describe('idle lock', () => {
  it('locks the vault after the default 10 minutes without activity, not before', async () => {
    expect((await calls.ok<{ idleMinutes: number }>('settings.get', {})).idleMinutes).toBe(10);
    await vi.advanceTimersByTimeAsync(10 * MINUTE - 1_000);
    expect(await state()).toBe('unlocked');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await state()).toBe('locked');
    expect(api.vault.isUnlocked).toBe(false);
    expect((await calls.failure('cases.list', {})).code).toBe('VAULT_LOCKED');
  });

  it('is postponed by session.activity, which reports the time left', async () => {
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(await calls.ok('session.activity', {})).toEqual({ lockInMs: 10 * MINUTE });
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(await state()).toBe('unlocked');
    expect(await calls.ok('session.activity', {})).toEqual({ lockInMs: 10 * MINUTE });
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(await state()).toBe('locked');
  });

  it('is postponed by any call the person makes, but not by a vault.status poll', async () => {
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    await calls.ok('cases.create', { clientName: 'Amal Testdatter' });
    // The renderer polls vault.status every 5 s while unlocked: that is not the person at work.
    for (let t = 0; t < 9 * MINUTE; t += 5_000) {
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await state()).toBe('unlocked');
    }
    for (let t = 0; t < MINUTE; t += 5_000) await vi.advanceTimersByTimeAsync(5_000);
    expect(await state()).toBe('locked');
  });

  it('re-arms with a new idle time when the clinic changes it, and keeps it for the next unlock', async () => {
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(await calls.ok('settings.update', { idleMinutes: 2 })).toMatchObject({ idleMinutes: 2 });
    expect(await calls.ok('session.activity', {})).toEqual({ lockInMs: 2 * MINUTE });
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(await state()).toBe('locked');

    await calls.ok('vault.unlock', { passphrase: PASSPHRASE });
    await vi.advanceTimersByTimeAsync(2 * MINUTE - 1_000);
    expect(await state()).toBe('unlocked');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await state()).toBe('locked');
  });

  it('removes decrypted copies in flight when it locks, as the Lock button does', async () => {
    const { id: caseId } = await calls.ok<{ id: string }>('cases.create', { clientName: 'Samir Fiktiv' });
    const source = join(dataDir, 'notes.txt');
    writeFileSync(source, 'Fiktive noter.');
    const attachment = await calls.ok<{ id: string }>('attachments.addFromPath', { caseId, path: source });
    await calls.ok('attachments.open', { id: attachment.id });
    expect(existsSync(openedDir(dataDir))).toBe(true);

    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(await state()).toBe('locked');
    expect(existsSync(openedDir(dataDir))).toBe(false);
  });

  it('does not run while the vault is locked, and starts afresh at the next unlock', async () => {
    await calls.ok('vault.lock', {});
    expect(vi.getTimerCount()).toBe(0);
    expect(await calls.ok('session.activity', {})).toEqual({ lockInMs: null });
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(await state()).toBe('locked');

    await calls.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await calls.ok('session.activity', {})).toEqual({ lockInMs: 10 * MINUTE });
  });
});

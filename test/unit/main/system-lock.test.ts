// Suspend and screen lock (Electron's powerMonitor, faked with an EventEmitter): the vault is
// locked, then the window is reloaded so it holds nothing decrypted; the reload happens even when
// the lock fails.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { lockOnSystemEvents } from '../../../main/system-lock';
import type { VaultStatus } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

describe('lock on suspend and screen lock', () => {
  it('locks the vault on suspend and on screen lock, then reloads the window', async () => {
    for (const event of ['suspend', 'lock-screen'] as const) {
      const api = createApi({ dataDir: tempDir(), version: '0.0.0-test', kdfCost: FAST_KDF });
      const calls = apiCalls(api);
      await calls.ok('vault.create', { passphrase: PASSPHRASE });
      const power = new EventEmitter();
      const order: string[] = [];
      let reloaded!: () => void;
      const reload = new Promise<void>((resolve) => (reloaded = resolve));
      lockOnSystemEvents(
        power,
        async () => {
          await api.lock();
          order.push(`lock:${api.vault.isUnlocked ? 'unlocked' : 'locked'}`);
        },
        () => {
          order.push('reload');
          reloaded();
        },
      );

      power.emit(event);
      await reload;
      expect(order, event).toEqual(['lock:locked', 'reload']);
      expect((await calls.ok<VaultStatus>('vault.status', {})).state, event).toBe('locked');
      api.close();
    }
  });

  it('reloads the window even when the lock failed', async () => {
    const power = new EventEmitter();
    let reloads = 0;
    let reloaded!: () => void;
    const reload = new Promise<void>((resolve) => (reloaded = resolve));
    lockOnSystemEvents(
      power,
      () => Promise.reject(new Error('the database would not close')),
      () => {
        reloads += 1;
        reloaded();
      },
    );
    power.emit('suspend');
    await reload;
    expect(reloads).toBe(1);
  });
});

// A lock from outside a call (the idle clock's expiry, the system suspending or its screen
// locking: all call api.lock) stops a running export at once and leaves no file of it behind.
// Real timers: the export runs on a worker thread.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress, VaultStatus } from '../../../preload/contract';
import { clinic } from '../exchange/clinics';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
}

describe('lock from outside a call', () => {
  it('cancels a running export, removes its file and locks the vault', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const { id: caseId } = await a.ok<{ id: string }>('cases.create', { clientName: 'Amal Testdatter' });
    const big = join(a.dir, 'notes.txt');
    writeFileSync(big, 'Fiktive noter til sagen. '.repeat(2_000_000)); // ~50 MB of text
    await a.ok('attachments.addFromPath', { caseId, path: big });
    const jobId = '44444444-4444-4444-8444-444444444444';
    const running = a.api.call('exchange.export', { caseIds: [caseId], to: { kind: 'passphrase', passphrase: 'a passphrase of some length' }, jobId });
    for (let i = 0; i < 10_000; i += 1) {
      const progress = await a.ok<JobProgress>('exchange.progress', { jobId });
      if (progress.state === 'running' && progress.done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(filesUnder(join(a.dir, 'exports')).length).toBeGreaterThan(0); // the export's file is being written

    await a.api.lock();
    const envelope = await running;
    expect(envelope.ok ? 'ok' : envelope.error.code).toBe('CANCELLED');
    expect((await a.ok<VaultStatus>('vault.status', {})).state).toBe('locked');
    expect(filesUnder(join(a.dir, 'exports'))).toEqual([]);
  }, 60_000);
});

// Measures the erasure on an encrypted vault holding 50 MB of one client's attachments, and what
// a VACUUM afterwards would add (docs/security.md quotes the figures).
// Run: npx tsx test/unit/gdpr/measure-erase.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../../main/core/api';
import { eraseCase } from '../../../main/core/gdpr/erase';
import { ERASED_REFERENCE, addAmalCase, addKeptCase, loadLibrary, randomText } from './fixture';

const MB = 1024 * 1024;

async function once(vacuum: boolean, keptMB: number): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'briefcase-erase-measure-'));
  try {
    const api = createApi({ dataDir: dir, version: 'measure', kdfCost: { N: 2 ** 12, r: 8, p: 1 } });
    const created = await api.call('vault.create', { passphrase: 'measure only, fictional data' });
    if (!created.ok) throw new Error('vault.create');
    const db = api.vault.db;
    const path = api.vault.path!;
    loadLibrary(db);
    // Five attachments of 10 MB each.
    const first = await addAmalCase(db, dir, { extraAttachmentBytes: 10 * MB, generate: true });
    for (let i = 1; i < 5; i += 1) {
      const { addFromPath } = await import('../../../main/core/attachments/service');
      const { writeFileSync } = await import('node:fs');
      const file = join(dir, `notes-${i}.txt`);
      writeFileSync(file, randomText(10 * MB));
      await addFromPath(db, { caseId: first.caseId, path: file });
      rmSync(file);
    }
    // Another client's 50 MB stays: what a VACUUM has to rewrite.
    if (keptMB > 0) {
      const { addFromPath } = await import('../../../main/core/attachments/service');
      const { writeFileSync } = await import('node:fs');
      const kept = addKeptCase(db);
      for (let i = 0; i < keptMB / 10; i += 1) {
        const file = join(dir, `kept-${i}.txt`);
        writeFileSync(file, randomText(10 * MB));
        await addFromPath(db, { caseId: kept, path: file });
        rmSync(file);
      }
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeBefore = statSync(path).size;
    const t0 = performance.now();
    const result = eraseCase(db, { caseId: first.caseId, confirmReference: ERASED_REFERENCE });
    const eraseMs = performance.now() - t0;
    const out: Record<string, number | string> = {
      keptMB,
      mode: vacuum ? 'secure_delete + checkpoint + VACUUM' : 'secure_delete + checkpoint',
      vaultMBBefore: +(sizeBefore / MB).toFixed(1),
      eraseMs: Math.round(eraseMs),
      freePages: result.freePages,
    };
    if (vacuum) {
      const t1 = performance.now();
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
      out.vacuumMs = Math.round(performance.now() - t1);
    }
    out.vaultMBAfter = +(statSync(path).size / MB).toFixed(1);
    api.close();
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const runs = Number(process.env.RUNS ?? 3);
for (const keptMB of [0, 50]) for (const vacuum of [false, true]) for (let i = 0; i < runs; i += 1) console.log(JSON.stringify(await once(vacuum, keptMB)));

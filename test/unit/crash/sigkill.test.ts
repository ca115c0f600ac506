// Crash safety (issue 7, item 5): a separate process works on a vault through api.call and is
// killed with SIGKILL at a random moment, hundreds of times over the same vault, so that whatever
// a kill leaves behind is what the next round starts from. After every kill the vault is opened
// in this process, as the app would open it, and must pass SQLite's integrity_check and
// foreign_key_check and hold every write the child had acknowledged, with the acknowledged content.
//
// The kill moments come from a seeded generator (CRASH_SEED to replay a schedule); the child's
// progress at that moment depends on the machine, so a failure message names the seed and round.
// The counts are in the test titles on purpose: docs/security.md cites these titles.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { readKeyFile } from '../../../main/core/vault/keyfile';
import { apiCalls } from '../api-calls';
import { clinic, partnerId, trust } from '../exchange/import-fixtures';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';
import { bundleChild, Spawner } from './bundle';
import { killedRound } from './kill';
import { importState, makeExport } from './imports';
import { probePassphrases } from './passphrases';
import { caseContents, expectSound, reopen } from './sound';
import { attachmentText, prng, type Job } from './protocol';
import { Written } from './written';

const SEED = Number(process.env.CRASH_SEED ?? 20_261_123);
const WRITE_KILLS = 200;
const REKEY_KILLS = 50;
const IMPORT_KILLS = 50;
const OTHER_PASSPHRASE = 'a second passphrase, also long enough';

let work: string;
let children: Spawner;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'briefcase-crash-'));
  children = new Spawner(await bundleChild(work));
}, 120_000);
afterAll(async () => {
  await children.stop();
  rmSync(work, { recursive: true, force: true });
});

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Runs `round` for each kill, naming the seed and the round in any failure. CRASH_KEEP=<folder>
 * keeps a copy of the failing vault's folder there, for a post-mortem.
 */
async function rounds(kills: number, dataDir: string, round: (index: number) => Promise<void>): Promise<void> {
  for (let index = 0; index < kills; index += 1) {
    try {
      await round(index);
    } catch (error) {
      if (process.env.CRASH_KEEP) cpSync(dataDir, process.env.CRASH_KEEP, { recursive: true });
      if (error instanceof Error) error.message = `CRASH_SEED=${SEED}, round ${index}: ${error.message}`;
      throw error;
    }
  }
}

describe('SIGKILL during a stream of writes', () => {
  it('after each of 200 kills the vault opens, is sound and holds every acknowledged write', async () => {
    const dataDir = tempDir();
    const vaultPath = join(dataDir, 'crash.vault');
    const setup = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
    await apiCalls(setup).ok('vault.create', { path: vaultPath, passphrase: PASSPHRASE });
    setup.close();

    const random = prng(SEED);
    const written = new Written();
    const writeTimes: number[] = [];
    let acknowledged = 0;
    let inFlightApplied = 0;
    const started = performance.now();
    await rounds(WRITE_KILLS, dataDir, async (index) => {
      const job: Job = {
        mode: 'writes',
        dataDir,
        vaultPath,
        passphrase: PASSPHRASE,
        seed: SEED + index,
        state: written.state(),
      };
      // The kill comes after 0 to 8 acknowledged writes, anywhere in the next one or just past it:
      // a count, not a time, so a fast machine does not pile up more work per round than a slow
      // one. How long a write takes here is measured as the rounds go (median, from round 1 on).
      const writesBefore = Math.floor(random() * 9);
      const delayMs = random() * median(writeTimes) * 1.2;
      const round = await killedRound(children, job, writesBefore === 0 ? { delayMs } : { after: '"t":"ack"', count: writesBefore, delayMs });
      writeTimes.push(...round.durations);
      for (const write of round.acks) written.apply(write);
      acknowledged += round.acks.length;
      const api = await reopen(dataDir, vaultPath, PASSPHRASE);
      try {
        expectSound(api);
        if ((await written.check(api, round.inFlight, index === WRITE_KILLS - 1)) === 'applied') inFlightApplied += 1;
      } finally {
        api.close();
      }
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`crash/writes: ${WRITE_KILLS} kills (median write ${median(writeTimes).toFixed(0)} ms), ${acknowledged} acknowledged writes, ${inFlightApplied} unacknowledged in-flight writes found whole, ${seconds.toFixed(1)} s`);
    expect(acknowledged).toBeGreaterThan(0);
  }, 600_000);
});

describe('SIGKILL during a passphrase change', () => {
  it('after each of 50 kills exactly one of the two passphrases opens the vault, sound and unchanged', async () => {
    const dataDir = tempDir();
    const vaultPath = join(dataDir, 'crash.vault');
    const setup = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF });
    const { ok } = apiCalls(setup);
    await ok('vault.create', { path: vaultPath, passphrase: PASSPHRASE });
    // Some content, and enough pages that the rekey (which rewrites every page) takes a while.
    for (const clientName of ['Amal Testdatter', 'Samir Fiktiv']) {
      const { id } = await ok<{ id: string }>('cases.create', { clientName });
      const bytes = attachmentText(clientName, 300_000);
      const { uploadId } = await ok<{ uploadId: string }>('attachments.begin', { caseId: id, name: 'samtale.txt', mediaType: 'text/plain', size: bytes.length });
      await ok('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') });
      await ok('attachments.commit', { uploadId, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    const contents = await caseContents(setup);
    setup.close();

    const random = prng(SEED ^ 0x5eed);
    let current = PASSPHRASE;
    let fullRun = 0;
    const figures = { acknowledged: 0, midChange: 0, inFlightApplied: 0 };
    const started = performance.now();
    await rounds(REKEY_KILLS, dataDir, async (index) => {
      const job: Job = { mode: 'rekey', dataDir, vaultPath, passphrase: current, seed: SEED + index, passphrases: [PASSPHRASE, OTHER_PASSPHRASE] };
      // Round 0 runs to the first acknowledgement: it measures how long one change takes here, and
      // every later kill lands anywhere in the first one or two changes.
      const round = await killedRound(children, job, index === 0 ? { until: '"t":"ack"' } : { delayMs: random() * fullRun * 1.5 });
      if (index === 0) fullRun = round.ranFor;
      const acknowledged = round.acks.at(-1);
      if (acknowledged?.op === 'rekey') current = acknowledged.passphrase;
      figures.acknowledged += round.acks.length;

      const probe = await probePassphrases(vaultPath, [PASSPHRASE, OTHER_PASSPHRASE]);
      if (probe.pending) figures.midChange += 1;
      expect(probe.opened, `exactly one passphrase opens the vault (${JSON.stringify(probe)})`).toHaveLength(1);
      expect(probe.refused).toEqual(['WRONG_PASSPHRASE']);
      const opened = probe.opened[0]!;
      // The last acknowledged passphrase, or the one the interrupted change was going to.
      const allowed = [current, ...(round.inFlight?.op === 'rekey' ? [round.inFlight.passphrase] : [])];
      expect(allowed).toContain(opened);
      if (opened !== current) figures.inFlightApplied += 1;
      current = opened;

      const api = await reopen(dataDir, vaultPath, current);
      try {
        expect(readKeyFile(vaultPath).pending, 'the change is settled once the vault is open').toBeUndefined();
        expectSound(api);
        expect(await caseContents(api)).toEqual(contents);
      } finally {
        api.close();
      }
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`crash/rekey: ${REKEY_KILLS} kills (one change took ${fullRun.toFixed(0)} ms), ${figures.acknowledged} acknowledged changes, ${figures.midChange} kills left the key file mid-change, ${figures.inFlightApplied} unacknowledged changes found complete, ${seconds.toFixed(1)} s`);
    expect(figures.acknowledged).toBeGreaterThan(0);
  }, 600_000);
});

describe('SIGKILL during an import', () => {
  it('after each of 50 kills the vault opens, is sound, and the import is wholly there or not at all', async () => {
    const source = await clinic('Fiktiv Retshjælp Nord');
    const target = await clinic('Example Law Clinic South');
    const vaultPath = (await target.ok<{ path: string }>('vault.status', {})).path;
    await trust(source, target);
    const to = await partnerId(source, target);
    target.api.close();

    const random = prng(SEED ^ 0x1a7b);
    let made = await makeExport(source, to, 0);
    let madeCount = 1;
    const samples = { preview: [] as number[], apply: [] as number[] };
    const figures = { acknowledged: 0, applied: 0, absent: 0, unacknowledgedApplied: 0 };
    const started = performance.now();
    await rounds(IMPORT_KILLS, target.dir, async (index) => {
      const job: Job = { mode: 'import', dataDir: target.dir, vaultPath, passphrase: PASSPHRASE, seed: SEED + index, importPath: made.path };
      // Round 0 runs to its acknowledgement. It and every later round that gets that far measure
      // the two halves of an import here: the preview (decrypting and staging) and the apply (one
      // transaction). Every other kill then lands anywhere in a preview of the median length or a
      // little past it, and every other one inside the apply (medians: one slow round on a busy
      // machine must not push the kills past the work).
      const preview = median(samples.preview);
      const apply = median(samples.apply);
      const round = await killedRound(
        children,
        job,
        index === 0 ? { until: '"t":"ack"' } : index % 2 === 1 ? { delayMs: random() * preview * 1.2 } : { after: '"step":"previewed"', delayMs: random() * apply * 1.2 },
      );
      if (round.at.previewed !== undefined) samples.preview.push(round.at.previewed);
      if (round.at.previewed !== undefined && round.at.ack !== undefined) samples.apply.push(round.at.ack - round.at.previewed);
      const acknowledged = round.acks.some((write) => write.op === 'import');
      if (acknowledged) figures.acknowledged += 1;

      const api = await reopen(target.dir, vaultPath, PASSPHRASE);
      try {
        expectSound(api);
        const state = await importState(api, made);
        if (acknowledged) expect(state, 'an acknowledged import is there').toBe('applied');
        figures[state] += 1;
        if (state === 'applied' && !acknowledged) figures.unacknowledgedApplied += 1;
        // One log entry per import that went in, written in the same transaction as its cases.
        const log = await apiCalls(api).ok<{ items: { direction: string }[] }>('exchange.log', {});
        expect(log.items.filter((entry) => entry.direction === 'import')).toHaveLength(figures.applied);
      } finally {
        api.close();
      }
      if (figures.applied === madeCount) {
        made = await makeExport(source, to, madeCount);
        madeCount += 1;
      }
    });
    source.api.close();
    const seconds = (performance.now() - started) / 1000;
    console.log(`crash/import: ${IMPORT_KILLS} kills (median preview ${median(samples.preview).toFixed(0)} ms, apply ${median(samples.apply).toFixed(0)} ms), ${figures.applied} imports found whole (${figures.acknowledged} acknowledged, ${figures.unacknowledgedApplied} not yet), ${figures.absent} found absent, ${seconds.toFixed(1)} s`);
    expect(figures.applied).toBeGreaterThan(0);
    expect(figures.absent).toBeGreaterThan(0);
  }, 600_000);
});

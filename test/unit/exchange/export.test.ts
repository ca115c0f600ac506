// exchange.export / readExport / discardExport / exportToPath through api.call: the file a partner
// opens with Debian's `age -d -i` and its own identity, a tar archive that starts with the
// manifest; the post-quantum recipients when both clinics have one; a cancelled export leaves no
// file, in the private folder or beside the chosen path; the private folder goes at lock.
import { Decrypter } from 'age-encryption';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, publicOf } from '../../../main/core/exchange/keys';
import type { ExportResult, JobProgress } from '../../../preload/schemas/exchange';
import { PASSPHRASE } from '../helpers';
import { clinic, demoCase, trust, type Clinic } from './clinics';


/** Every file under `dir`, recursively (relative paths). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

/** The export read back through exchange.readExport, 1 MiB at a time. */
async function download(c: Clinic, exportId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let index = 0; ; index += 1) {
    const { data, last } = await c.ok<{ data: string; last: boolean }>('exchange.readExport', { exportId, index });
    parts.push(Buffer.from(data, 'base64'));
    expect(parts.length).toBeLessThan(10_000);
    if (last) return Buffer.concat(parts);
  }
}

/** A clinic made before post-quantum keys (X25519 only), as an older Briefcase would have it. */
function withoutPostQuantum(c: Clinic): void {
  const secrets = { ...c.secrets(), pqIdentity: null };
  const pub = publicOf(secrets);
  c.api.vault.db
    .prepare('UPDATE clinic_identity SET secrets = ?, pq_recipient = NULL, fingerprint = ?')
    .run(JSON.stringify(secrets), fingerprintOf(pub));
}

const tarList = (archive: Buffer) => execFileSync('tar', ['-t'], { input: archive }).toString().trim().split('\n');

describe('export', () => {
  it('writes a file the partner opens with `age -d -i` and its own identity; tar lists manifest.json first', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    withoutPostQuantum(b);
    const partnerId = await trust(a, b);
    const caseId = await demoCase(a);

    const result = await a.ok<ExportResult>('exchange.export', { caseIds: [caseId], to: { kind: 'partners', partnerIds: [partnerId] } });
    expect(result.name).toBe('2026-200.briefcase');
    const file = await download(a, result.exportId);
    expect(file.length).toBe(result.size);
    expect(result.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    const path = join(b.dir, result.name);
    writeFileSync(path, file);

    const opened = spawnSync('age', ['-d', '-i', b.identityFile(), path]);
    expect(opened.status, opened.stderr.toString()).toBe(0);
    const names = tarList(opened.stdout);
    expect(names.slice(0, 2)).toEqual(['manifest.json', 'manifest.sig']);
    const { attachments } = await a.ok<{ attachments: { sha256: string }[] }>('cases.export', { id: caseId });
    expect(names).toEqual(
      expect.arrayContaining([`cases/${caseId}.json`, 'evidence/library.json', 'evidence/links.json', ...attachments.map((x) => `attachments/${x.sha256}`)]),
    );
    expect(names).not.toContain('documents/index.json');
    // The sender included itself by default: its own identity, as `keys export-identity` writes
    // it (owner-only, never over an existing file), opens the file too.
    const own = join(a.dir, 'own-identity.txt');
    await a.ok('clinic.exportIdentity', { path: own });
    expect(statSync(own).mode & 0o777).toBe(0o600);
    expect(spawnSync('age', ['-d', '-i', own, path]).status).toBe(0);
    expect((await a.failure('clinic.exportIdentity', { path: own })).code).toBe('FILE_NOT_READABLE');
    // A third clinic cannot.
    const c = await clinic('Fiktiv Retshjælp Syd');
    expect(spawnSync('age', ['-d', '-i', c.identityFile(), path]).status).not.toBe(0);

    await a.ok('exchange.discardExport', { exportId: result.exportId });
    expect((await a.failure('exchange.readExport', { exportId: result.exportId, index: 0 })).code).toBe('NOT_FOUND');
  }, 60_000);

  it('encrypts to the post-quantum recipients when every party has one, and only to them', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    expect(b.identity.pqRecipient).not.toBeNull();
    const partnerId = await trust(a, b);
    const caseId = await demoCase(a);
    const result = await a.ok<ExportResult>('exchange.export', { caseIds: [caseId], to: { kind: 'partners', partnerIds: [partnerId] }, includeDocuments: true });
    const file = await download(a, result.exportId);
    const header = file.subarray(0, file.indexOf('\n---')).toString('latin1');
    const stanzas = header.split('\n').filter((line) => line.startsWith('-> ')).map((line) => line.split(' ')[1]);
    expect(stanzas).toHaveLength(2);
    expect(stanzas.every((type) => type === stanzas[0] && type !== 'X25519')).toBe(true);

    const decrypter = new Decrypter();
    decrypter.addIdentity(b.secrets().pqIdentity!);
    const archive = Buffer.from(await decrypter.decrypt(file));
    const names = tarList(archive);
    expect(names[0]).toBe('manifest.json');
    // Asked for documents: the index is there (the demo case has none generated).
    expect(names).toContain('documents/index.json');
  }, 60_000);

  it('refuses a revoked partner, an unknown case, and an export before the clinic has keys', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    const partnerId = await trust(a, b);
    const { id: caseId } = await a.ok<{ id: string }>('cases.create', { clientName: 'Amal Testdatter' });
    await a.ok('partners.revoke', { id: partnerId });
    const revoked = await a.failure('exchange.export', { caseIds: [caseId], to: { kind: 'partners', partnerIds: [partnerId] } });
    expect(revoked).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'to.partnerIds.0' }] });
    const missing = await a.failure('exchange.export', { caseIds: [caseId, '00000000-0000-4000-8000-000000000000'], to: { kind: 'passphrase', passphrase: 'a passphrase of some length' } });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'caseIds.1' }] });
    await a.api.vault.db.prepare('DELETE FROM clinic_identity').run();
    expect((await a.failure('exchange.export', { caseIds: [caseId], to: { kind: 'passphrase', passphrase: 'a passphrase of some length' } })).code).toBe('NO_CLINIC_KEYS');
    expect(filesUnder(join(a.dir, 'exports'))).toEqual([]);
  });

  it('leaves no file when cancelled mid-way, in the private folder or beside the chosen path; progress says so', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const { id: caseId } = await a.ok<{ id: string }>('cases.create', { clientName: 'Amal Testdatter' });
    const big = join(a.dir, 'notes.txt');
    writeFileSync(big, 'Fiktive noter til sagen. '.repeat(2_000_000)); // ~50 MB of text
    await a.ok('attachments.addFromPath', { caseId, path: big });
    const request = { caseIds: [caseId], to: { kind: 'passphrase', passphrase: 'a passphrase of some length' } };

    const cancelMidway = async (method: string, input: object, jobId: string) => {
      const running = a.api.call(method, { ...input, jobId });
      for (let i = 0; i < 10_000; i += 1) {
        const progress = await a.ok<JobProgress>('exchange.progress', { jobId });
        if (progress.state === 'running' && progress.done > 0) {
          expect(progress.total).toBeGreaterThan(progress.done);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await a.ok('exchange.cancel', { jobId });
      const envelope = await running;
      expect(envelope.ok ? 'ok' : envelope.error.code).toBe('CANCELLED');
      expect((await a.ok<JobProgress>('exchange.progress', { jobId })).state).toBe('cancelled');
    };

    await cancelMidway('exchange.export', request, '11111111-1111-4111-8111-111111111111');
    expect(filesUnder(join(a.dir, 'exports'))).toEqual([]);

    const outDir = join(a.dir, 'out');
    mkdirSync(outDir);
    await cancelMidway('exchange.exportToPath', { ...request, path: join(outDir, 'case.briefcase') }, '22222222-2222-4222-8222-222222222222');
    expect(readdirSync(outDir)).toEqual([]);
    expect((await a.ok<{ items: unknown[] }>('exchange.log', {})).items).toEqual([]);

    // A cancel that arrives before its export started (the call still queued) stops it too.
    const jobId = '33333333-3333-4333-8333-333333333333';
    await a.ok('exchange.cancel', { jobId });
    expect((await a.failure('exchange.export', { ...request, jobId })).code).toBe('CANCELLED');

    // Not cancelled: written, and renamed into place.
    const done = await a.ok<ExportResult>('exchange.exportToPath', { ...request, path: join(outDir, 'case.briefcase') });
    expect(readdirSync(outDir)).toEqual(['case.briefcase']);
    expect(readFileSync(join(outDir, 'case.briefcase')).length).toBe(done.size);
  }, 120_000);

  it('keeps exports in a private folder that goes at lock, and what a dead process left goes at the next unlock', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const { id: caseId } = await a.ok<{ id: string }>('cases.create', { clientName: 'Amal Testdatter' });
    const result = await a.ok<ExportResult>('exchange.export', { caseIds: [caseId], to: { kind: 'passphrase', passphrase: 'a passphrase of some length' } });
    const [file] = filesUnder(join(a.dir, 'exports'));
    expect(file).toMatch(new RegExp(`^${process.pid}-[0-9a-f]+/${result.exportId}\\.briefcase$`));
    expect(statSync(join(a.dir, 'exports')).mode & 0o777).toBe(0o700);
    expect(statSync(join(a.dir, 'exports', file!.split('/')[0]!)).mode & 0o777).toBe(0o700);

    // A folder left by a process that no longer runs (pid 2^22 + 1 is above Linux's pid_max).
    const leftover = join(a.dir, 'exports', `${2 ** 22 + 1}-abcdef`);
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'old.briefcase'), 'x');
    await a.ok('vault.lock', {});
    expect(filesUnder(join(a.dir, 'exports'))).toEqual(['4194305-abcdef/old.briefcase']);
    await a.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(filesUnder(join(a.dir, 'exports'))).toEqual([]);
    expect((await a.failure('exchange.readExport', { exportId: result.exportId, index: 0 })).code).toBe('NOT_FOUND');
  });
});

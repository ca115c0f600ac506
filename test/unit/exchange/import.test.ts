// The import's refusals and its trust rules, through the API: an unknown signer needs trustSender
// (and is then in the address book), a revoked partner is not trusted, a file for another clinic
// or another passphrase is WRONG_KEY, duplicate ids and missing bytes are EXPORT_DAMAGED, a newer
// format is EXPORT_TOO_NEW, content this vault cannot take is INVALID_INPUT naming the entry and
// field. Every refusal leaves the vault exactly as it was, with no staging rows. Also: the upload
// the renderer uses, the CLI's identity file, cancel and discard.
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../preload/contract';
import type { ImportPreview, Partner } from '../../../preload/schemas/exchange';
import { createApi } from '../../../main/core/api';
import { clinicSecrets } from '../../../main/core/exchange/clinic';
import { endOfArchive, fileHeader, paddingFor } from '../../../main/core/exchange/tar';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';
import { clinic, craft, exportFile, jsonEntry, partnerId, preview, snapshot, stagingRows, trust, twoCases, type Clinic } from './import-fixtures';

/** A refused preview: its code, and the vault exactly as before with nothing staged. */
async function refused(c: Clinic, input: Record<string, unknown>): Promise<string> {
  const before = snapshot(c.api);
  const error = await c.failure('exchange.previewPath', input);
  expect(stagingRows(c.api)).toEqual({ imports: 0, staging: 0 });
  expect(snapshot(c.api)).toEqual(before);
  return error.code;
}

const close = (...clinics: Clinic[]) => clinics.forEach((c) => c.api.close());

describe('who sent it', () => {
  it('an unknown signer is shown, refused without trustSender, and trusted with it', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(a, b); // A can write to B; B has never heard of A
    const { second } = await twoCases(a);
    const seen = await preview(b, await exportFile(a, [second], { partnerIds: [await partnerId(a, b)] }));
    expect(seen.sender).toEqual({ clinic: expect.objectContaining({ fingerprint: a.identity.fingerprint }), trusted: false, revoked: false, partnerId: null });

    const before = snapshot(b.api);
    expect((await b.failure('exchange.apply', { importId: seen.importId })).code).toBe('UNTRUSTED_SENDER');
    expect(snapshot(b.api)).toEqual(before);

    await b.ok('exchange.apply', { importId: seen.importId, trustSender: true });
    const { items } = await b.ok<{ items: Partner[] }>('partners.list', {});
    expect(items.map((p) => [p.fingerprint, p.profile.name, p.revokedAt])).toEqual([[a.identity.fingerprint, 'Fiktiv Retshjælp Nord', null]]);
    expect((await b.ok<{ items: unknown[] }>('cases.list', {})).items).toHaveLength(1);
    close(a, b);
  }, 60_000);

  it('a revoked partner is not trusted', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(a, b);
    const partner = await trust(b, a);
    await b.ok('partners.revoke', { id: partner.id });
    const { second } = await twoCases(a);
    const seen = await preview(b, await exportFile(a, [second], { partnerIds: [await partnerId(a, b)] }));
    expect(seen.sender).toMatchObject({ trusted: false, revoked: true, partnerId: partner.id });
    expect((await b.failure('exchange.apply', { importId: seen.importId })).code).toBe('UNTRUSTED_SENDER');
    expect((await b.ok<{ items: unknown[] }>('cases.list', {})).items).toHaveLength(0);
    close(a, b);
  }, 60_000);
});

describe('refused outright, the vault unchanged', () => {
  it('WRONG_KEY: a file for another clinic, no passphrase, the wrong passphrase', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    const c = await clinic('Example Law Clinic East');
    await trust(a, c);
    await trust(b, a);
    const { second } = await twoCases(a);
    expect(await refused(b, { path: await exportFile(a, [second], { partnerIds: [await partnerId(a, c)] }) })).toBe('WRONG_KEY');

    const byPassphrase = await exportFile(a, [second], { passphrase: 'a one-off passphrase for this file' });
    expect(await refused(b, { path: byPassphrase })).toBe('WRONG_KEY');
    expect(await refused(b, { path: byPassphrase, passphrase: 'not the passphrase at all' })).toBe('WRONG_KEY');
    const seen = await preview(b, byPassphrase, { passphrase: 'a one-off passphrase for this file' });
    expect(seen.cases.map((x) => x.caseId)).toEqual([second]);
    close(a, b, c);
  }, 60_000);

  it('EXPORT_DAMAGED: duplicate case ids, an attachment without its bytes, bytes nobody names', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(b, a);
    const { second } = await twoCases(a);
    const file = await a.ok<CaseFile>('cases.export', { id: second });

    const twice = await craft(a, b, [jsonEntry(`cases/${second}.json`, file), jsonEntry(`cases/${randomUUID()}.json`, file)]);
    expect(await refused(b, { path: twice })).toBe('EXPORT_DAMAGED');

    const withoutBytes = await craft(a, b, [jsonEntry(`cases/${second}.json`, file)]);
    expect(await refused(b, { path: withoutBytes })).toBe('EXPORT_DAMAGED');

    const noAttachments = { ...file, attachments: [], risks: file.risks.map((r) => ({ ...r, sources: r.sources.filter((s) => s.kind !== 'attachment') })) };
    const stray = Buffer.from('nobody refers to me\n');
    const extra = await craft(a, b, [
      jsonEntry(`cases/${second}.json`, noAttachments),
      { ...jsonEntry('x', null), path: `attachments/${sha256(stray)}`, size: stray.length, sha256: sha256(stray), open: async function* () { yield stray; } },
    ]);
    expect(await refused(b, { path: extra })).toBe('EXPORT_DAMAGED');

    // The same file without the stray bytes is fine: the refusals above were about them.
    const fine = await craft(a, b, [jsonEntry(`cases/${second}.json`, noAttachments)]);
    expect((await preview(b, fine)).cases[0]!.action).toBe('add');
    close(a, b);
  }, 60_000);

  it('EXPORT_TOO_NEW: a manifest of a newer format version', async () => {
    const b = await clinic('Example Law Clinic South');
    const manifest = Buffer.from(JSON.stringify({ format: 'briefcase-export', version: 2, something: 'new' }));
    const signature = Buffer.from(`${'A'.repeat(86)}==\n`);
    const parts: Uint8Array[] = [];
    for (const [path, bytes] of [['manifest.json', manifest], ['manifest.sig', signature]] as const) {
      parts.push(fileHeader(path, bytes.length, 0), bytes, new Uint8Array(paddingFor(bytes.length)));
    }
    parts.push(endOfArchive());
    const dir = tempDir();
    writeFileSync(join(dir, 'inner.tar'), Buffer.concat(parts));
    const made = spawnSync('age', ['-e', '-r', b.identity.ageRecipient, '-o', join(dir, 'newer.briefcase'), join(dir, 'inner.tar')], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(await refused(b, { path: join(dir, 'newer.briefcase') })).toBe('EXPORT_TOO_NEW');
    close(b);
  }, 60_000);

  it('INVALID_INPUT: content this vault cannot take, by entry and field', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    const { second } = await twoCases(a);
    const file = await a.ok<CaseFile>('cases.export', { id: second });
    const bad = { ...file, attachments: [], risks: [], details: { ...file.details, jurisdiction: 'atlantis' }, client: { ...file.client, name: '' } };
    const path = await craft(a, b, [jsonEntry(`cases/${second}.json`, bad)]);
    const before = snapshot(b.api);
    const error = await b.failure('exchange.previewPath', { path });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.map((i) => i.path)).toContain(`cases/${second}.json#client.name`);
    expect(snapshot(b.api)).toEqual(before);
    close(a, b);
  }, 60_000);

  it('NO_CLINIC_KEYS without keys; the CLI’s identity file opens it all the same', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(a, b);
    const { second } = await twoCases(a);
    const path = await exportFile(a, [second], { partnerIds: [await partnerId(a, b)] });

    const api = createApi({ dataDir: tempDir(), version: '0.0.0-test', kdfCost: FAST_KDF });
    const bare = apiCalls(api);
    await bare.ok('vault.create', { passphrase: PASSPHRASE });
    expect((await bare.failure('exchange.previewPath', { path })).code).toBe('NO_CLINIC_KEYS');

    const identityPath = join(tempDir(), 'key.txt');
    const secrets = clinicSecrets(b.api.vault.db);
    writeFileSync(identityPath, `# created: fictional\n${secrets.ageIdentity}\n${secrets.pqIdentity ?? ''}\n`, { mode: 0o600 });
    const seen = await bare.ok<ImportPreview>('exchange.previewPath', { path, identityPath });
    expect(seen.sender.trusted).toBe(false);
    api.close();
    close(a, b);
  }, 60_000);
});

describe('upload, cancel, discard', () => {
  it('previews an uploaded file and removes the upload', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(a, b);
    await trust(b, a);
    const { first } = await twoCases(a);
    const bytes = readFileSync(await exportFile(a, [first], { partnerIds: [await partnerId(a, b)] }));
    const chunk = 1024 * 1024;
    const { uploadId } = await b.ok<{ uploadId: string }>('exchange.uploadBegin', { size: bytes.length });
    expect((await b.failure('exchange.preview', { uploadId })).code).toBe('SIZE_MISMATCH');
    for (let index = 0; index * chunk < bytes.length; index += 1) {
      const { received } = await b.ok<{ received: number }>('exchange.uploadAppend', { uploadId, index, data: bytes.subarray(index * chunk, (index + 1) * chunk).toString('base64') });
      expect(received).toBe(Math.min(bytes.length, (index + 1) * chunk));
    }
    const seen = await b.ok<ImportPreview>('exchange.preview', { uploadId });
    expect(seen.cases.map((c) => c.caseId)).toEqual([first]);
    const uploads = join(b.dir, 'uploads');
    const files = existsSync(uploads) ? readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
    expect(files).toEqual([]);
    expect((await b.failure('exchange.preview', { uploadId })).code).toBe('UPLOAD_NOT_FOUND');
    await b.ok('exchange.apply', { importId: seen.importId });
    close(a, b);
  }, 60_000);

  it('a cancelled preview stages nothing; a discarded one leaves nothing', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(a, b);
    await trust(b, a);
    const { first } = await twoCases(a);
    const path = await exportFile(a, [first], { partnerIds: [await partnerId(a, b)] });
    const jobId = randomUUID();
    await b.ok('exchange.cancel', { jobId });
    expect(await refused(b, { path, jobId })).toBe('CANCELLED');

    const before = snapshot(b.api);
    const seen = await preview(b, path);
    expect(stagingRows(b.api).staging).toBeGreaterThan(0);
    await b.ok('exchange.discardImport', { importId: seen.importId });
    expect(snapshot(b.api)).toEqual(before);
    expect((await b.failure('exchange.apply', { importId: seen.importId })).code).toBe('NOT_FOUND');
    close(a, b);
  }, 60_000);
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

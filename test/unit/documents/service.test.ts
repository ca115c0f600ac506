// Documents kept on a case (main/core/documents/service.ts) through the api, on the fictional
// demo case: versions stored encrypted in chunks, listed, read back with the same SHA-256, saved,
// deleted; refusals (stale sources unless acknowledged, missing fields) store nothing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentVersion, Preflight } from '../../../preload/contract';
import { createApi, type Api } from '../../../main/core/api';
import { addDemoCase, DEMO_LINKS, DEMO_REFERENCE } from '../../../scripts/demo';
import { apiCalls, readAllChunks, type ApiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';
import { outline, pageTexts, pdfInfo, png } from './pdf-tools';

interface Ctx {
  api: Api;
  dir: string;
  caseId: string;
  ok: ApiCalls['ok'];
  fails: ApiCalls['failure'];
  rows: () => { documents: number; chunks: number };
}

async function demo(): Promise<Ctx> {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const { ok, failure: fails } = apiCalls(api);
  await ok('vault.create', { passphrase: PASSPHRASE });
  const caseId = await addDemoCase(api, dir);
  const count = (table: string) => (api.vault.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { api, dir, caseId, ok, fails, rows: () => ({ documents: count('case_documents'), chunks: count('case_document_chunks') }) };
}

const readAll = (c: Ctx, id: string): Promise<Buffer> => readAllChunks(c.ok, 'documents.read', id);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('documents service', () => {
  it('stores each version encrypted, lists it newest first, reads it back with the same SHA-256, saves and deletes it', async () => {
    const c = await demo();
    const request = { caseId: c.caseId, templateId: 'brief', language: 'da', acknowledgeStale: true };
    const pdf = await c.ok<DocumentVersion>('documents.generate', { ...request, format: 'pdf' });
    const docx = await c.ok<DocumentVersion>('documents.generate', { ...request, format: 'docx' });
    expect(pdf).toMatchObject({ caseId: c.caseId, templateId: 'brief', templateVersion: '1.0.0', language: 'da', format: 'pdf', mediaType: 'application/pdf' });
    expect(pdf.name).toBe(`${DEMO_REFERENCE} Indlæg til Flygtningenævnet (da).pdf`);
    expect(docx.name).toMatch(/\(da\)\.docx$/);
    expect(docx.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');

    const listed = await c.ok<{ items: DocumentVersion[] }>('documents.list', { caseId: c.caseId });
    expect(listed.items.map((v) => v.id)).toEqual([docx.id, pdf.id]);

    const bytes = await readAll(c, pdf.id);
    expect(bytes.length).toBe(pdf.size);
    expect(sha256(bytes)).toBe(pdf.sha256);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageTexts(bytes).join('\n')).toContain('Samir Testsen');
    expect(sha256(await readAll(c, docx.id))).toBe(docx.sha256);

    const target = join(c.dir, 'copy.pdf');
    expect(await c.ok('documents.saveCopy', { id: pdf.id, path: target })).toEqual({ bytes: pdf.size });
    expect(sha256(readFileSync(target))).toBe(pdf.sha256);

    // Encrypted at rest: neither the PDF's header nor the client's name is in the vault's files.
    c.api.close();
    for (const file of readdirSync(c.dir).filter((name) => name.startsWith('briefcase.vault'))) {
      const raw = readFileSync(join(c.dir, file));
      expect(raw.includes(Buffer.from('%PDF-'))).toBe(false);
      expect(raw.includes(Buffer.from('Samir Testsen'))).toBe(false);
    }
    await c.ok('vault.unlock', { passphrase: PASSPHRASE });

    expect(await c.ok('documents.delete', { id: pdf.id })).toEqual({});
    expect((await c.fails('documents.read', { id: pdf.id, index: 0 })).code).toBe('NOT_FOUND');
    expect((await c.fails('documents.delete', { id: pdf.id })).code).toBe('NOT_FOUND');
    expect(c.rows()).toEqual({ documents: 1, chunks: 1 });
    c.api.close();
  });

  it('keeps a large version in 1 MiB chunks and streams it back whole', async () => {
    const c = await demo();
    // A photograph that does not compress makes the bundle larger than one chunk.
    const path = join(c.dir, 'Fotografi.png');
    writeFileSync(path, png(800, 800, { noise: true }));
    await c.ok('attachments.addFromPath', { caseId: c.caseId, path });
    const version = await c.ok<DocumentVersion>('documents.generate', { caseId: c.caseId, templateId: 'brief', language: 'en', format: 'bundle', acknowledgeStale: true });
    expect(version.size).toBeGreaterThan(1024 * 1024);
    expect(c.rows().chunks).toBe(Math.ceil(version.size / (1024 * 1024)));
    const bytes = await readAll(c, version.id);
    expect(sha256(bytes)).toBe(version.sha256);
    c.api.close();
  }, 120_000);

  it('refuses stale sources until they are acknowledged, naming each cited excerpt, and stores nothing', async () => {
    const c = await demo();
    const request = { caseId: c.caseId, templateId: 'brief', language: 'en', format: 'pdf' };
    const report = await c.ok<Preflight>('documents.check', { caseId: c.caseId, templateId: 'brief', language: 'en' });
    expect(report.stale.length).toBeGreaterThan(0);

    const refused = await c.fails('documents.generate', request);
    expect(refused.code).toBe('STALE_EVIDENCE');
    const cited = new Set(DEMO_LINKS.map((l) => l.excerptId));
    expect(refused.issues!.length).toBe(report.stale.length);
    for (const issue of refused.issues!) {
      expect(cited.has(issue.path)).toBe(true);
      expect(issue).toMatchObject({ message: 'validation.staleSource', params: { title: expect.any(String), date: expect.any(String) } });
    }
    expect(c.rows()).toEqual({ documents: 0, chunks: 0 });

    await c.ok('documents.generate', { ...request, acknowledgeStale: true });
    expect(c.rows().documents).toBe(1);
    c.api.close();
  });

  it('refuses a case that lacks required fields, naming each by its label, and stores nothing', async () => {
    const c = await demo();
    const bare = await c.ok<{ id: string }>('cases.create', { reference: 'BC-2026-102', clientName: 'Testa Fictiva' });
    const refused = await c.fails('documents.generate', { caseId: bare.id, templateId: 'brief', language: 'da', format: 'docx', acknowledgeStale: true });
    expect(refused.code).toBe('MISSING_FIELDS');
    const labels = refused.issues!.map((issue) => issue.params?.label);
    expect(labels).toContain('Sagens advokat');
    expect(labels).toContain('Datoen for den påklagede afgørelse');
    expect(refused.issues!.every((issue) => issue.message === 'validation.missingField')).toBe(true);
    expect(c.rows()).toEqual({ documents: 0, chunks: 0 });
    expect((await c.ok<{ items: unknown[] }>('documents.list', { caseId: bare.id })).items).toEqual([]);
    c.api.close();
  });

  it('makes the bundle: cover letter, brief, list of annexes and the case files, with the report of annexes beforehand', async () => {
    const c = await demo();
    const report = await c.ok<Preflight>('documents.check', { caseId: c.caseId, templateId: 'brief', language: 'da' });
    expect(report.annexes.map((a) => [a.number, a.pages, a.usable])).toEqual([
      [1, 2, true],
      [2, 1, true],
    ]);
    const version = await c.ok<DocumentVersion>('documents.generate', { caseId: c.caseId, templateId: 'brief', language: 'da', format: 'bundle', acknowledgeStale: true });
    expect(version).toMatchObject({ format: 'bundle', templateId: 'brief', mediaType: 'application/pdf', name: `${DEMO_REFERENCE} Indlæg til Flygtningenævnet med bilag (da).pdf` });
    const bytes = await readAll(c, version.id);
    const items = await outline(bytes);
    expect(items.map((i) => i.title)).toEqual(['Følgebrev til Flygtningenævnet', 'Indlæg til Flygtningenævnet', 'Bilagsfortegnelse']);
    expect(items[2]!.children).toHaveLength(2);
    // The brief's own headings are kept, under its entry, on the brief's pages.
    const flat = (list: typeof items): typeof items => list.flatMap((item) => [item, ...flat(item.children)]);
    const briefHeadings = flat(items[1]!.children);
    expect(briefHeadings.length).toBeGreaterThan(3);
    expect(briefHeadings.every((h) => h.page >= items[1]!.page && h.page < items[2]!.page)).toBe(true);
    const pages = Number(pdfInfo(bytes).Pages);
    // The last three pages are the two annexes (2 + 1 pages); the index is just before them.
    expect(items[2]!.page).toBe(pages - 3);
    expect(items[2]!.children.map((child) => child.page)).toEqual([pages - 2, pages]);
    c.api.close();
  });

  it('opens nothing without a platform, and hands a private copy to the platform when there is one', async () => {
    const c = await demo();
    const version = await c.ok<DocumentVersion>('documents.generate', { caseId: c.caseId, templateId: 'cover-letter', language: 'en', format: 'pdf', acknowledgeStale: true });
    expect((await c.fails('documents.open', { id: version.id })).code).toBe('NOT_SUPPORTED');
    c.api.close();

    const opened: string[] = [];
    const api = createApi({ dataDir: c.dir, version: '0.0.0-test', kdfCost: FAST_KDF, platform: { openPath: async (path) => void opened.push(path) } });
    expect(await api.call('vault.unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await api.call('documents.open', { id: version.id })).toEqual({ ok: true, value: {} });
    expect(opened).toHaveLength(1);
    expect(opened[0]!.endsWith(version.name)).toBe(true);
    expect(sha256(readFileSync(opened[0]!))).toBe(version.sha256);
    api.close(); // removes the opened copies
    expect(existsSync(opened[0]!)).toBe(false);
  });
});

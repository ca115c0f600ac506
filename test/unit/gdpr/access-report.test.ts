// The access report (main/core/gdpr/access-report.ts, cases.accessReport): one readable PDF with
// everything held about the client, kept on the case as a document version, in Danish and English.
// Read back as a person would: pdftotext.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaseFile, DocumentVersion } from '../../../preload/contract';
import { createApi } from '../../../main/core/api';
import { logExchange } from '../../../main/core/exchange/log';
import { apiCalls, readAllChunks } from '../api-calls';
import { pageTexts } from '../documents/pdf-tools';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';
import { ERASED_NAME, ERASED_REFERENCE, addAmalCase, loadLibrary } from './fixture';

/** Whitespace folded, so a value the layout wrapped over two lines still matches. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every string and number the case file holds (ids, hashes and Arabic-script values set apart). */
function leaves(value: unknown, path = ''): { path: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}.${i}`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  if (typeof value === 'string' && value.trim() !== '') return [{ path, text: value }];
  if (typeof value === 'number') return [{ path, text: String(value) }];
  return [];
}

async function setUp() {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const calls = apiCalls(api);
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
  loadLibrary(api.vault.db);
  const amal = await addAmalCase(api.vault.db, dir);
  logExchange(api.vault.db, { direction: 'export', caseIds: [amal.caseId], clinics: [{ name: 'Testby Retshjælp (fiktiv)', fingerprint: null }], via: 'keys', manifestSha256: 'a'.repeat(64) });
  return { api, ...calls, caseId: amal.caseId };
}

describe('access report', () => {
  it('holds every value of the case JSON, the attachments, evidence, documents, exchanges and audit entries naming the case, in English', async () => {
    const c = await setUp();
    const file = await c.ok<CaseFile>('cases.export', { id: c.caseId });
    const version = await c.ok<DocumentVersion>('cases.accessReport', { caseId: c.caseId, language: 'en' });
    expect(version).toMatchObject({ caseId: c.caseId, templateId: 'access-report', language: 'en', format: 'pdf', mediaType: 'application/pdf' });
    expect(version.name).toBe(`${ERASED_REFERENCE} Access report (en).pdf`);

    // Kept on the case like any document: listed, and read back with its SHA-256.
    const listed = await c.ok<{ items: DocumentVersion[] }>('documents.list', { caseId: c.caseId });
    expect(listed.items[0]!.id).toBe(version.id);
    const bytes = await readAllChunks(c.ok, 'documents.read', version.id);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(version.sha256);

    const text = flat(pageTexts(bytes).join('\n'));
    expect(text).toContain(`Access report · ${ERASED_REFERENCE}`);
    for (const heading of ['The client', 'Household', 'Timeline', 'Risk factors', 'Deadlines', 'Attachments', 'Linked country evidence', 'Generated documents', 'Exchanges with other clinics', 'Audit log']) {
      expect(text).toContain(heading);
    }
    // Every value the case file holds is in the report (the Arabic-script name is checked apart:
    // pdftotext gives right-to-left text in visual order).
    // Compared without whitespace and hyphens: the layout breaks long citation keys at their
    // hyphens, and pdftotext joins such a line dropping the hyphen. The
    // file's own format marker and version are not data about her and are left out.
    // The running header and page numbers, which a paragraph running over a page break straddles,
    // are cut out first.
    const solid = (t: string) => t.replace(/[\s-]+/g, '');
    const body = text.replaceAll(`Access report · ${ERASED_REFERENCE}`, '').replace(/Page \d+ of \d+/g, '');
    const missing = leaves(file)
      .filter((leaf) => leaf.path !== 'format' && leaf.path !== 'version' && !/[\u0600-\u06ff]/.test(leaf.text))
      .filter((leaf) => !solid(body).includes(solid(leaf.text)));
    expect(missing).toEqual([]);
    expect(text).toContain(ERASED_NAME);
    expect(text).toContain('Nour Testsen');
    // Attachments with their size, the linked evidence's sources, the documents generated before, the exchange.
    expect(text).toMatch(/statement\.txt/);
    expect(text).toContain(`${file.attachments[0]!.size} bytes`);
    const links = await c.ok<{ items: { source: { title: string } }[] }>('evidence.caseLinks', { caseId: c.caseId });
    for (const link of links.items) expect(text).toContain(flat(link.source.title));
    expect(text).toContain(`${ERASED_REFERENCE} Brief`);
    expect(text).toContain('Testby Retshjælp (fiktiv)');
    // The audit entries naming the case (the export above is one), by number, time and method.
    const audit = c.api.vault.db
      .prepare(`SELECT seq, method FROM audit_log WHERE EXISTS (SELECT 1 FROM json_each(ids) WHERE value = ?) AND method <> 'cases.accessReport'`)
      .all(c.caseId) as { seq: number; method: string }[];
    expect(audit.map((a) => a.method)).toContain('cases.export');
    for (const entry of audit) expect(text).toMatch(new RegExp(`#${entry.seq} \\S+ · .* · ${entry.method.replace('.', '\\.')}`));
    c.api.close();
  });

  it('is written in Danish when asked, and refuses an unknown case storing nothing', async () => {
    const c = await setUp();
    const version = await c.ok<DocumentVersion>('cases.accessReport', { caseId: c.caseId, language: 'da' });
    expect(version.name).toBe(`${ERASED_REFERENCE} Indsigtsrapport (da).pdf`);
    const text = flat(pageTexts(await readAllChunks(c.ok, 'documents.read', version.id)).join('\n'));
    for (const words of [`Indsigtsrapport · ${ERASED_REFERENCE}`, 'Klienten', 'Husstand', 'Tidslinje', 'Risikofaktorer', 'Bilag', 'Genererede dokumenter', 'Revisionslog', 'Side 1 af', ERASED_NAME]) {
      expect(text).toContain(words);
    }
    const count = () => (c.api.vault.db.prepare('SELECT count(*) AS n FROM case_documents').get() as { n: number }).n;
    const before = count();
    expect((await c.failure('cases.accessReport', { caseId: '00000000-0000-4000-8000-000000000000', language: 'en' })).code).toBe('NOT_FOUND');
    expect(count()).toBe(before);
    c.api.close();
  });
});

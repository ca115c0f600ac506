// A round trip between two vaults: clinic A (fictional) exports two cases with their attachments,
// the evidence they cite and their generated documents to clinic B; B previews and applies; then
// every case file, attachment byte, evidence link (with its excerpt and source) and document is
// the same in both, read through the API. A second import of the same file changes nothing, and
// a file both clinics attached separately is not stored twice.
import { describe, expect, it } from 'vitest';
import type { CaseEvidenceItem, CaseRecord, DocumentVersion } from '../../../preload/contract';
import type { ExchangeLogEntry, ImportOutcome } from '../../../preload/schemas/exchange';
import { readAllChunks } from '../api-calls';
import { attach, clinic, exportFile, partnerId, preview, readAttachment, snapshot, stagingRows, trust, twoCases, type Clinic } from './import-fixtures';

/** A case as both sides should agree on it: everything but when this vault last wrote it. */
async function caseView(c: Clinic, id: string) {
  const record = await c.ok<CaseRecord>('cases.get', { id });
  const { updatedAt: _updated, ...file } = record.file;
  const attachments = [];
  for (const meta of file.attachments) attachments.push({ meta, bytes: (await readAttachment(c, meta.id)).toString('hex') });
  const links = (await c.ok<{ items: CaseEvidenceItem[] }>('evidence.caseLinks', { caseId: id })).items;
  const documents = [];
  for (const version of (await c.ok<{ items: DocumentVersion[] }>('documents.list', { caseId: id })).items) {
    documents.push({ version, bytes: (await readAllChunks(c.ok, 'documents.read', version.id)).toString('hex') });
  }
  return { file: { ...file, attachments: undefined }, attachments, links, documents };
}

const attachmentRows = (c: Clinic) => (c.api.vault.db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n;

describe('exchange between two vaults', () => {
  it('carries two cases with attachments, cited evidence and documents, equal on both sides', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(a, b);
    await trust(b, a);
    const { first, second } = await twoCases(a);
    await a.ok('documents.generate', { caseId: first, templateId: 'brief', language: 'en', format: 'docx', acknowledgeStale: true });

    const file = await exportFile(a, [first, second], { partnerIds: [await partnerId(a, b)] }, { includeDocuments: true });
    const seen = await preview(b, file);
    expect(seen.sender.clinic.fingerprint).toBe(a.identity.fingerprint);
    expect(seen.sender).toMatchObject({ trusted: true, revoked: false });
    expect(seen.cases.map((c) => [c.caseId, c.action])).toEqual([
      [first, 'add'],
      [second, 'add'],
    ]);
    expect(seen.cases.map((c) => c.clientName)).toEqual(['Samir Testsen', 'Amal Testdatter']);
    const aFirst = await a.ok<CaseRecord>('cases.get', { id: first });
    const aSecond = await a.ok<CaseRecord>('cases.get', { id: second });
    expect(seen.attachments).toEqual({ add: aFirst.file.attachments.length + aSecond.file.attachments.length, known: 0 });
    expect(seen.documents).toBe(1);
    expect(seen.evidence.excerpts).toBeGreaterThan(0);
    // Nothing but the staging has been written yet.
    expect((await b.ok<{ items: unknown[] }>('cases.list', {})).items).toEqual([]);

    const outcome = await b.ok<ImportOutcome>('exchange.apply', { importId: seen.importId });
    expect(outcome.cases).toEqual([
      { caseId: first, action: 'added' },
      { caseId: second, action: 'added' },
    ]);
    expect(outcome.attachments.added).toBe(seen.attachments.add);
    expect(stagingRows(b.api)).toEqual({ imports: 0, staging: 0 });

    for (const id of [first, second]) expect(await caseView(b, id)).toEqual(await caseView(a, id));

    // The log: who, which cases, never content.
    const { items } = await b.ok<{ items: ExchangeLogEntry[] }>('exchange.log', {});
    expect(items[0]).toMatchObject({ direction: 'import', caseIds: [first, second], via: 'keys', clinics: [{ name: 'Fiktiv Retshjælp Nord', fingerprint: a.identity.fingerprint }] });
    expect(JSON.stringify(items)).not.toContain('Samir');
    // Both clinics' logs name the exchange by the same digest: that of the signed manifest inside.
    const sent = (await a.ok<{ items: ExchangeLogEntry[] }>('exchange.log', {})).items[0]!;
    expect(sent).toMatchObject({ direction: 'export', caseIds: [first, second] });
    expect(items[0]!.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(items[0]!.manifestSha256).toBe(sent.manifestSha256);

    // The same file again: nothing to add, nothing changes.
    const before = snapshot(b.api);
    const again = await preview(b, file);
    expect(again.cases.map((c) => c.action)).toEqual(['same', 'same']);
    expect(again.attachments).toEqual({ add: 0, known: seen.attachments.add });
    expect(again.documents).toBe(0);
    const second_ = await b.ok<ImportOutcome>('exchange.apply', { importId: again.importId });
    expect(second_.cases.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);
    expect(second_.attachments).toEqual({ added: 0, known: seen.attachments.add });
    const after = snapshot(b.api);
    // The cases, files, links and documents are as they were; the exchange log and the audit trail
    // have the new import. (The evidence importer re-stamps the sources and excerpts it merges, and
    // with them their index.)
    const moved = /^(exchange_log|audit_log|exchange_bases|sources|excerpts|excerpt_search.*)$/;
    for (const table of Object.keys(before).filter((t) => !moved.test(t))) expect(after[table]!.join('\n') === before[table]!.join('\n'), table).toBe(true);
    expect(after.sources!.length).toBe(before.sources!.length);
    expect(after.excerpts!.length).toBe(before.excerpts!.length);
    expect(after.exchange_log!.length).toBe(before.exchange_log!.length + 1);
    expect(after.audit_log!.length).toBeGreaterThan(before.audit_log!.length);
    a.api.close();
    b.api.close();
  }, 120_000);

  it('deduplicates attachments by hash: a file the case already has under another id is not stored again', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(a, b);
    await trust(b, a);
    const { second, sharedBytes } = await twoCases(a);
    const to = { partnerIds: [await partnerId(a, b)] };
    await b.ok('exchange.apply', { importId: (await preview(b, await exportFile(a, [second], to))).importId });
    const rows = attachmentRows(b);

    // A attaches the same decision letter again (a new id, the same bytes) and sends the case again.
    await attach(a, second, 'afgørelse igen.pdf', sharedBytes);
    const seen = await preview(b, await exportFile(a, [second], to));
    expect(seen.cases[0]!.action).toBe('same');
    expect(seen.attachments).toEqual({ add: 0, known: 3 });
    await b.ok('exchange.apply', { importId: seen.importId });
    expect(attachmentRows(b)).toBe(rows);
    const stored = await b.ok<CaseRecord>('cases.get', { id: second });
    expect(stored.file.attachments.filter((m) => m.sha256 === stored.file.attachments[0]!.sha256).length).toBe(1);
    a.api.close();
    b.api.close();
  }, 60_000);
});

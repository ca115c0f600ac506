// The access report (GDPR art. 15): everything held about a case's client as one readable PDF,
// kept on the case as a document version (so the documents UI previews and saves it like a brief),
// in Danish or English. The case JSON (cases.export) is the machine-readable half.
//
// It is laid out in code, not from a Liquid template: its content is the data itself, walked field
// by field (access-report-words.ts labels the known fields; an unknown one is printed under its own
// key), so nothing the vault holds about the case can be left out by a template that forgot it.
// The PDF is made by the documents pipeline's own writer (documents/pdf), so it is searchable text
// with embedded fonts like every other document.
import { createHash, randomUUID } from 'node:crypto';
import { ATTACHMENT_CHUNK_BYTES } from '../../../preload/contract';
import type { DocumentLanguage, DocumentVersion } from '../../../preload/schemas/documents';
import { listAttachments } from '../attachments/service';
import { exportCase } from '../cases/exchange';
import { formatPinpoint } from '../documents/labels';
import type { Block, ComposedDocument, Inline } from '../documents/model';
import { renderPdf } from '../documents/pdf/index';
import * as documentsRepo from '../documents/repository';
import { getVersion, list as listDocuments, versionName } from '../documents/service';
import { BriefcaseError } from '../errors';
import { listLinks } from '../evidence/links';
import { listLog } from '../exchange/log';
import type { Db } from '../vault/sqlite';
import { ITEM, REPORT_TITLE, SECTION, TEXT, fieldLabel } from './access-report-words';

export const ACCESS_REPORT_TEMPLATE = { id: 'access-report', version: '1', title: REPORT_TITLE } as const;

export interface AccessReportOptions {
  now?: Date;
  fontsDir?: string;
}

export async function makeAccessReport(db: Db, input: { caseId: string; language: DocumentLanguage }, options: AccessReportOptions = {}): Promise<DocumentVersion> {
  const now = options.now ?? new Date();
  const doc = composeAccessReport(db, input.caseId, input.language, now);
  const bytes = await renderPdf(doc, { now, ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}) });
  const id = randomUUID();
  db.transaction(() => {
    const reference = documentsRepo.caseReference(db, input.caseId);
    if (reference === undefined) throw new BriefcaseError('NOT_FOUND');
    documentsRepo.insertDocument(db, {
      id,
      case_id: input.caseId,
      template_id: ACCESS_REPORT_TEMPLATE.id,
      template_version: ACCESS_REPORT_TEMPLATE.version,
      language: input.language,
      format: 'pdf',
      name: versionName(reference, ACCESS_REPORT_TEMPLATE, { language: input.language, format: 'pdf' }),
      media_type: 'application/pdf',
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      created_at: now.toISOString(),
    });
    for (let seq = 0, offset = 0; offset < bytes.byteLength; seq += 1, offset += ATTACHMENT_CHUNK_BYTES) {
      documentsRepo.insertChunk(db, id, seq, bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES));
    }
  })();
  return getVersion(db, id);
}

/** The report as a composed document (exported for tests that read its structure). */
export function composeAccessReport(db: Db, caseId: string, language: DocumentLanguage, now: Date): ComposedDocument {
  const file = exportCase(db, caseId, listAttachments); // NOT_FOUND for an unknown case
  const w = (words: Record<DocumentLanguage, string>) => words[language];
  const blocks: Block[] = [];
  const heading = (level: 1 | 2 | 3, text: string) => blocks.push({ type: 'heading', level, content: [run(text)] });
  const para = (content: Inline[]) => blocks.push({ type: 'paragraph', content });
  const none = () => para([run(w(TEXT.none))]);

  heading(1, `${w(REPORT_TITLE)} · ${file.details.reference}`);
  para([run(w(TEXT.intro))]);
  para([bold(`${w(TEXT.made)}: `), run(now.toISOString())]);

  heading(2, w(SECTION.record));
  fieldList(blocks, { id: file.id ?? caseId, createdAt: file.createdAt ?? null, updatedAt: file.updatedAt ?? null }, language);
  heading(2, w(SECTION.details));
  fieldList(blocks, file.details, language);
  heading(2, w(SECTION.client));
  fieldList(blocks, file.client, language);

  for (const key of ['household', 'timeline', 'risks', 'deadlines'] as const) {
    heading(2, w(SECTION[key]));
    const items = file[key] as unknown as Record<string, unknown>[];
    if (items.length === 0) none();
    items.forEach((item, index) => {
      heading(3, `${w(ITEM[key])} ${index + 1}`);
      fieldList(blocks, item, language);
    });
  }

  heading(2, w(SECTION.attachments));
  if (file.attachments.length === 0) none();
  for (const a of file.attachments) {
    heading(3, a.name);
    fieldList(blocks, { size: `${a.size} ${w(TEXT.bytes)}`, mediaType: a.mediaType, documentDate: a.documentDate, description: a.description, addedAt: a.addedAt, sha256: a.sha256, id: a.id }, language);
  }

  heading(2, w(SECTION.evidence));
  const links = listLinks(db, caseId, now).items;
  if (links.length === 0) none();
  for (const item of links) {
    para([
      bold(`${item.source.publisher}: ${item.source.title}`),
      run(item.source.date ? ` (${item.source.date})` : ''),
      run(`, ${formatPinpoint(item.excerpt.pinpoint, language)}`),
      run(item.riskFactorId ? ` · ${fieldLabel('factorId', language)}: ${item.riskFactorId}` : ''),
      run(` · ${fieldLabel('addedAt', language)}: ${item.addedAt}`),
    ]);
  }

  heading(2, w(SECTION.documents));
  const versions = listDocuments(db, caseId).items;
  if (versions.length === 0) none();
  for (const v of versions) {
    para([bold(v.name), run(` · ${v.templateId} ${v.templateVersion} · ${v.format} · ${v.size} ${w(TEXT.bytes)} · ${v.createdAt}`)]);
  }

  heading(2, w(SECTION.exchanges));
  const exchanges = listLog(db).items.filter((entry) => entry.caseIds.includes(caseId));
  if (exchanges.length === 0) none();
  for (const e of exchanges) {
    const clinics = e.clinics.map((c) => c.name).join(', ');
    para([bold(e.at), run(` · ${fieldLabel('direction', language)}: ${e.direction} · ${fieldLabel('clinics', language)}: ${clinics || '—'} · ${fieldLabel('via', language)}: ${e.via}`)]);
  }

  heading(2, w(SECTION.audit));
  const audit = auditEntriesNaming(db, caseId);
  if (audit.length === 0) none();
  for (const a of audit) para([bold(`#${a.seq} ${a.at}`), run(` · ${a.actor} · ${a.action} · ${a.method}`)]);

  return {
    title: `${w(REPORT_TITLE)} ${file.details.reference}`,
    author: 'Briefcase',
    language,
    subject: w(REPORT_TITLE),
    header: `${w(REPORT_TITLE)} · ${file.details.reference}`,
    blocks,
    footnotes: [],
  };
}

/** "Label: value" lines for an object; nested objects and lists of objects indent as lists. */
function fieldList(blocks: Block[], object: object, language: DocumentLanguage): void {
  const items = fieldItems(object, language);
  blocks.push(items.length > 0 ? { type: 'list', ordered: false, items } : { type: 'paragraph', content: [run(TEXT.empty[language])] });
}

function fieldItems(object: object, language: DocumentLanguage): Block[][] {
  return Object.entries(object).map(([key, value]) => {
    const label = bold(`${fieldLabel(key, language)}: `);
    if (isPlainObject(value)) {
      const nested = fieldItems(value, language);
      return [{ type: 'paragraph', content: [label] }, ...(nested.length ? [{ type: 'list' as const, ordered: false, items: nested }] : [])];
    }
    if (Array.isArray(value) && value.some(isPlainObject)) {
      const nested = value.map((entry) => (isPlainObject(entry) ? ([{ type: 'list', ordered: false, items: fieldItems(entry, language) }] as Block[]) : [{ type: 'paragraph', content: [run(scalar(entry, language))] } as Block]));
      return [{ type: 'paragraph', content: [label] }, { type: 'list', ordered: true, items: nested }];
    }
    return [{ type: 'paragraph', content: [label, run(scalar(value, language))] }];
  });
}

function scalar(value: unknown, language: DocumentLanguage): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? TEXT.yes[language] : TEXT.no[language];
  if (Array.isArray(value)) return value.length ? value.map((v) => scalar(v, language)).join(', ') : '—';
  return String(value);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const run = (text: string): Inline => ({ type: 'text', text });
const bold = (text: string): Inline => ({ type: 'text', text, bold: true });

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  method: string;
}

/** Audit entries whose ids name the case (the trail holds ids and field names only, never content). */
function auditEntriesNaming(db: Db, caseId: string): AuditRow[] {
  // The audit trail is migration 011; a vault opened by code without it has no entries to list.
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'`).get()) return [];
  return db
    .prepare(`SELECT seq, at, actor, action, method FROM audit_log WHERE EXISTS (SELECT 1 FROM json_each(audit_log.ids) WHERE value = ?) ORDER BY seq`)
    .all(caseId) as AuditRow[];
}

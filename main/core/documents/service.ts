// Documents generated for a case: made from a template (compose.ts), written as DOCX (docx.ts),
// PDF (pdf/) or a bundle (bundle.ts), and kept on the case as a version, encrypted in the vault in
// 1 MiB chunks like an attachment, with the template id and version, language, format and SHA-256.
//
// Nothing is stored unless the whole document was made: composing refuses missing fields and
// unknown citations (MISSING_FIELDS, UNKNOWN_CITATION), stale sources refuse until the lawyer has
// seen them (STALE_EVIDENCE, unless acknowledgeStale), and the row and every chunk are written in
// one transaction after rendering succeeded.
import { createHash, randomUUID } from 'node:crypto';
import { ATTACHMENT_CHUNK_BYTES } from '../../../preload/contract';
import type { DocumentRequest, DocumentVersion, GenerateRequest, Preflight, StaleCitation, TemplateSummary } from '../../../preload/schemas/documents';
import { DOCX } from '../attachments/media-type';
import { BriefcaseError } from '../errors';
import { base64Chunk, saveCheckedCopy } from '../files/chunked-file';
import type { Db } from '../vault/sqlite';
import { buildBundle, inspectAnnex, type BundleAnnex } from './bundle/index';
import { bundleText } from './bundle-text';
import { composeDocument, preflight } from './compose';
import { renderDocx } from './docx';
import { loadFonts, renderPdf } from './pdf/index';
import * as repo from './repository';
import { listTemplates } from './templates';

export interface DocumentOptions {
  /** The day the document is dated (compose) and stale sources are judged against. */
  today?: Date;
  /** The shipped templates' folder (tests point it elsewhere). */
  dir?: string;
  /** The PDF fonts' folder. */
  fontsDir?: string;
  /** When the version is stored; defaults to now. */
  now?: Date;
}

type Composed = Awaited<ReturnType<typeof composeDocument>>;

/**
 * The pre-flight report, with each annex inspected: whether the bundle can include it (a
 * password-protected or damaged PDF cannot) and how many pages it will take.
 */
export async function check(db: Db, request: DocumentRequest, options: DocumentOptions = {}): Promise<Preflight> {
  const { annexList, ...report } = await preflight(db, request, composeOptions(options));
  const byNumber = new Map(annexList.map((annex) => [annex.number, annex]));
  const annexes = [];
  for (const annex of report.annexes) {
    const stored = byNumber.get(annex.number);
    annexes.push({ ...annex, ...(stored ? await inspectAnnex(db, stored) : { pages: null, usable: false }) });
  }
  return { ...report, annexes };
}

/** Makes the document and stores it as a new version of the case's documents. */
export async function generate(db: Db, request: GenerateRequest, options: DocumentOptions = {}): Promise<DocumentVersion> {
  const main = await composeDocument(db, request, composeOptions(options));
  const cover = request.format === 'bundle' ? await composeCompanion(db, request, main, options) : null;
  const parts = cover ? [cover.composed, cover.main] : [main];

  const stale = uniqueStale(parts.flatMap((part) => part.preflight.stale));
  if (stale.length > 0 && !request.acknowledgeStale) {
    throw new BriefcaseError(
      'STALE_EVIDENCE',
      stale.map((item) => ({ path: item.excerptId, message: 'validation.staleSource', params: { title: item.sourceTitle, date: item.date ?? '—' } })),
    );
  }

  const bytes = await render(db, request, parts, options);
  const reference = repo.caseReference(db, request.caseId);
  if (reference === undefined) throw new BriefcaseError('NOT_FOUND');
  const row: repo.DocumentRow = {
    id: randomUUID(),
    case_id: request.caseId,
    template_id: main.template.id,
    template_version: main.template.version,
    language: request.language,
    format: request.format,
    name: versionName(reference, main.template, request),
    media_type: request.format === 'docx' ? DOCX : 'application/pdf',
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    created_at: (options.now ?? new Date()).toISOString(),
  };
  db.transaction(() => {
    if (!repo.caseExists(db, request.caseId)) throw new BriefcaseError('NOT_FOUND');
    repo.insertDocument(db, row);
    for (let seq = 0, offset = 0; offset < bytes.byteLength; seq += 1, offset += ATTACHMENT_CHUNK_BYTES) {
      repo.insertChunk(db, row.id, seq, bytes.subarray(offset, offset + ATTACHMENT_CHUNK_BYTES));
    }
  })();
  return toVersion(row);
}

export function list(db: Db, caseId: string): { items: DocumentVersion[] } {
  if (!repo.caseExists(db, caseId)) throw new BriefcaseError('NOT_FOUND');
  return { items: repo.listDocuments(db, caseId).map(toVersion) };
}

export function getVersion(db: Db, id: string): DocumentVersion {
  const row = repo.getDocument(db, id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  return toVersion(row);
}

/** One stored chunk, base64; `last` on the final one (as attachments.read). */
export function read(db: Db, input: { id: string; index: number }): { data: string; last: boolean } {
  if (!repo.getDocument(db, input.id)) throw new BriefcaseError('NOT_FOUND');
  return base64Chunk((seq) => repo.chunk(db, input.id, seq), repo.chunkCount(db, input.id), input.index);
}

/** Writes a checked copy to `path` (temporary file, fsync, size and SHA-256, rename: chunked-file.ts). */
export async function saveCopy(db: Db, input: { id: string; path: string }): Promise<{ bytes: number }> {
  const row = repo.getDocument(db, input.id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  return saveCheckedCopy((seq) => repo.chunk(db, row.id, seq), row, input.path);
}

export function remove(db: Db, input: { id: string }): Record<string, never> {
  db.transaction(() => {
    if (!repo.deleteDocument(db, input.id)) throw new BriefcaseError('NOT_FOUND');
  })();
  return {};
}

// ---------------------------------------------------------------------------------------------

const composeOptions = (options: DocumentOptions) => ({
  ...(options.today ? { today: options.today } : {}),
  ...(options.dir ? { dir: options.dir } : {}),
});

/**
 * For a bundle: the other half of the pair. Asked for the brief, the cover letter goes in front;
 * asked for the cover letter, the brief follows it. The annexes are always the brief's.
 */
async function composeCompanion(db: Db, request: GenerateRequest, requested: Composed, options: DocumentOptions): Promise<{ composed: Composed; main: Composed }> {
  const templates = listTemplates(db, options.dir);
  const offered = (kind: TemplateSummary['kind']) =>
    templates.filter((t) => t.kind === kind && t.languages.includes(request.language)).sort((a, b) => preferShipped(a) - preferShipped(b))[0];
  const wantedKind = requested.template.kind === 'cover_letter' ? 'brief' : 'cover_letter';
  const companion = offered(wantedKind);
  if (!companion) throw new BriefcaseError('LANGUAGE_NOT_OFFERED', [{ path: 'templateId', message: 'validation.noCompanionTemplate', params: { kind: wantedKind } }]);
  const other = await composeDocument(db, { caseId: request.caseId, templateId: companion.id, language: request.language }, composeOptions(options));
  return wantedKind === 'cover_letter' ? { composed: other, main: requested } : { composed: requested, main: other };
}

/** The shipped "cover-letter" and "brief" come first, then anything else of the kind. */
const preferShipped = (t: TemplateSummary) => (t.id === 'cover-letter' || t.id === 'brief' ? 0 : t.origin === 'shipped' ? 1 : 2);

async function render(db: Db, request: GenerateRequest, parts: Composed[], options: DocumentOptions): Promise<Uint8Array> {
  const pdfOptions = options.fontsDir ? { fontsDir: options.fontsDir } : {};
  if (request.format === 'docx') return renderDocx(parts[0]!.document, { now: options.now ?? new Date() });
  if (request.format === 'pdf') return renderPdf(parts[0]!.document, pdfOptions);
  const rendered = [];
  for (const part of parts) rendered.push({ title: part.template.title[request.language], pdf: await renderPdf(part.document, pdfOptions) });
  const brief = parts[parts.length - 1]!;
  const annexes: BundleAnnex[] = brief.annexes.map((a) => ({ number: a.number, name: a.name, attachmentId: a.attachmentId, mediaType: a.mediaType }));
  return buildBundle(db, {
    language: request.language,
    title: brief.document.title,
    author: brief.document.author,
    subject: brief.document.subject,
    parts: rendered,
    annexes,
    embedFonts: async (pdf) => {
      const fonts = await loadFonts(pdf, options.fontsDir);
      return { regular: fonts.regular.pdfFont, bold: fonts.bold.pdfFont };
    },
    ...(options.now ? { now: options.now } : {}),
  });
}

function uniqueStale(items: StaleCitation[]): StaleCitation[] {
  const seen = new Map<string, StaleCitation>();
  for (const item of items) if (!seen.has(item.excerptId)) seen.set(item.excerptId, item);
  return [...seen.values()];
}

// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const UNSAFE_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

/** "2026-200 Indlæg (da).pdf", "2026-200 Brief with annexes (en).pdf": safe on every file system. */
export function versionName(reference: string, template: { title: { da: string; en: string } }, request: Pick<GenerateRequest, 'language' | 'format'>): string {
  const title = template.title[request.language];
  const suffix = request.format === 'bundle' ? ` ${bundleText[request.language].bundleSuffix}` : '';
  const tail = ` (${request.language}).${request.format === 'docx' ? 'docx' : 'pdf'}`;
  const stem = `${reference} ${title}${suffix}`.replace(UNSAFE_NAME, '_').replace(/\s+/g, ' ').trim();
  return [...stem].slice(0, 255 - tail.length).join('').trim() + tail;
}

function toVersion(row: repo.DocumentRow): DocumentVersion {
  return {
    id: row.id,
    caseId: row.case_id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    language: row.language,
    format: row.format,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

// What an export holds, and under which paths in the archive (docs/exchange.md lists them; the
// import reads them back by these same constants and schemas).
//
//   cases/<caseId>.json            the case file (CaseFile, as `case show --json`), with its
//                                  attachments' metadata; one per case, in the order asked
//   evidence/library.json          the evidence the cases cite, in the library's own JSON format
//                                  (EvidenceLibraryFile): the linked excerpts and their sources
//   evidence/links.json            EvidenceLinksFile: which excerpt is linked to which case (and
//                                  risk factor), and which attachment is a source's stored document
//   documents/index.json           DocumentIndexFile: the generated documents' metadata (only with
//                                  includeDocuments; absent otherwise)
//   attachments/<sha256>           the bytes of every attachment and source document, once per
//                                  distinct SHA-256 (two cases holding the same file carry it once)
//   documents/<documentId>         the bytes of each generated document version
//
// The JSON entries come first, the bytes after: an importer can check every file's metadata
// before the large entries arrive. Bytes are streamed from the vault's 1 MiB chunks; nothing
// is held whole in memory. Everything is read inside the api's serialised queue, so no call can
// change the vault while the export streams it.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AttachmentMeta, type CaseFile } from '../../../preload/schemas/case-file';
import { DocumentVersion } from '../../../preload/schemas/documents';
import { EVIDENCE_FILE_FORMAT, EVIDENCE_FILE_VERSION, type EvidenceLibraryFile } from '../../../preload/schemas/evidence';
import { Id } from '../../../preload/schemas/text';
import * as attachmentRepo from '../attachments/repository';
import { listAttachments, sourceDocuments } from '../attachments/service';
import { exportCase } from '../cases/exchange';
import * as documentRepo from '../documents/repository';
import { list as listDocuments } from '../documents/service';
import { BriefcaseError } from '../errors';
import { toExcerpt, toLibrarySource } from '../evidence/convert';
import * as evidenceRepo from '../evidence/repository';
import type { Db } from '../vault/sqlite';
import type { ExportEntry } from './container';

export const ENTRY = {
  case: (caseId: string) => `cases/${caseId}.json`,
  evidenceLibrary: 'evidence/library.json',
  evidenceLinks: 'evidence/links.json',
  documentIndex: 'documents/index.json',
  attachment: (sha256: string) => `attachments/${sha256}`,
  document: (documentId: string) => `documents/${documentId}`,
} as const;

export const EVIDENCE_LINKS_FORMAT = 'briefcase-evidence-links';
export const DOCUMENT_INDEX_FORMAT = 'briefcase-document-index';

export const EvidenceLinksFile = z
  .object({
    format: z.literal(EVIDENCE_LINKS_FORMAT),
    version: z.literal(1, 'validation.unsupportedVersion'),
    links: z.array(z.object({ caseId: Id, excerptId: Id, riskFactorId: z.string().max(200).nullable(), addedAt: z.iso.datetime() }).strict()).max(100_000),
    /** A source's stored document (an attachment owned by the source): its bytes are attachments/<sha256>. */
    sourceDocuments: z.array(z.object({ sourceId: Id, attachment: AttachmentMeta }).strict()).max(100_000),
  })
  .strict();
export type EvidenceLinksFile = z.infer<typeof EvidenceLinksFile>;

export const DocumentIndexFile = z
  .object({
    format: z.literal(DOCUMENT_INDEX_FORMAT),
    version: z.literal(1, 'validation.unsupportedVersion'),
    documents: z.array(DocumentVersion).max(100_000),
  })
  .strict();
export type DocumentIndexFile = z.infer<typeof DocumentIndexFile>;

export interface Collected {
  entries: ExportEntry[];
  /** The case files as exported (they become the exchange bases: export.ts). */
  cases: CaseFile[];
}

/** The entries for the chosen cases. NOT_FOUND (with the index) for a case that is not there. */
export function collectEntries(db: Db, caseIds: readonly string[], options: { includeDocuments: boolean }): Collected {
  const missing = caseIds.map((id, index) => ({ id, index })).filter(({ id }) => !evidenceRepo.caseExists(db, id));
  if (missing.length > 0) throw new BriefcaseError('NOT_FOUND', missing.map(({ index }) => ({ path: `caseIds.${index}`, message: 'validation.invalidValue' })));

  const ids = [...new Set(caseIds)];
  const entries: ExportEntry[] = [];
  const cases = ids.map((id) => exportCase(db, id, listAttachments));
  cases.forEach((file, index) => entries.push(jsonEntry(ENTRY.case(ids[index]!), file)));

  // The evidence the cases cite: their linked excerpts, those excerpts' sources and the sources'
  // stored documents. Not the rest of the library.
  const links = ids.flatMap((caseId) =>
    evidenceRepo.links(db, caseId).map((l) => ({ caseId, excerptId: l.excerpt_id, riskFactorId: l.risk_factor_id === '' ? null : l.risk_factor_id, addedAt: l.added_at })),
  );
  const excerpts = evidenceRepo.excerptsByIds(db, [...new Set(links.map((l) => l.excerptId))]);
  const sourceIds = [...new Set(excerpts.map((e) => e.source_id))];
  const sources = evidenceRepo.sourcesByIds(db, sourceIds);
  const library: EvidenceLibraryFile = {
    format: EVIDENCE_FILE_FORMAT,
    version: EVIDENCE_FILE_VERSION,
    sources: sources.map(toLibrarySource),
    excerpts: excerpts.map(toExcerpt),
  };
  const sourceDocs = [...sourceDocuments(db, sourceIds)].map(([sourceId, attachment]) => ({ sourceId, attachment }));
  entries.push(jsonEntry(ENTRY.evidenceLibrary, library));
  entries.push(jsonEntry(ENTRY.evidenceLinks, { format: EVIDENCE_LINKS_FORMAT, version: 1, links, sourceDocuments: sourceDocs } satisfies EvidenceLinksFile));

  const documents = options.includeDocuments ? ids.flatMap((caseId) => listDocuments(db, caseId).items) : [];
  if (options.includeDocuments) entries.push(jsonEntry(ENTRY.documentIndex, { format: DOCUMENT_INDEX_FORMAT, version: 1, documents } satisfies DocumentIndexFile));

  // Bytes, once per SHA-256.
  const seen = new Set<string>();
  for (const meta of [...cases.flatMap((c) => c.attachments), ...sourceDocs.map((d) => d.attachment)]) {
    if (seen.has(meta.sha256)) continue;
    seen.add(meta.sha256);
    entries.push(chunkedEntry(ENTRY.attachment(meta.sha256), meta, (seq) => attachmentRepo.chunk(db, meta.id, seq)));
  }
  for (const version of documents) {
    entries.push(chunkedEntry(ENTRY.document(version.id), version, (seq) => documentRepo.chunk(db, version.id, seq)));
  }
  return { entries, cases };
}

function jsonEntry(path: string, value: unknown): ExportEntry {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    path,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    async *open() {
      yield bytes;
    },
  };
}

/** A stored file's chunks, read one at a time as the container asks for them. */
function chunkedEntry(path: string, meta: { size: number; sha256: string }, chunk: (seq: number) => Buffer | undefined): ExportEntry {
  return {
    path,
    size: meta.size,
    sha256: meta.sha256,
    async *open() {
      for (let seq = 0; ; seq += 1) {
        const data = chunk(seq);
        if (!data) return;
        yield data;
      }
    },
  };
}

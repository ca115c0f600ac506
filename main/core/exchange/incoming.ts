// The entries of a verified import file, read back and checked against the schemas and against
// each other (collect.ts names the paths and their formats; docs/exchange.md lists them).
//
// Two kinds of refusal:
// - EXPORT_DAMAGED: the archive's structure does not hold together: an unknown path, a JSON entry
//   that does not parse, a case file whose id is not its entry's, the same id twice (cases,
//   attachments, documents, sources, excerpts), an attachment or document without its bytes or
//   bytes nobody refers to, a link to a case or excerpt that is not in the file. The signature
//   only proves who made the file, not that their program made it right.
// - INVALID_INPUT, with every problem as an issue ("<entry path>#<JSON path>"): a well-formed file
//   whose content this vault cannot take: a field that fails the schemas, a jurisdiction, region
//   or risk factor this vault's reference data does not know, a file type attachments may not be.
import type { z } from 'zod';
import type { Issue } from '../../../preload/contract';
import { CaseFile, type AttachmentMeta } from '../../../preload/schemas/case-file';
import type { DocumentVersion } from '../../../preload/schemas/documents';
import { EvidenceLibraryFile } from '../../../preload/schemas/evidence';
import { Id } from '../../../preload/schemas/text';
import { decideMediaType, DOCX } from '../attachments/media-type';
import { checkDetails, checkRisks } from '../cases/checks';
import * as caseRepo from '../cases/repository';
import { BriefcaseError, issuesFromZod } from '../errors';
import { parseOwn } from '../evidence/import/own';
import type { ParsedLibrary } from '../evidence/import/parsed';
import { referenceIndex } from '../reference/service';
import type { Db } from '../vault/sqlite';
import { DocumentIndexFile, ENTRY, EvidenceLinksFile } from './collect';
import type { Manifest } from './manifest';

export interface Incoming {
  /** The case files in manifest order, checked, each with its id. */
  cases: (CaseFile & { id: string })[];
  library: ParsedLibrary | null;
  counts: { sources: number; excerpts: number };
  links: EvidenceLinksFile['links'];
  sourceDocuments: EvidenceLinksFile['sourceDocuments'];
  documents: DocumentVersion[];
  /** Per attachment SHA-256: the media type to store (sniffed from the bytes while staging). */
  mediaTypes: Map<string, string>;
}

/** What the staging sink found out about each attachment's bytes: its sniffed type, or null (not allowed). */
export type SniffedTypes = ReadonlyMap<string, string | null>;

const CASE_PATH = /^cases\/([^/]+)\.json$/;
const ATTACHMENT_PATH = /^attachments\/([0-9a-f]{64})$/;
const DOCUMENT_PATH = /^documents\/([^/]+)$/;

const damaged = () => new BriefcaseError('EXPORT_DAMAGED');
const isId = (value: string) => Id.safeParse(value).success;

/**
 * Reads and checks every entry. `json(path)` gives a JSON entry's bytes (from memory during the
 * preview, from staging at apply); `sniffed` the attachments' types as found while staging.
 */
export function readIncoming(db: Db, manifest: Manifest, json: (path: string) => Buffer | undefined, sniffed: SniffedTypes): Incoming {
  const entries = new Map(manifest.entries.map((entry) => [entry.path, entry]));
  const issues: Issue[] = [];
  const load = (path: string): unknown => {
    const bytes = json(path);
    if (!bytes) throw damaged();
    try {
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
    } catch {
      throw damaged();
    }
  };
  const parse = <T>(schema: z.ZodType<T>, path: string): T | null => {
    const result = schema.safeParse(load(path));
    if (result.success) return result.data;
    collect(issues, path, issuesFromZod(result.error));
    return null;
  };

  // Every path must be one this format knows.
  const casePaths: { path: string; id: string }[] = [];
  const attachmentEntries = new Map<string, number>();
  const documentEntries = new Map<string, { size: number; sha256: string }>();
  for (const entry of manifest.entries) {
    const caseMatch = CASE_PATH.exec(entry.path);
    const attachmentMatch = ATTACHMENT_PATH.exec(entry.path);
    const documentMatch = DOCUMENT_PATH.exec(entry.path);
    if (caseMatch && isId(caseMatch[1]!)) casePaths.push({ path: entry.path, id: caseMatch[1]! });
    else if (attachmentMatch) {
      // The name is the content's hash, and the manifest's hash (checked while reading) must say so.
      if (entry.sha256 !== attachmentMatch[1]) throw damaged();
      attachmentEntries.set(entry.sha256, entry.size);
    } else if (entry.path === ENTRY.evidenceLibrary || entry.path === ENTRY.evidenceLinks || entry.path === ENTRY.documentIndex) continue;
    else if (documentMatch && isId(documentMatch[1]!)) documentEntries.set(documentMatch[1]!, entry);
    else throw damaged();
  }
  if (casePaths.length === 0) throw damaged();

  const libraryFile = entries.has(ENTRY.evidenceLibrary) ? parse(EvidenceLibraryFile, ENTRY.evidenceLibrary) : null;
  const linksFile = entries.has(ENTRY.evidenceLinks) ? parse(EvidenceLinksFile, ENTRY.evidenceLinks) : null;
  const documentIndex = entries.has(ENTRY.documentIndex) ? parse(DocumentIndexFile, ENTRY.documentIndex) : null;

  const reference = referenceIndex(db);
  const caseIds = new Set(casePaths.map((c) => c.id));
  const cases: Incoming['cases'] = [];
  for (const { path, id } of casePaths) {
    const file = parse(CaseFile, path);
    if (!file) continue;
    if (file.id !== id) throw damaged();
    collect(issues, path, [...checkDetails(file.details, reference, 'details.'), ...checkRisks(file.risks, reference, 'risks.')]);
    // A family member's own case that neither this vault nor the file holds: the link cannot be
    // kept (the case is not here), the member is.
    const household = file.household.map((member) =>
      member.linkedCaseId !== null && (member.linkedCaseId === id || !(caseIds.has(member.linkedCaseId) || caseRepo.caseExists(db, member.linkedCaseId)))
        ? { ...member, linkedCaseId: null }
        : member,
    );
    cases.push({ ...file, id, household });
  }
  if (issues.some((issue) => issue.message === 'validation.duplicateId')) throw damaged();

  // Attachments: ids unique in the whole file, and every one's bytes present, and no bytes extra.
  const sourceDocuments = linksFile?.sourceDocuments ?? [];
  const metas: { meta: AttachmentMeta; where: string }[] = [
    ...cases.flatMap((file) => file.attachments.map((meta, index) => ({ meta, where: `${ENTRY.case(file.id)}#attachments.${index}` }))),
    ...sourceDocuments.map((doc, index) => ({ meta: doc.attachment, where: `${ENTRY.evidenceLinks}#sourceDocuments.${index}.attachment` })),
  ];
  unique(metas.map(({ meta }) => meta.id));
  const mediaTypes = new Map<string, string>();
  for (const { meta, where } of metas) {
    if (attachmentEntries.get(meta.sha256) !== meta.size) throw damaged();
    const kind = sniffed.get(meta.sha256);
    if (kind === undefined) throw damaged();
    if (kind === null) {
      issues.push({ path: `${where}.mediaType`, message: 'validation.invalidValue' });
      continue;
    }
    // The content decides; the sender's word only tells text kinds apart (media-type.ts).
    mediaTypes.set(meta.sha256, kind === 'text/plain' ? decideMediaType('text/plain', meta.mediaType, false) : kind);
  }
  const referenced = new Set(metas.map(({ meta }) => meta.sha256));
  if ([...attachmentEntries.keys()].some((sha) => !referenced.has(sha))) throw damaged();

  // Evidence: the library, and links that point into it and to the file's cases.
  let library: ParsedLibrary | null = null;
  if (libraryFile) {
    const parsed = parseOwn(libraryFile);
    if (Array.isArray(parsed)) collect(issues, ENTRY.evidenceLibrary, parsed);
    else library = parsed;
  }
  const excerptIds = new Set(libraryFile?.excerpts.map((e) => e.id) ?? []);
  const sourceIds = new Set(libraryFile?.sources.map((s) => s.id) ?? []);
  const links = linksFile?.links ?? [];
  links.forEach((link, index) => {
    if (!caseIds.has(link.caseId) || !excerptIds.has(link.excerptId)) throw damaged();
    if (link.riskFactorId !== null && !reference.factor(link.riskFactorId)) {
      issues.push({ path: `${ENTRY.evidenceLinks}#links.${index}.riskFactorId`, message: 'validation.invalidValue' });
    }
  });
  if (sourceDocuments.some((doc) => !sourceIds.has(doc.sourceId))) throw damaged();
  unique(sourceDocuments.map((doc) => doc.sourceId));

  // Generated documents: each in the index has its bytes, of its case, of a type that fits its format.
  const documents = documentIndex?.documents ?? [];
  unique(documents.map((doc) => doc.id));
  documents.forEach((doc, index) => {
    const bytes = documentEntries.get(doc.id);
    if (!bytes || bytes.size !== doc.size || bytes.sha256 !== doc.sha256 || !caseIds.has(doc.caseId)) throw damaged();
    if (doc.mediaType !== (doc.format === 'docx' ? DOCX : 'application/pdf')) {
      issues.push({ path: `${ENTRY.documentIndex}#documents.${index}.mediaType`, message: 'validation.invalidValue' });
    }
  });
  if (documentEntries.size !== documents.length) throw damaged();

  if (issues.some((issue) => issue.message === 'validation.duplicateId')) throw damaged();
  if (issues.length > 0) throw new BriefcaseError('INVALID_INPUT', issues);
  return {
    cases,
    library,
    counts: { sources: libraryFile?.sources.length ?? 0, excerpts: libraryFile?.excerpts.length ?? 0 },
    links,
    sourceDocuments,
    documents,
    mediaTypes,
  };
}

function collect(into: Issue[], entry: string, issues: Issue[]): void {
  for (const issue of issues) into.push({ ...issue, path: `${entry}#${issue.path}` });
}

/** The same id twice in one file is a damaged file. */
function unique(ids: string[]): void {
  if (new Set(ids).size !== ids.length) throw damaged();
}

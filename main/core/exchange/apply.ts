// What an import will do (planCases: for the preview and again at apply) and doing it (applyImport).
//
// Apply runs in ONE transaction: the sender's trust, the evidence (merged by the library importer),
// the cases (added, or updated section by section with their revisions bumped), the attachments
// and documents (their chunks copied from staging inside the database, never through memory
// whole), the evidence links, the exchange bases, the log entry, and the removal of the staging.
// Any refusal (UNTRUSTED_SENDER, unresolved conflicts, a merged case that does not validate) rolls
// all of it back and keeps the staging, so the person can answer and apply again.
//
// Attachments are deduplicated by SHA-256: an attachment the case already has (same id, or other id
// and same bytes: both clinics attached the same letter) is not stored again, and the incoming
// case's references to it are pointed at ours. A source whose stored document we already have
// keeps ours.
import { randomUUID } from 'node:crypto';
import type { Issue } from '../../../preload/contract';
import { CASE_FILE_FORMAT, CASE_FILE_VERSION, CaseFile, SECTIONS, type AttachmentMeta, type Section } from '../../../preload/schemas/case-file';
import type { FieldConflict, ImportApply, ImportOutcome } from '../../../preload/schemas/exchange';
import { listAttachments, sourceDocuments } from '../attachments/service';
import { checkHousehold, checkRiskSources, checkRisks } from '../cases/checks';
import * as caseRepo from '../cases/repository';
import * as sections from '../cases/sections-repository';
import { insertCase, readCase } from '../cases/store';
import { writeDeadlines } from '../deadlines/service';
import { BriefcaseError } from '../errors';
import { toExcerptRow } from '../evidence/convert';
import { importParsed } from '../evidence/library';
import * as evidenceRepo from '../evidence/repository';
import { referenceIndex } from '../reference/service';
import type { Db } from '../vault/sqlite';
import { getIdentity } from './clinic';
import { ENTRY } from './collect';
import { canonical, compareCase, comparedParts, type Take } from './compare';
import { readIncoming, type Incoming } from './incoming';
import { logExchange } from './log';
import type { Manifest } from './manifest';
import { senderStatus, trustSender } from './partners';
import { deleteImport, getImport, stagedBytes } from './staging';

type IncomingCase = Incoming['cases'][number];
type Parts = ReturnType<typeof comparedParts>;

export interface CasePlan {
  caseId: string;
  reference: string;
  clientName: string;
  action: 'add' | 'same' | 'update' | 'conflict';
  /** Conflicts `resolve` did not answer. */
  conflicts: FieldConflict[];
  /** The incoming case as it will be kept as the exchange base (links and attachment ids made ours). */
  theirs: IncomingCase;
  /** The case parts to write (theirs for a new case; the merge for an existing one). */
  merged: Parts;
  /** The vault's case, or null when the case is new here. */
  mine: CaseFile | null;
  newAttachments: AttachmentMeta[];
  knownAttachments: number;
}

/** What the preview stores beside the ImportPreview, for apply (migration 008: imports.preview). */
export interface StoredPreview {
  manifestSha256: string;
  /** Sniffed media type per attachment SHA-256 (null: not a kind attachments may be). */
  sniffed: Record<string, string | null>;
}

/** The sender as the address book knows it; this clinic itself counts as trusted. */
export function senderOf(db: Db, sender: Manifest['sender']): { trusted: boolean; revoked: boolean; partnerId: string | null } {
  if (getIdentity(db)?.fingerprint === sender.fingerprint) return { trusted: true, revoked: false, partnerId: null };
  return senderStatus(db, sender.fingerprint);
}

/** Each incoming case compared with the vault, its conflicts answered by `resolve` where it can. */
export function planCases(db: Db, incoming: Incoming, resolve: (caseId: string, path: string) => Take | undefined = () => undefined): CasePlan[] {
  const claimed = new Set<string>();
  const attachmentIdTaken = db.prepare('SELECT 1 FROM attachments WHERE id = ?');
  const issues: Issue[] = [];
  const plans = incoming.cases.map((file): CasePlan => {
    const exists = caseRepo.caseExists(db, file.id);
    const mine = exists ? readCase(db, file.id, listAttachments).file : null;

    // Attachments: known by id, or by content (then their references are pointed at ours).
    const ours = mine?.attachments ?? [];
    const byId = new Map(ours.map((a) => [a.id, a]));
    const bySha = new Map(ours.map((a) => [a.sha256, a.id]));
    const remap = new Map<string, string>();
    const newAttachments: AttachmentMeta[] = [];
    let knownAttachments = 0;
    file.attachments.forEach((meta, index) => {
      const same = byId.get(meta.id);
      const sameBytes = bySha.get(meta.sha256);
      if (same) {
        if (same.sha256 === meta.sha256) knownAttachments += 1;
        else issues.push({ path: `${ENTRY.case(file.id)}#attachments.${index}.id`, message: 'validation.invalidValue' });
      } else if (sameBytes !== undefined) {
        remap.set(meta.id, sameBytes);
        knownAttachments += 1;
      } else if (attachmentIdTaken.get(meta.id) !== undefined) {
        issues.push({ path: `${ENTRY.case(file.id)}#attachments.${index}.id`, message: 'validation.invalidValue' });
      } else {
        newAttachments.push(meta);
        bySha.set(meta.sha256, meta.id);
      }
    });
    const theirs: IncomingCase = {
      ...file,
      risks: file.risks.map((risk) => ({
        ...risk,
        sources: risk.sources.map((source) => (source.kind === 'attachment' ? { ...source, id: remap.get(source.id) ?? source.id } : source)),
      })),
    };

    const base = exists ? baseOf(db, file.id) : null;
    const comparison = mine ? compareCase(base, comparedParts(mine), comparedParts(theirs), (path) => resolve(file.id, path)) : null;
    const merged = comparison ? comparison.merged : comparedParts(theirs);

    // A reference another case here already has (each clinic numbers its own cases): the incoming
    // one gets a suffix ("2026-014-2"); the base keeps theirs, so the next import sees no change.
    const reference = freeReference(db, merged.details.reference, exists ? file.id : null, claimed);
    claimed.add(reference.toLowerCase());
    const withReference = reference === merged.details.reference ? merged : { ...merged, details: { ...merged.details, reference } };

    let action: CasePlan['action'] = 'add';
    if (mine && comparison) {
      const changed = comparison.changed || newAttachments.length > 0 || reference !== mine.details.reference;
      action = comparison.conflicts.length > 0 ? 'conflict' : changed ? 'update' : 'same';
    }
    return {
      caseId: file.id,
      reference,
      clientName: withReference.client.name,
      action,
      conflicts: comparison?.conflicts ?? [],
      theirs,
      merged: withReference,
      mine,
      newAttachments,
      knownAttachments,
    };
  });
  if (issues.length > 0) throw new BriefcaseError('INVALID_INPUT', issues);
  return plans;
}

/** The case file last exchanged for this case (exchange_bases), as compared parts; null if none. */
function baseOf(db: Db, caseId: string): Parts | null {
  const row = db.prepare('SELECT file FROM exchange_bases WHERE case_id = ?').get(caseId) as { file: string } | undefined;
  if (!row) return null;
  const parsed = CaseFile.safeParse(JSON.parse(row.file));
  return parsed.success ? comparedParts(parsed.data) : null;
}

function freeReference(db: Db, wanted: string, selfId: string | null, claimed: ReadonlySet<string>): string {
  const free = (ref: string) => !claimed.has(ref.toLowerCase()) && !caseRepo.referenceExists(db, ref, selfId);
  if (free(wanted)) return wanted;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${wanted.slice(0, 64 - suffix.length)}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

/** Source documents and generated documents the vault does not have yet (for the preview's counts). */
export function countOthers(db: Db, incoming: Incoming): { sourceDocuments: { add: number; known: number }; documents: number } {
  const attachmentExists = db.prepare('SELECT 1 FROM attachments WHERE id = ?');
  const documentExists = db.prepare('SELECT 1 FROM case_documents WHERE id = ?');
  const known = incoming.sourceDocuments.filter((doc) => attachmentExists.get(doc.attachment.id) !== undefined).length;
  return {
    sourceDocuments: { add: incoming.sourceDocuments.length - known, known },
    documents: incoming.documents.filter((doc) => documentExists.get(doc.id) === undefined).length,
  };
}

// ---------------------------------------------------------------------------------------------
// apply

export function applyImport(db: Db, input: ImportApply, now = new Date()): ImportOutcome {
  const stamp = now.toISOString();
  return db.transaction((): ImportOutcome => {
    const row = getImport(db, input.importId);
    if (!row || row.state !== 'previewed' || !row.manifest || !row.preview) throw new BriefcaseError('NOT_FOUND');
    const manifest = JSON.parse(row.manifest) as Manifest;
    const stored = JSON.parse(row.preview) as { stored: StoredPreview };

    const sender = senderOf(db, manifest.sender);
    if (!sender.trusted) {
      if (!input.trustSender) throw new BriefcaseError('UNTRUSTED_SENDER');
      trustSender(db, manifest.sender, now);
    }

    const incoming = readIncoming(db, manifest, (path) => stagedBytes(db, input.importId, path), new Map(Object.entries(stored.stored.sniffed)));
    const answers = new Map(input.resolutions.map((r) => [`${r.caseId}\u0000${r.path}`, r.take]));
    const plans = planCases(db, incoming, (caseId, path) => answers.get(`${caseId}\u0000${path}`));
    const unresolved = plans.flatMap((plan) => plan.conflicts.map((c) => ({ path: `resolutions.${plan.caseId}.${c.path}`, message: 'validation.required' })));
    if (unresolved.length > 0) throw new BriefcaseError('INVALID_INPUT', unresolved);
    checkMerged(db, plans);

    // Evidence first: the links below need the excerpts' ids in this vault.
    const { excerptIds, sourceIds } = importEvidence(db, incoming, now);

    let added = 0;
    let known = 0;
    const outcome: ImportOutcome['cases'] = [];
    for (const plan of plans) {
      if (plan.mine === null) {
        insertCase(db, plan.caseId, plan.merged, stamp);
        if (plan.theirs.createdAt) db.prepare('UPDATE cases SET created_at = ? WHERE id = ?').run(plan.theirs.createdAt, plan.caseId);
        outcome.push({ caseId: plan.caseId, action: 'added' });
      } else {
        const written = writeChanged(db, plan.caseId, plan.mine, plan.merged, stamp);
        outcome.push({ caseId: plan.caseId, action: written || plan.newAttachments.length > 0 ? 'updated' : 'unchanged' });
      }
      for (const meta of plan.newAttachments) {
        insertAttachment(db, input.importId, { ...meta, mediaType: incoming.mediaTypes.get(meta.sha256)! }, { caseId: plan.caseId, sourceId: null });
      }
      added += plan.newAttachments.length;
      known += plan.knownAttachments;
      db.prepare('INSERT OR REPLACE INTO exchange_bases (case_id, file, updated_at) VALUES (?, ?, ?)').run(plan.caseId, JSON.stringify(plan.theirs), stamp);
    }

    // A source's stored document, unless the source (ours, if it merged) has one already.
    for (const doc of incoming.sourceDocuments) {
      const sourceId = sourceIds.get(doc.sourceId) ?? doc.sourceId;
      if (sourceDocuments(db, [sourceId]).size > 0) {
        known += 1;
        continue;
      }
      const free = db.prepare('SELECT 1 FROM attachments WHERE id = ?').get(doc.attachment.id) === undefined;
      const meta = { ...doc.attachment, id: free ? doc.attachment.id : randomUUID(), mediaType: incoming.mediaTypes.get(doc.attachment.sha256)! };
      insertAttachment(db, input.importId, meta, { caseId: null, sourceId });
      added += 1;
    }

    for (const link of incoming.links) {
      const excerptId = excerptIds.get(link.excerptId);
      if (excerptId === undefined) throw new BriefcaseError('EXPORT_DAMAGED');
      evidenceRepo.insertLink(db, { case_id: link.caseId, excerpt_id: excerptId, risk_factor_id: link.riskFactorId ?? '', added_at: link.addedAt });
    }

    const documentExists = db.prepare('SELECT 1 FROM case_documents WHERE id = ?');
    for (const doc of incoming.documents) {
      if (documentExists.get(doc.id) !== undefined) continue;
      db.prepare(
        `INSERT INTO case_documents (id, case_id, template_id, template_version, language, format, name, media_type, size, sha256, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(doc.id, doc.caseId, doc.templateId, doc.templateVersion, doc.language, doc.format, doc.name, doc.mediaType, doc.size, doc.sha256, doc.createdAt);
      db.prepare(
        `INSERT INTO case_document_chunks (document_id, seq, data)
         SELECT ?, seq, data FROM import_staging WHERE import_id = ? AND path = ? AND length(data) > 0 ORDER BY seq`,
      ).run(doc.id, input.importId, ENTRY.document(doc.id));
    }

    logExchange(
      db,
      {
        direction: 'import',
        caseIds: plans.map((plan) => plan.caseId),
        clinics: [{ name: manifest.sender.profile.name, fingerprint: manifest.sender.fingerprint }],
        via: manifest.recipients.kind === 'passphrase' ? 'passphrase' : 'keys',
        manifestSha256: stored.stored.manifestSha256,
      },
      now,
    );
    deleteImport(db, input.importId);
    return { cases: outcome, attachments: { added, known } };
  })();
}

/** Every merged case must be a valid case file for this vault (a mix of two valid ones may not be). */
function checkMerged(db: Db, plans: CasePlan[]): void {
  const reference = referenceIndex(db);
  const incomingIds = new Set(plans.map((plan) => plan.caseId));
  const issues: Issue[] = [];
  for (const plan of plans) {
    const attachments = [...(plan.mine?.attachments ?? []), ...plan.newAttachments];
    const file = { format: CASE_FILE_FORMAT, version: CASE_FILE_VERSION, id: plan.caseId, ...plan.merged, attachments };
    const at = `${ENTRY.case(plan.caseId)}#`;
    const parsed = CaseFile.safeParse(file);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: `${at}${issue.path.join('.')}`, message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' });
      continue;
    }
    const exists = (id: string) => incomingIds.has(id) || caseRepo.caseExists(db, id);
    issues.push(...checkHousehold(plan.merged.household, exists, plan.caseId, `${at}household.`));
    issues.push(...checkRisks(plan.merged.risks, reference, `${at}risks.`));
    const pools = { timeline: new Set(plan.merged.timeline.map((e) => e.id)), attachment: new Set(attachments.map((a) => a.id)) };
    issues.push(...checkRiskSources(plan.merged.risks, pools, `${at}risks.`));
  }
  if (issues.length > 0) throw new BriefcaseError('INVALID_INPUT', issues);
}

/** Writes each section the merge changed (bumping its revision) and the columns derived from it. */
function writeChanged(db: Db, caseId: string, mine: CaseFile, merged: Parts, stamp: string): boolean {
  let written = false;
  for (const section of SECTIONS as readonly Section[]) {
    if (canonical(mine[section]) === canonical(merged[section])) continue;
    const revision = sections.revisionOf(db, caseId, section);
    const data = section === 'deadlines' ? null : JSON.stringify(merged[section]);
    if (revision === undefined || !sections.writeSection(db, { case_id: caseId, section, expected: revision, data, updated_at: stamp })) {
      throw new BriefcaseError('EDIT_CONFLICT');
    }
    if (section === 'details') caseRepo.setDetailsColumns(db, caseId, { reference: merged.details.reference, status: merged.details.status });
    if (section === 'client') caseRepo.setClientColumns(db, caseId, { client_name: merged.client.name, client_name_original: merged.client.nameOriginal });
    if (section === 'deadlines') writeDeadlines(db, caseId, merged.deadlines);
    written = true;
  }
  if (written) caseRepo.touchCase(db, caseId, stamp);
  return written;
}

/** A complete attachment row with its chunks copied from staging (inside the database). */
function insertAttachment(db: Db, importId: string, meta: AttachmentMeta, owner: { caseId: string | null; sourceId: string | null }): void {
  db.prepare(
    `INSERT INTO attachments (id, case_id, source_id, name, media_type, size, sha256, document_date, description, added_at, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete')`,
  ).run(meta.id, owner.caseId, owner.sourceId, meta.name, meta.mediaType, meta.size, meta.sha256, meta.documentDate, meta.description, meta.addedAt);
  db.prepare(
    `INSERT INTO attachment_chunks (attachment_id, seq, data)
     SELECT ?, seq, data FROM import_staging WHERE import_id = ? AND path = ? AND length(data) > 0 ORDER BY seq`,
  ).run(meta.id, importId, ENTRY.attachment(meta.sha256));
}

/**
 * Merges the library (evidence/library.ts: duplicates merge) and answers, per excerpt id in the
 * file, the id it has in this vault: its own, or the one of the passage it was merged into, or
 * the new id the importer gave it when our excerpt of that id is another passage.
 */
function importEvidence(db: Db, incoming: Incoming, now: Date): { excerptIds: Map<string, string>; sourceIds: Map<string, string> } {
  const library = incoming.library;
  if (!library) return { excerptIds: new Map(), sourceIds: new Map() };
  const result = importParsed(db, library, now);
  const sources = new Map<string, string>();
  library.sources.forEach((source, index) => {
    if (source.fileId !== null) sources.set(source.fileId, result.items[index]!.id);
  });
  const times = { created_at: now.toISOString(), updated_at: now.toISOString() };
  const ids = new Map<string, string>();
  for (const excerpt of library.excerpts) {
    const row = toExcerptRow(excerpt.id, { ...excerpt, sourceId: sources.get(excerpt.sourceId) ?? excerpt.sourceId }, times);
    const same = evidenceRepo.getExcerpt(db, excerpt.id);
    const samePassage = same && same.source_id === row.source_id && same.text === row.text && same.page === row.page && same.paragraph === row.paragraph && same.section === row.section;
    const id = samePassage ? excerpt.id : evidenceRepo.findDuplicateExcerpt(db, row);
    if (id === undefined) throw new BriefcaseError('EXPORT_DAMAGED');
    ids.set(excerpt.id, id);
  }
  return { excerptIds: ids, sourceIds: sources };
}

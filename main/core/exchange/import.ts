// The import of a .briefcase file: exchange.preview / previewPath / apply / discardImport and the
// upload (upload.ts) the renderer sends the file through.
//
// Preview: decrypt with this clinic's identities (or the CLI's identity file, or a passphrase) →
// readContainer verifies the signature and every entry's size and hash while the entries are
// staged in the vault (staging.ts: PROVISIONAL until it resolves) → every entry is checked
// (incoming.ts) → each case is compared with the vault (apply.ts planCases, compare.ts) → the
// ImportPreview. Nothing outside the staging tables is written, and any failure (wrong key,
// damage, bad signature, a newer version, invalid content, a cancel) deletes what was staged, so
// the vault is as it was. Apply (apply.ts) takes it from the staging in one transaction.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ImportPreview } from '../../../preload/schemas/exchange';
import { BriefcaseError } from '../errors';
import { asFileError } from '../files/file-error';
import type { Db } from '../vault/sqlite';
import { countOthers, planCases, senderOf, type StoredPreview } from './apply';
import { getIdentity, clinicSecrets } from './clinic';
import { readContainer } from './container';
import { readIncoming } from './incoming';
import type { Jobs } from './jobs';
import { deleteImport, getImport, insertImport, markPreviewed, StagingSink } from './staging';
import { discardUpload, uploadedPath } from './upload';

export { applyImport } from './apply';
export { appendUpload, beginUpload } from './upload';
export { removeLeftoverImports } from './staging';

export interface PreviewInput {
  uploadId?: string | undefined;
  path?: string | undefined;
  passphrase?: string | undefined;
  identityPath?: string | undefined;
  jobId?: string | undefined;
}

export async function previewImport(db: Db, input: PreviewInput, jobs?: Jobs, now = new Date()): Promise<ImportPreview> {
  const path = input.path ?? (input.uploadId !== undefined ? uploadedPath(db, input.uploadId) : undefined);
  if (path === undefined) throw new BriefcaseError('INVALID_INPUT', [{ path: 'uploadId', message: 'validation.required' }]);
  const keys = keysFor(db, input);
  const importId = randomUUID();
  insertImport(db, importId, now.toISOString());
  const work = async (signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<ImportPreview> => {
    const sink = new StagingSink(db, importId, now.toISOString());
    const { manifest, manifestSha256 } = await readContainer(path, keys, sink, { signal, onProgress });
    // From here on the staged entries are verified: the signature covers every entry's hash.
    const incoming = readIncoming(db, manifest, (entry) => sink.json.get(entry), sink.sniffed);
    const plans = planCases(db, incoming);
    const others = countOthers(db, incoming);
    const preview: ImportPreview = {
      importId,
      sender: { clinic: manifest.sender, ...senderOf(db, manifest.sender) },
      createdAt: manifest.createdAt,
      cases: plans.map((plan) => ({ caseId: plan.caseId, reference: plan.reference, clientName: plan.clientName, action: plan.action, conflicts: plan.conflicts })),
      attachments: {
        add: plans.reduce((n, plan) => n + plan.newAttachments.length, 0) + others.sourceDocuments.add,
        known: plans.reduce((n, plan) => n + plan.knownAttachments, 0) + others.sourceDocuments.known,
      },
      evidence: incoming.counts,
      documents: others.documents,
    };
    const stored: StoredPreview = { manifestSha256, sniffed: Object.fromEntries(sink.sniffed) };
    markPreviewed(db, importId, { manifest: JSON.stringify(manifest), sender: JSON.stringify(manifest.sender), preview: JSON.stringify({ preview, stored }) });
    return preview;
  };
  try {
    const preview = await (jobs ? jobs.run(input.jobId, work) : work());
    // The upload has served: its content is in the staging now.
    if (input.uploadId !== undefined && input.path === undefined) discardUpload(db, input.uploadId);
    return preview;
  } catch (error) {
    deleteImport(db, importId);
    throw error;
  }
}

/** Drops a previewed import that will not be applied (its staging with it). Idempotent. */
export function discardImport(db: Db, importId: string): Record<string, never> {
  if (getImport(db, importId)) deleteImport(db, importId);
  return {};
}

/**
 * The keys to try: a passphrase when one is given; otherwise this clinic's identities and those
 * in the CLI's identity file. NO_CLINIC_KEYS when there is nothing to decrypt with.
 */
function keysFor(db: Db, input: PreviewInput): { identities: string[] } | { passphrase: string } {
  if (input.passphrase !== undefined) return { passphrase: input.passphrase };
  const identities: string[] = [];
  if (getIdentity(db)) {
    const secrets = clinicSecrets(db);
    identities.push(secrets.ageIdentity, ...(secrets.pqIdentity ? [secrets.pqIdentity] : []));
  }
  if (input.identityPath !== undefined) identities.push(...readIdentityFile(input.identityPath));
  if (identities.length === 0) throw new BriefcaseError('NO_CLINIC_KEYS');
  return { identities };
}

/** An age identity file (age-keygen's format): one AGE-SECRET-KEY-… per line, # comments. */
function readIdentityFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw asFileError(error);
  }
  const identities = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('AGE-SECRET-KEY-'));
  if (identities.length === 0) throw new BriefcaseError('INVALID_INPUT', [{ path: 'identityPath', message: 'validation.invalidFormat' }]);
  return identities;
}


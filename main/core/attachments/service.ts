// Attachments: files kept encrypted inside the vault, in chunks of at most ATTACHMENT_CHUNK_BYTES.
//
// Two ways in, one storage and one set of rules:
// - begin → append × n → commit (the renderer, chunk by chunk over IPC), and
// - addFromPath (the CLI and native file dialogs), which streams the file from disk.
// Both write a `pending` row first, then each chunk as it arrives (in its own small transaction,
// so neither the bytes nor an open transaction is held while waiting for the next chunk), and
// make the attachment visible at the end in one transaction that flips the row to `complete`.
// Nothing shows a pending row, so the vault never shows half an attachment.
//
// Memory: per upload only the SHA-256 state, a few counters and at most SNIFF_BYTES of the head
// (for the media type) are kept between chunks; a chunk's bytes live only while it is written.
// A failure of any kind removes the upload (row and chunks) before the error is thrown; what a
// crash leaves is removed by removeLeftoverUploads() when the vault is unlocked.
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ATTACHMENT_CHUNK_BYTES, type AttachmentMeta } from '../../../preload/contract';
import { BriefcaseError } from '../errors';
import { base64Chunk, saveCheckedCopy } from '../files/chunked-file';
import { asFileError } from '../files/file-error';
import type { Db } from '../vault/sqlite';
import { MediaTypeSniffer, normaliseMediaType } from './media-type';
import * as repo from './repository';

interface Upload {
  id: string;
  /** Set when the file is an evidence source's document: it replaces the previous one on commit. */
  sourceId: string | null;
  /** The size declared at begin (or found by stat for addFromPath). */
  size: number;
  received: number;
  /** The index the next append must carry. */
  next: number;
  hash: Hash;
  sniffer: MediaTypeSniffer;
}

/**
 * Uploads in progress, per connection. A connection lives from unlock to lock, so locking the
 * vault forgets them (the map goes with the Db object) and the next unlock removes their rows.
 */
const inProgress = new WeakMap<Db, Map<string, Upload>>();

function uploadsOf(db: Db): Map<string, Upload> {
  let map = inProgress.get(db);
  if (!map) {
    map = new Map();
    inProgress.set(db, map);
  }
  return map;
}

export interface NewAttachment {
  /** The case the file belongs to, or (instead) the evidence source whose document it is. */
  caseId?: string | undefined;
  sourceId?: string | undefined;
  name: string;
  mediaType?: string | null | undefined;
  documentDate?: string | null | undefined;
  description?: string | null | undefined;
}

// ---------------------------------------------------------------------------------------------
// begin / append / commit / abort

export function beginUpload(db: Db, input: NewAttachment & { size: number }, now = new Date()): { uploadId: string } {
  return { uploadId: start(db, input, input.size, now).id };
}

export function appendChunk(db: Db, input: { uploadId: string; index: number; data: string }): { received: number } {
  const upload = uploadsOf(db).get(input.uploadId);
  if (!upload) throw new BriefcaseError('UPLOAD_NOT_FOUND');
  return failsafe(db, upload, () => {
    if (input.index !== upload.next) throw new BriefcaseError('INVALID_INPUT', [{ path: 'index', message: 'validation.invalidValue' }]);
    write(db, upload, Buffer.from(input.data, 'base64'));
    return { received: upload.received };
  });
}

export function commitUpload(db: Db, input: { uploadId: string; sha256: string }, now = new Date()): AttachmentMeta {
  const upload = uploadsOf(db).get(input.uploadId);
  if (!upload) throw new BriefcaseError('UPLOAD_NOT_FOUND');
  return failsafe(db, upload, () => finish(db, upload, input.sha256, now));
}

/** Removes an upload in progress. Idempotent: aborting one that failed (and so is gone) is fine. */
export function abortUpload(db: Db, input: { uploadId: string }): Record<string, never> {
  discard(db, input.uploadId);
  return {};
}

/** Removes every pending upload this connection is not running: what a crash or a lock left. */
export function removeLeftoverUploads(db: Db): number {
  const running = uploadsOf(db);
  return db.transaction(() => {
    let removed = 0;
    for (const id of repo.pendingIds(db)) {
      if (running.has(id)) continue;
      repo.deleteAttachment(db, id);
      removed += 1;
    }
    return removed;
  })();
}

// ---------------------------------------------------------------------------------------------
// addFromPath

/** Streams a file from disk into the vault, one chunk at a time. */
export async function addFromPath(
  db: Db,
  input: Omit<NewAttachment, 'name'> & { path: string },
  now = new Date(),
): Promise<AttachmentMeta> {
  if (!ownerExists(db, input)) throw new BriefcaseError('NOT_FOUND');
  const path = resolve(input.path);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw asFileError(error);
  }
  try {
    const stats = await handle.stat().catch((error: unknown) => {
      throw asFileError(error);
    });
    if (!stats.isFile()) throw new BriefcaseError('FILE_NOT_READABLE');
    const upload = start(db, { ...input, name: nameFromPath(path) }, stats.size, now);
    return await failsafeAsync(db, upload, async () => {
      const stream = handle.createReadStream({ highWaterMark: ATTACHMENT_CHUNK_BYTES, autoClose: false });
      try {
        for await (const bytes of stream as AsyncIterable<Buffer>) {
          write(db, upload, bytes);
        }
      } catch (error) {
        stream.destroy();
        throw asFileError(error);
      }
      return finish(db, upload, null, now);
    });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// read / saveCopy / delete / list

/** One stored chunk, base64; `last` is true on the final one. An empty file has one empty chunk 0. */
export function readChunk(db: Db, input: { id: string; index: number }): { data: string; last: boolean } {
  if (!repo.getComplete(db, input.id)) throw new BriefcaseError('NOT_FOUND');
  return base64Chunk((seq) => repo.chunk(db, input.id, seq), repo.chunkCount(db, input.id), input.index);
}

/** Writes a checked copy to `path` (temporary file, fsync, size and SHA-256, rename: chunked-file.ts). */
export async function saveCopy(db: Db, input: { id: string; path: string }): Promise<{ bytes: number }> {
  const row = repo.getComplete(db, input.id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  return saveCheckedCopy((seq) => repo.chunk(db, row.id, seq), row, input.path);
}

/** Removes an attachment and all its chunks in one transaction (secure_delete zeroes the pages). */
export function deleteAttachment(db: Db, input: { id: string }): Record<string, never> {
  db.transaction(() => {
    if (!repo.getComplete(db, input.id)) throw new BriefcaseError('NOT_FOUND');
    repo.deleteAttachment(db, input.id);
  })();
  return {};
}

/** The metadata of a case's attachments, oldest first; for the case file and its export. */
export function listAttachments(db: Db, caseId: string): AttachmentMeta[] {
  return repo.listComplete(db, caseId).map(toMeta);
}

export function getAttachment(db: Db, id: string): AttachmentMeta {
  const row = repo.getComplete(db, id);
  if (!row) throw new BriefcaseError('NOT_FOUND');
  return toMeta(row);
}

/** The stored document of each given source that has one, by source id. */
export function sourceDocuments(db: Db, sourceIds: readonly string[]): Map<string, AttachmentMeta> {
  return new Map(repo.sourceDocuments(db, sourceIds).map((row) => [row.source_id ?? '', toMeta(row)]));
}

// ---------------------------------------------------------------------------------------------
// The shared steps

/** Exactly one owner (the contract checks that too), and it exists. */
function ownerExists(db: Db, input: Pick<NewAttachment, 'caseId' | 'sourceId'>): boolean {
  if (input.caseId && !input.sourceId) return repo.caseExists(db, input.caseId);
  if (input.sourceId && !input.caseId) return repo.sourceExists(db, input.sourceId);
  return false;
}

function start(db: Db, input: NewAttachment, size: number, now: Date): Upload {
  const id = randomUUID();
  db.transaction(() => {
    if (!ownerExists(db, input)) throw new BriefcaseError('NOT_FOUND');
    repo.insertPending(db, {
      id,
      case_id: input.caseId ?? null,
      source_id: input.sourceId ?? null,
      name: input.name,
      // Replaced by the sniffed type on completion; the column only needs a value meanwhile.
      media_type: normaliseMediaType(input.mediaType).slice(0, 120) || 'application/octet-stream',
      size,
      document_date: input.documentDate ?? null,
      description: input.description ?? null,
      added_at: now.toISOString(),
    });
  })();
  const upload: Upload = { id, sourceId: input.sourceId ?? null, size, received: 0, next: 0, hash: createHash('sha256'), sniffer: new MediaTypeSniffer(input.mediaType) };
  uploadsOf(db).set(id, upload);
  return upload;
}

/** One chunk: checked, hashed, sniffed and written in its own (autocommit) transaction. */
function write(db: Db, upload: Upload, bytes: Buffer): void {
  if (bytes.length === 0 || bytes.length > ATTACHMENT_CHUNK_BYTES) {
    throw new BriefcaseError('INVALID_INPUT', [{ path: 'data', message: bytes.length === 0 ? 'validation.required' : 'validation.tooLong' }]);
  }
  if (upload.received + bytes.length > upload.size) throw new BriefcaseError('SIZE_MISMATCH');
  upload.sniffer.push(bytes);
  upload.hash.update(bytes);
  try {
    repo.insertChunk(db, upload.id, upload.next, bytes);
  } catch (error) {
    // The pending row went away under us (its case was deleted): the upload is gone.
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new BriefcaseError('UPLOAD_NOT_FOUND');
    throw error;
  }
  upload.received += bytes.length;
  upload.next += 1;
}

/** Checks size, hash and type, then makes the attachment visible in one transaction. */
function finish(db: Db, upload: Upload, expectedSha256: string | null, now: Date): AttachmentMeta {
  if (upload.received !== upload.size) throw new BriefcaseError('SIZE_MISMATCH');
  const sha256 = upload.hash.digest('hex');
  if (expectedSha256 !== null && sha256 !== expectedSha256) throw new BriefcaseError('HASH_MISMATCH');
  const mediaType = upload.sniffer.finish();
  const meta = db.transaction(() => {
    const done = repo.markComplete(db, upload.id, { media_type: mediaType, sha256, size: upload.size, added_at: now.toISOString() });
    if (!done) throw new BriefcaseError('UPLOAD_NOT_FOUND');
    // A source has one document: the new one replaces the old in the same transaction.
    if (upload.sourceId) for (const old of repo.sourceDocumentIds(db, upload.sourceId, upload.id)) repo.deleteAttachment(db, old);
    return getAttachment(db, upload.id);
  })();
  uploadsOf(db).delete(upload.id);
  return meta;
}

/** Removes an upload (its row and chunks, if still pending) and forgets its state. */
function discard(db: Db, uploadId: string): void {
  uploadsOf(db).delete(uploadId);
  db.transaction(() => {
    if (repo.isPending(db, uploadId)) repo.deleteAttachment(db, uploadId);
  })();
}

/** Runs a step of an upload; if it throws, the upload is removed before the error goes on. */
function failsafe<T>(db: Db, upload: Upload, step: () => T): T {
  try {
    return step();
  } catch (error) {
    discardQuietly(db, upload.id);
    throw error;
  }
}

async function failsafeAsync<T>(db: Db, upload: Upload, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    discardQuietly(db, upload.id);
    throw error;
  }
}

function discardQuietly(db: Db, uploadId: string): void {
  try {
    discard(db, uploadId);
  } catch {
    // The original error matters more; what is left pending is removed on the next unlock.
    uploadsOf(db).delete(uploadId);
  }
}

function toMeta(row: repo.AttachmentRow): AttachmentMeta {
  return {
    id: row.id,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256 ?? '',
    documentDate: row.document_date,
    description: row.description,
    addedAt: row.added_at,
  };
}

// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A file's name as a single line of at most 255 characters (the schema's requiredLine(255)). */
export function nameFromPath(path: string): string {
  const cleaned = basename(path).replace(CONTROL, '\ufffd').trim();
  const chars = [...cleaned];
  let name = '';
  for (const char of chars) {
    if (name.length + char.length > 255) break;
    name += char;
  }
  return name.trim() || 'attachment';
}

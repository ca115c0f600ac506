// An import file uploaded by the renderer (which cannot hand the core a path): 1 MiB base64 chunks
// appended to a file in a private uploads folder (0700, files 0600), then previewed by uploadId.
//
// The uploaded file is the .briefcase file itself, still age-encrypted, so writing it to disk
// exposes nothing the sender's channel did not; it is decrypted only into the vault's staging
// (staging.ts). An upload is kept after a failed preview (so the person can retry with the
// passphrase) and removed after a successful one. The folder is the api's (exports-folder.ts:
// removed at lock, close and the next start); without one, a hidden folder beside the vault.
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, ftruncateSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ATTACHMENT_CHUNK_BYTES } from '../../../preload/contract';
import { BriefcaseError } from '../errors';
import { asFileError } from '../files/file-error';
import type { Db } from '../vault/sqlite';

interface Upload {
  path: string;
  size: number;
  received: number;
  next: number;
}

/** Uploads per connection: locking the vault forgets them (and the api removes their folder). */
const uploads = new WeakMap<Db, Map<string, Upload>>();

function uploadsOf(db: Db): Map<string, Upload> {
  let map = uploads.get(db);
  if (!map) {
    map = new Map();
    uploads.set(db, map);
  }
  return map;
}

/** Where uploads go when the caller names no folder: beside the vault file. */
function defaultDir(db: Db): string {
  return join(dirname(db.name), '.briefcase-uploads');
}

export function beginUpload(db: Db, input: { size: number }, options: { dir?: string } = {}): { uploadId: string } {
  const dir = options.dir ?? defaultDir(db);
  const uploadId = randomUUID();
  const path = join(dir, `${uploadId}.briefcase`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    throw asFileError(error);
  }
  uploadsOf(db).set(uploadId, { path, size: input.size, received: 0, next: 0 });
  return { uploadId };
}

export function appendUpload(db: Db, input: { uploadId: string; index: number; data: string }): { received: number } {
  const upload = uploadsOf(db).get(input.uploadId);
  if (!upload) throw new BriefcaseError('UPLOAD_NOT_FOUND');
  if (input.index !== upload.next) throw new BriefcaseError('INVALID_INPUT', [{ path: 'index', message: 'validation.invalidValue' }]);
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0 || bytes.length > ATTACHMENT_CHUNK_BYTES) {
    throw new BriefcaseError('INVALID_INPUT', [{ path: 'data', message: bytes.length === 0 ? 'validation.required' : 'validation.tooLong' }]);
  }
  if (upload.received + bytes.length > upload.size) {
    discardUpload(db, input.uploadId);
    throw new BriefcaseError('SIZE_MISMATCH');
  }
  // A failed write (a full disk) is cut back to what was received, so the same chunk can be sent
  // again without its first part being in the file twice.
  try {
    const fd = openSync(upload.path, 'r+');
    try {
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset, upload.received + offset);
    } catch (error) {
      ftruncateSync(fd, upload.received);
      throw error;
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw asFileError(error);
  }
  upload.received += bytes.length;
  upload.next += 1;
  return { received: upload.received };
}

/** The complete upload's file, for the preview. UPLOAD_NOT_FOUND, or SIZE_MISMATCH while incomplete. */
export function uploadedPath(db: Db, uploadId: string): string {
  const upload = uploadsOf(db).get(uploadId);
  if (!upload || !existsSync(upload.path)) throw new BriefcaseError('UPLOAD_NOT_FOUND');
  if (upload.received !== upload.size) throw new BriefcaseError('SIZE_MISMATCH');
  return upload.path;
}

export function discardUpload(db: Db, uploadId: string): void {
  const upload = uploadsOf(db).get(uploadId);
  uploadsOf(db).delete(uploadId);
  if (upload) rmSync(upload.path, { force: true });
}

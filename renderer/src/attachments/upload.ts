// Adds a File to a case in chunks of ATTACHMENT_CHUNK_BYTES: each chunk is read with File.slice()
// (never the whole file), hashed incrementally and sent as base64, then the upload is committed
// with the SHA-256 the core checks. Cancelling aborts the upload in the core; nothing is kept.
import { ATTACHMENT_CHUNK_BYTES, type AttachmentMeta } from '../../../preload/contract';
import { api } from '../api/client';
import { bytesToBase64 } from './base64';
import { Sha256 } from './sha256';

export interface UploadOptions {
  /** The case the file belongs to, or (instead) the evidence source it is the document of. */
  caseId?: string | undefined;
  sourceId?: string | undefined;
  file: File;
  documentDate: string | null;
  description: string | null;
  onProgress: (sent: number) => void;
  signal: AbortSignal;
}

export class UploadCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'UploadCancelled';
  }
}

export async function uploadAttachment({ caseId, sourceId, file, documentDate, description, onProgress, signal }: UploadOptions): Promise<AttachmentMeta> {
  const { uploadId } = await api.attachments.begin({
    ...(caseId ? { caseId } : {}),
    ...(sourceId ? { sourceId } : {}),
    name: file.name,
    mediaType: file.type || 'application/octet-stream',
    size: file.size,
    ...(documentDate ? { documentDate } : {}),
    ...(description ? { description } : {}),
  });
  const hasher = new Sha256();
  try {
    let index = 0;
    for (let offset = 0; offset < file.size; offset += ATTACHMENT_CHUNK_BYTES, index += 1) {
      if (signal.aborted) throw new UploadCancelled();
      const bytes = new Uint8Array(await file.slice(offset, offset + ATTACHMENT_CHUNK_BYTES).arrayBuffer());
      hasher.update(bytes);
      await api.attachments.append({ uploadId, index, data: bytesToBase64(bytes) });
      onProgress(Math.min(file.size, offset + bytes.length));
    }
    if (signal.aborted) throw new UploadCancelled();
    return await api.attachments.commit({ uploadId, sha256: hasher.hex() });
  } catch (error) {
    // Best effort: the core also drops an upload that is never committed.
    await api.attachments.abort({ uploadId }).catch(() => undefined);
    throw error;
  }
}

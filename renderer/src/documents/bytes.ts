// A generated document's bytes, read from the vault one chunk at a time (documents.read): whole,
// for the preview, or handed to the browser's download for "Save a copy" (the same way attachments
// are saved; the shared steps: app/download.ts).
import type { DocumentVersion } from '../../../preload/contract';
import { api } from '../api/client';
import { downloadBlob, readChunks } from '../app/download';

const readParts = (id: string, signal?: AbortSignal) => readChunks((index) => api.documents.read({ id, index }), signal);

/** All the bytes in one array (pdf.js takes ownership of it). */
export async function readVersion(id: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
  const parts = await readParts(id, signal);
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

export async function saveVersionCopy(version: DocumentVersion): Promise<void> {
  downloadBlob(await readParts(version.id), version.name, version.mediaType);
}

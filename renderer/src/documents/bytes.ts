// A generated document's bytes, read from the vault one chunk at a time (documents.read): whole,
// for the preview, or as a Blob handed to the browser's download for "Save a copy" (the same way
// attachments are saved: renderer/src/attachments/download.ts).
import type { DocumentVersion } from '../../../preload/contract';
import { api } from '../api/client';
import { base64ToBytes } from '../attachments/base64';

async function readParts(id: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>[]> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; ; index += 1) {
    signal?.throwIfAborted();
    const chunk = await api.documents.read({ id, index });
    parts.push(base64ToBytes(chunk.data));
    if (chunk.last) return parts;
  }
}

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
  const url = URL.createObjectURL(new Blob(await readParts(version.id), { type: version.mediaType }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = version.name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the bytes go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

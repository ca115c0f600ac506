// Bytes kept in the vault reach the renderer one chunk at a time, as base64 (attachments.read,
// documents.read: the contract carries bytes in JSON). Reading them and handing them to the
// browser's download are the same for every kind of stored file, so they live here once.
import { base64ToBytes } from '../attachments/base64';

/** Reads one chunk: base64 data, and `last` on the final one. */
export type ChunkRead = (index: number) => Promise<{ data: string; last: boolean }>;

/** Every chunk, in order, as byte arrays; a signal that aborts stops before the next chunk. */
export async function readChunks(read: ChunkRead, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>[]> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; ; index += 1) {
    signal?.throwIfAborted();
    const chunk = await read(index);
    parts.push(base64ToBytes(chunk.data));
    if (chunk.last) return parts;
  }
}

/** "Save a copy": the parts go into a Blob (the browser may keep them on disk) and to its download. */
export function downloadBlob(parts: Uint8Array<ArrayBuffer>[], name: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mediaType }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the bytes go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

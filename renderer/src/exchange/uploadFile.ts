// A .briefcase file goes to the core in 1 MiB chunks (File.slice: never the whole file in the
// page at once), as the attachment upload does; the core keeps it, still encrypted, for preview.
import { ATTACHMENT_CHUNK_BYTES } from '../../../preload/contract';
import { api, ApiError } from '../api/client';
import { bytesToBase64 } from '../attachments/base64';

export async function uploadExchangeFile(file: File, onProgress: (sent: number) => void, signal: AbortSignal): Promise<string> {
  const { uploadId } = await api.exchange.uploadBegin({ size: file.size });
  let index = 0;
  for (let offset = 0; offset < file.size; offset += ATTACHMENT_CHUNK_BYTES, index += 1) {
    if (signal.aborted) throw new ApiError('CANCELLED');
    const bytes = new Uint8Array(await file.slice(offset, offset + ATTACHMENT_CHUNK_BYTES).arrayBuffer());
    await api.exchange.uploadAppend({ uploadId, index, data: bytesToBase64(bytes) });
    onProgress(Math.min(file.size, offset + bytes.length));
  }
  return uploadId;
}

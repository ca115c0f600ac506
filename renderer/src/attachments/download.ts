// "Save a copy": the attachment's chunks are read one at a time into a Blob (the browser may keep
// the parts on disk) and handed to the browser's download, under the attachment's own name.
import type { AttachmentMeta } from '../../../preload/contract';
import { api } from '../api/client';
import { base64ToBytes } from './base64';

export async function saveCopy(meta: AttachmentMeta): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; ; index += 1) {
    const chunk = await api.attachments.read({ id: meta.id, index });
    parts.push(base64ToBytes(chunk.data));
    if (chunk.last) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: meta.mediaType }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = meta.name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the bytes go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

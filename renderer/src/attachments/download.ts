// "Save a copy": the attachment's chunks are read one at a time and handed to the browser's
// download, under the attachment's own name (the shared steps: app/download.ts).
import type { AttachmentMeta } from '../../../preload/contract';
import { api } from '../api/client';
import { downloadBlob, readChunks } from '../app/download';

export async function saveCopy(meta: AttachmentMeta): Promise<void> {
  downloadBlob(await readChunks((index) => api.attachments.read({ id: meta.id, index })), meta.name, meta.mediaType);
}

// The export's last steps: the encrypted file, kept by the core in a private folder, is read one
// 1 MiB chunk at a time into the browser's download, then discarded (also when reading fails, so
// no file is left behind).
import type { ExportResult } from '../../../preload/contract';
import { api } from '../api/client';
import { downloadBlob, readChunks } from '../app/download';

export async function downloadExport(result: ExportResult): Promise<void> {
  try {
    const parts = await readChunks((index) => api.exchange.readExport({ exportId: result.exportId, index }));
    downloadBlob(parts, result.name, 'application/octet-stream');
  } finally {
    await api.exchange.discardExport({ exportId: result.exportId }).catch(() => undefined);
  }
}

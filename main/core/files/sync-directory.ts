// After a rename, the folder's entry must reach the disk too, or a crash could undo the rename.
// Not every platform can open a folder (Windows): best effort.
import { open } from 'node:fs/promises';

export async function syncDirectory(path: string): Promise<void> {
  try {
    const dir = await open(path, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // best effort
  }
}

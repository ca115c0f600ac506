// A file kept in the vault as numbered chunks (an attachment, a generated document): handed out one
// chunk at a time as base64 over IPC, or saved to disk as a checked copy. Each table keeps its own
// chunks, so the callers pass a reader for one file's chunks; the rules live here once.
import { createHash, randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BriefcaseError } from '../errors';
import { asFileError } from './file-error';
import { syncDirectory } from './sync-directory';

/** One file's chunk number `seq`, or undefined past the end. */
export type ChunkReader = (seq: number) => Buffer | undefined;

/**
 * Chunk `index` as base64; `last` is true on the final one. An empty file has no stored chunk, so
 * it is answered with one empty chunk 0: a reader always gets at least one chunk with `last`.
 */
export function base64Chunk(readChunk: ChunkReader, count: number, index: number): { data: string; last: boolean } {
  if (count === 0 && index === 0) return { data: '', last: true };
  const bytes = readChunk(index);
  if (!bytes) throw new BriefcaseError('NOT_FOUND');
  return { data: bytes.toString('base64'), last: index === count - 1 };
}

/**
 * Writes a copy to `path`, chunk by chunk: into a temporary file beside it (so the rename cannot
 * cross a file system), fsynced, checked against the stored size and SHA-256, then renamed over
 * the target. On any failure the temporary file is removed and the target is untouched; a size or
 * hash that does not match is VAULT_DAMAGED, a file system failure FILE_NOT_READABLE.
 */
export async function saveCheckedCopy(readChunk: ChunkReader, expected: { size: number; sha256: string | null }, path: string): Promise<{ bytes: number }> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.briefcase-part`);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o600);
  } catch (error) {
    throw asFileError(error);
  }
  let closed = false;
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for (let seq = 0; ; seq += 1) {
      const data = readChunk(seq);
      if (!data) break;
      hash.update(data);
      // A write may take only part of the buffer: go on from where it stopped.
      for (let offset = 0; offset < data.length; ) {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset);
        offset += bytesWritten;
      }
      bytes += data.length;
    }
    if (bytes !== expected.size || hash.digest('hex') !== expected.sha256) throw new BriefcaseError('VAULT_DAMAGED');
    await handle.sync();
    await handle.close();
    closed = true;
    await rename(temp, target);
    await syncDirectory(dirname(target));
    return { bytes };
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw asFileError(error);
  }
}

// Writing a file that appears whole or not at all: bytes go to `<out>.part-<random>` beside the
// target (so the rename stays on one file system), which is fsynced and renamed at the end; any
// failure or cancellation removes it. Writes are batched into about 1 MiB, and the bytes hashed
// on the way, so the caller learns the file's size and SHA-256 without reading it back.
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { asFileError } from '../files/file-error';
import { startFileHasher, type FileHasher } from './file-hasher';
import { syncDirectory } from '../files/sync-directory';

const BATCH = 1024 * 1024;
const FLUSH_EVERY = 32 * 1024 * 1024;
const WORKER_HASH_FROM = 16 * 1024 * 1024;
/** Below IOV_MAX (1024 on Linux), so one writev can take the whole batch. */
const MAX_PIECES = 512;

/** `expectedBytes`: about how large the file will be; large files are hashed on a worker thread. */
export async function writeAtomically(outPath: string, data: AsyncIterable<Uint8Array>, expectedBytes = 0): Promise<{ size: number; sha256: string }> {
  const temp = `${outPath}.part-${randomBytes(6).toString('hex')}`;
  let handle: FileHandle | null = null;
  // One write in flight while the next batch is made (the write runs on libuv's thread pool, the
  // encryption here), and the data flushed to disk in the background every FLUSH_EVERY bytes,
  // so the fsync at the end has little left to do. Both are awaited before the next of their kind.
  let writing: Promise<void> = Promise.resolve();
  let flushing: Promise<void> = Promise.resolve();
  let hasher: FileHasher | null = null;
  try {
    handle = await open(temp, 'wx', 0o600);
    const file = handle;
    hasher = expectedBytes >= WORKER_HASH_FROM ? startFileHasher(temp) : null;
    const hash = hasher ? null : createHash('sha256');
    let done = 0;
    let size = 0;
    let batch: Uint8Array[] = [];
    let batched = 0;
    let sinceFlush = 0;
    const startWrite = async () => {
      const pieces = batch;
      const bytes = batched;
      batch = [];
      batched = 0;
      await writing;
      writing = writeAll(file, pieces, bytes).then(() => {
        done += bytes;
        hasher?.written(done);
      });
      writing.catch(() => undefined);
      sinceFlush += bytes;
      if (sinceFlush >= FLUSH_EVERY) {
        sinceFlush = 0;
        await flushing;
        const written = writing;
        flushing = written.then(() => file.datasync());
        flushing.catch(() => undefined);
      }
    };
    for await (const chunk of data) {
      if (chunk.length === 0) continue;
      hash?.update(chunk);
      size += chunk.length;
      batch.push(chunk);
      batched += chunk.length;
      if (batched >= BATCH || batch.length >= MAX_PIECES) await startWrite();
    }
    await startWrite();
    await writing;
    await flushing;
    const sha256 = hasher ? await hasher.finish(size) : hash!.digest('hex');
    hasher = null;
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temp, outPath);
    await syncDirectory(dirname(outPath));
    return { size, sha256 };
  } catch (error) {
    // Nothing may still be writing when the file is closed and removed.
    await writing.catch(() => undefined);
    await flushing.catch(() => undefined);
    await hasher?.stop();
    if (handle) await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw asFileError(error);
  }
}

/** writev may write only part: go on from where it stopped. */
async function writeAll(file: FileHandle, pieces: Uint8Array[], bytes: number): Promise<void> {
  for (let left = bytes; left > 0; ) {
    const { bytesWritten } = await file.writev(pieces);
    left -= bytesWritten;
    pieces = dropBytes(pieces, bytesWritten);
  }
}

function dropBytes(chunks: Uint8Array[], count: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  for (const chunk of chunks) {
    if (count >= chunk.length) {
      count -= chunk.length;
      continue;
    }
    rest.push(count > 0 ? chunk.subarray(count) : chunk);
    count = 0;
  }
  return rest;
}

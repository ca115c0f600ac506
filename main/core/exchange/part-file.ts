// Writing a file that appears whole or not at all: bytes go to `<out>.part-<random>` beside the
// target (so the rename stays on one file system), which is fsynced and renamed at the end; any
// failure or cancellation removes it. What fills it: writeStream here, or the stream worker
// (stream-worker.ts, startWriter) for large exports.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { asFileError } from '../files/file-error';
import { syncDirectory } from '../files/sync-directory';

const BATCH = 1024 * 1024;
const FLUSH_EVERY = 32 * 1024 * 1024;
/** Below IOV_MAX (1024 on Linux), so one writev can take the whole batch. */
const MAX_PIECES = 512;

/**
 * Creates the part file, lets `fill` write it from its start, then fsyncs it and renames it to
 * `outPath`. `fill` must not leave anything writing to the file when it settles, either way.
 * `durable: false` skips the fsyncs, for a file that only lives until it is handed on (see
 * WriteOptions.durable in container.ts); it still appears whole or not at all.
 */
export async function writeAtomically<T>(outPath: string, fill: (file: FileHandle) => Promise<T>, { durable = true } = {}): Promise<T> {
  const temp = `${outPath}.part-${randomBytes(6).toString('hex')}`;
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, 'wx', 0o600);
    const result = await fill(handle);
    if (durable) await handle.sync();
    await handle.close();
    handle = null;
    await rename(temp, outPath);
    if (durable) await syncDirectory(dirname(outPath));
    return result;
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw asFileError(error);
  }
}

/**
 * Writes `data` to `file` from its start, in batches of about 1 MiB; its size. One
 * write is in flight while the next batch is made (the write runs on libuv's thread pool), and
 * the data is flushed to disk in the background every FLUSH_EVERY bytes, so the fsync at the end
 * has little left to do. Both are awaited before the next of their kind, and before this settles.
 */
export async function writeStream(file: FileHandle, data: AsyncIterable<Uint8Array>, { flushEvery = FLUSH_EVERY } = {}): Promise<{ size: number }> {
  let writing: Promise<void> = Promise.resolve();
  let flushing: Promise<void> = Promise.resolve();
  try {
    let size = 0;
    let position = 0;
    let batch: Uint8Array[] = [];
    let batched = 0;
    let sinceFlush = 0;
    const startWrite = async () => {
      const pieces = batch;
      const bytes = batched;
      const at = position;
      batch = [];
      batched = 0;
      position += bytes;
      await writing;
      writing = writeAll(file, pieces, bytes, at);
      writing.catch(() => undefined);
      sinceFlush += bytes;
      if (sinceFlush >= flushEvery) {
        sinceFlush = 0;
        await flushing;
        const written = writing;
        flushing = written.then(() => file.datasync());
        flushing.catch(() => undefined);
      }
    };
    for await (const chunk of data) {
      if (chunk.length === 0) continue;
      size += chunk.length;
      batch.push(chunk);
      batched += chunk.length;
      if (batched >= BATCH || batch.length >= MAX_PIECES) await startWrite();
    }
    await startWrite();
    await writing;
    await flushing;
    return { size };
  } finally {
    // Nothing may still be writing when the file is closed and removed.
    await writing.catch(() => undefined);
    await flushing.catch(() => undefined);
  }
}

/** writev may write only part: go on from where it stopped. */
async function writeAll(file: FileHandle, pieces: Uint8Array[], bytes: number, position: number): Promise<void> {
  for (let left = bytes; left > 0; ) {
    const { bytesWritten } = await file.writev(pieces, position + bytes - left);
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

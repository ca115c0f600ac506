// The SHA-256 of a file being written, computed on a worker thread that reads back what has been
// written (from the page cache) while the main thread goes on encrypting: on an export, the
// file's hash is otherwise a third of the main thread's work. For small files a worker's start-up
// costs more than it saves, so those are hashed inline (part-file.ts).
import { Worker } from 'node:worker_threads';

// Plain CommonJS run with `eval`, so it needs no file of its own in the built app.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const fd = openSync(workerData.path, 'r');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(1024 * 1024);
let at = 0;
parentPort.on('message', ({ upTo, done }) => {
  try {
    while (at < upTo) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, upTo - at), at);
      if (n === 0) throw new Error('short read');
      hash.update(buffer.subarray(0, n));
      at += n;
    }
    if (done) {
      closeSync(fd);
      parentPort.postMessage({ sha256: hash.digest('hex') });
    }
  } catch {
    parentPort.postMessage({ failed: true });
  }
});
`;

export interface FileHasher {
  /** The first `bytes` bytes of the file are written: hash them. */
  written(bytes: number): void;
  /** All `bytes` are written: the file's SHA-256. */
  finish(bytes: number): Promise<string>;
  stop(): Promise<void>;
}

export function startFileHasher(path: string): FileHasher {
  const worker = new Worker(SOURCE, { eval: true, workerData: { path } });
  const result = new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { sha256?: string }) => (message.sha256 ? resolve(message.sha256) : reject(new Error('hashing failed'))));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('hashing stopped')));
  });
  result.catch(() => undefined);
  return {
    written: (bytes) => worker.postMessage({ upTo: bytes, done: false }),
    finish: async (bytes) => {
      worker.postMessage({ upTo: bytes, done: true });
      try {
        return await result;
      } finally {
        await worker.terminate();
      }
    },
    stop: async () => {
      await worker.terminate();
    },
  };
}

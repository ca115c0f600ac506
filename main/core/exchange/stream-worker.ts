// age's STREAM for large files, on a worker thread, so that the cipher runs on the other core
// beside the main thread's share of the work (the entries' SHA-256, tar) instead of after it.
//
// - Reading (startReader): the worker reads the payload straight from the file (positional reads
//   of 16 sealed chunks, about 1 MiB), checks and decrypts each chunk and puts the plaintext into
//   a ring of slots in shared memory, which the main thread reads in place.
// - Writing (startWriter): the main thread gathers the tar stream into 1 MiB batches of whole
//   64 KiB chunks in the ring; the worker seals them and writes them, with a datasync in the background every
//   FLUSH_EVERY bytes. While the worker has batches queued, the main thread seals the next one
//   itself, in its slot, so that the cipher's work is shared by both cores.
//
// Shared memory, not a buffer per batch handed over: fresh buffers cost page faults and garbage
// collection (about 15% of an import's time), and buffers handed to a worker linger there until
// its next collection (tens of MiB). The worker is started before the header is made or read (it
// takes about 20 ms) and gets the key, the file and the ring later. The bytes are exactly those of
// age-stream.ts (encryptPayload, decryptPayload), which small files still use; tests check both
// paths against each other and against the age CLI.
import { Worker } from 'node:worker_threads';
import { BriefcaseError } from '../errors';
import { CHUNK, sealChunk, TAG } from './age-stream';

/** Files (exports: entries' bytes) at least this large go through a worker. */
export const OFF_THREAD_FROM = 16 * 1024 * 1024;
/** Chunks per batch: sealed chunks per read when decrypting, plaintext chunks when encrypting. */
const BATCH_CHUNKS = 16;
const SEALED = CHUNK + TAG;
/** A batch's plaintext. */
const BATCH_BYTES = BATCH_CHUNKS * CHUNK;
/** A ring slot holds a batch sealed or not. */
const SLOT_BYTES = BATCH_CHUNKS * SEALED;
/**
 * Slots in a ring. Reading, the main thread holds two (the batch it reads, and the one before,
 * of which ByteReader may keep a remainder) and the worker fills the rest ahead of it. Writing,
 * the main thread gathers the next batch in one while the worker has the rest to write.
 */
const SLOTS = 6;
/** With this many batches still queued at the writing worker, the main thread seals the next one itself. */
const SEAL_HERE_FROM = 2;
const FLUSH_EVERY = 32 * 1024 * 1024;
// control[]: messages the writing worker has done, and ring slots released (by either side).
const WRITTEN = 0;
const RELEASED = 1;

// Plain CommonJS run with `eval`, so it needs no file of its own in the built app.
const SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const { createCipheriv, createDecipheriv } = require('node:crypto');
const fs = require('node:fs');
const CHUNK = ${CHUNK};
const TAG = ${TAG};
const SEALED = CHUNK + TAG;
const SLOT_BYTES = ${SLOT_BYTES};

function nonce(counter, last) {
  const bytes = Buffer.alloc(12);
  bytes.writeUIntBE(counter, 5, 6);
  bytes[11] = last ? 1 : 0;
  return bytes;
}

class Damaged extends Error {}

function report(error) {
  parentPort.postMessage(error instanceof Damaged ? { damaged: true } : { failed: { message: String(error && error.message), code: error && error.code, syscall: error && error.syscall } });
}

// Batch b goes to slot b % slots once the main thread has released batch b - slots.
function decrypt({ fd, start, key, ring, control }) {
  const released = new Int32Array(control);
  const slots = ring.byteLength / SLOT_BYTES;
  const buffer = Buffer.allocUnsafe((${BATCH_CHUNKS} + 1) * SEALED);
  let used = 0;
  let position = start;
  let counter = 0;
  const open = (bytes, last) => {
    if (bytes.length < TAG) throw new Damaged();
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce(counter, last), { authTagLength: TAG });
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
    const body = decipher.update(bytes.subarray(0, bytes.length - TAG));
    try {
      decipher.final();
    } catch {
      throw new Damaged();
    }
    counter += 1;
    return body;
  };
  for (let batch = 0; ; ) {
    const n = fs.readSync(fd, buffer, used, buffer.length - used, position);
    position += n;
    used += n;
    const bodies = [];
    if (n === 0) {
      // The end: what is left is the last chunk, which may be empty only if it is the only one.
      const last = open(buffer.subarray(0, used), true);
      if (last.length === 0 && counter > 1) throw new Damaged();
      bodies.push(last);
    } else {
      // A chunk is opened as not the last only when more bytes follow it.
      let at = 0;
      for (; used - at > SEALED; at += SEALED) bodies.push(open(buffer.subarray(at, at + SEALED), false));
      buffer.copyWithin(0, at, used);
      used -= at;
      if (bodies.length === 0) continue;
    }
    for (let free = Atomics.load(released, ${RELEASED}); batch - free >= slots; free = Atomics.load(released, ${RELEASED})) Atomics.wait(released, ${RELEASED}, free);
    const slot = new Uint8Array(ring, (batch % slots) * SLOT_BYTES, SLOT_BYTES);
    const length = bodies.reduce((at, body) => (slot.set(body, at), at + body.length), 0);
    parentPort.postMessage({ batch, length, read: position, done: n === 0 });
    if (n === 0) return;
    batch += 1;
  }
}

function encrypt({ fd, key, ring, control, flushEvery }) {
  const counts = new Int32Array(control);
  let position = 0;
  let flushedTo = 0;
  let flushing = false;
  let finishing = false;
  let failed = false;
  let flushError = null;
  const write = (pieces) => {
    let left = pieces.reduce((sum, piece) => sum + piece.length, 0);
    while (left > 0) {
      const n = fs.writevSync(fd, pieces, position);
      position += n;
      left -= n;
      // writev may write only part: go on from where it stopped.
      for (let skip = n; skip > 0; ) {
        if (skip >= pieces[0].length) {
          skip -= pieces[0].length;
          pieces = pieces.slice(1);
        } else {
          pieces = [pieces[0].subarray(skip), ...pieces.slice(1)];
          skip = 0;
        }
      }
    }
    if (!flushing && position - flushedTo >= flushEvery) {
      flushing = true;
      const upTo = position;
      fs.fdatasync(fd, (error) => {
        flushing = false;
        flushedTo = upTo;
        if (error && !flushError) flushError = error;
        if (finishing) finish();
      });
    }
  };
  const seal = (plain, counter, last) => {
    const pieces = [];
    for (let at = 0; ; at += CHUNK) {
      const end = Math.min(at + CHUNK, plain.length);
      const cipher = createCipheriv('chacha20-poly1305', key, nonce(counter, last && end === plain.length), { authTagLength: TAG });
      pieces.push(cipher.update(plain.subarray(at, end)));
      cipher.final();
      pieces.push(cipher.getAuthTag());
      counter += 1;
      if (end === plain.length) return pieces;
    }
  };
  const finish = () => {
    if (failed || flushing) return;
    if (flushError) {
      failed = true;
      report(flushError);
    } else {
      parentPort.postMessage({ size: position });
    }
  };
  parentPort.on('message', (message) => {
    if (failed) return;
    try {
      if (message.finish) {
        finishing = true;
        finish();
        return;
      }
      if (message.head) {
        write(message.head);
      } else {
        // A batch in its ring slot: sealed already by the main thread, or to seal here.
        const bytes = new Uint8Array(ring, message.slot * SLOT_BYTES, message.length);
        if (message.sealed) write([bytes]);
        else write(seal(bytes, message.counter, message.last));
        Atomics.add(counts, ${RELEASED}, 1);
      }
      Atomics.add(counts, ${WRITTEN}, 1);
      parentPort.postMessage({ written: true });
    } catch (error) {
      failed = true;
      report(error);
    }
  });
}

parentPort.once('message', (message) => {
  try {
    const key = Buffer.from(message.key);
    if (message.mode === 'decrypt') decrypt({ ...message, key });
    else encrypt({ ...message, key });
  } catch (error) {
    report(error);
  }
});
`;

interface Reply {
  batch?: number;
  length?: number;
  read?: number;
  done?: boolean;
  written?: boolean;
  size?: number;
  damaged?: boolean;
  failed?: { message: string; code?: string; syscall?: string };
}

/** A worker and its replies, taken in order; its failures become the errors they stand for. */
class StreamWorker {
  private readonly worker = new Worker(SOURCE, { eval: true });
  private readonly replies: Reply[] = [];
  private waiting: ((reply: Reply | Error) => void) | null = null;
  private broken: Error | null = null;

  constructor() {
    this.worker.on('message', (reply: Reply) => this.deliver(reply));
    this.worker.once('error', (error) => this.deliver(error));
    this.worker.once('exit', () => this.deliver(new Error('the stream worker stopped')));
  }

  post(message: unknown, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  /** The next reply, if one has arrived. */
  poll(): Reply | null {
    const reply = this.replies.shift();
    if (reply) return check(reply);
    if (this.broken) throw this.broken;
    return null;
  }

  async next(): Promise<Reply> {
    const ready = this.poll();
    if (ready) return ready;
    const reply = await new Promise<Reply | Error>((resolve) => (this.waiting = resolve));
    if (reply instanceof Error) throw reply;
    return check(reply);
  }

  async stop(): Promise<void> {
    this.waiting = null;
    await this.worker.terminate();
  }

  private deliver(reply: Reply | Error): void {
    if (reply instanceof Error) this.broken ??= reply;
    else this.replies.push(reply);
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(reply instanceof Error ? reply : this.replies.shift()!);
  }
}

function check(reply: Reply): Reply {
  if (reply.damaged) throw new BriefcaseError('EXPORT_DAMAGED');
  if (reply.failed) {
    // Shaped like the file system's own errors, for asFileError.
    throw Object.assign(new Error(reply.failed.message), { code: reply.failed.code, syscall: reply.failed.syscall });
  }
  return reply;
}

/** A ring of batch slots and its counters, in memory both threads share. */
function sharedRing() {
  const ring = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  const control = new Int32Array(new SharedArrayBuffer(8));
  return { ring, control, slot: (index: number, length = SLOT_BYTES) => Buffer.from(ring, (index % SLOTS) * SLOT_BYTES, length) };
}

export interface PayloadReader {
  /**
   * The plaintext of the payload that starts at `start` in the file `fd`, batch by batch (up to
   * 1 MiB), each only after every chunk in it verified; a failed tag, a truncated or extended
   * payload is EXPORT_DAMAGED. `onRead` gets the file position read up to (and may throw, to
   * stop). A batch's bytes are valid until the batch after the next is asked for (the ring's).
   */
  read(fd: number, start: number, key: Buffer, onRead?: (position: number) => void): AsyncGenerator<Uint8Array>;
  /** Stops the worker; must be called (also after an error) before the file is closed. */
  stop(): Promise<void>;
}

export function startReader(): PayloadReader {
  const worker = new StreamWorker();
  const { ring, control, slot } = sharedRing();
  const release = (batches: number) => {
    Atomics.store(control, RELEASED, batches);
    Atomics.notify(control, RELEASED);
  };
  return {
    async *read(fd, start, key, onRead) {
      worker.post({ mode: 'decrypt', fd, start, key, ring, control: control.buffer });
      for (let batch = 0; ; batch += 1) {
        // Whoever reads the batches (ByteReader) may still hold a remainder of the previous batch
        // when it asks for this one, but not of any before it: those slots are free again.
        release(Math.max(0, batch - 1));
        // A turn of the event loop per batch, even when the next is already there (see startWriter).
        await new Promise((resolve) => setImmediate(resolve));
        const reply = await worker.next();
        if (reply.batch !== batch) throw new Error('stream worker out of step');
        onRead?.(reply.read!);
        yield slot(batch, reply.length);
        if (reply.done) return;
      }
    },
    stop: async () => {
      // Wakes the worker if it waits for a slot, so that it stops at once.
      release(2 ** 30);
      await worker.stop();
    },
  };
}

export interface PayloadWriter {
  /**
   * Writes `head` (the header and nonce), then `plaintext` sealed as an age payload with `key`, to
   * the open file `fd` from its start; the file's size. When this settles, either way,
   * the worker has stopped: nothing writes to `fd` any more.
   */
  write(fd: number, key: Buffer, head: Uint8Array[], plaintext: AsyncIterable<Uint8Array>, options?: { durable?: boolean }): Promise<{ size: number }>;
  stop(): Promise<void>;
}

export function startWriter(): PayloadWriter {
  const worker = new StreamWorker();
  const stop = () => worker.stop();
  return {
    stop,
    async write(fd, key, head, plaintext, { durable = true } = {}) {
      const { ring, control, slot } = sharedRing();
      try {
        worker.post({ mode: 'encrypt', fd, key, ring, control: control.buffer, flushEvery: durable ? FLUSH_EVERY : Infinity });
        let posted = 0;
        let slotsPosted = 0;
        // Until the worker has done more: the counters tell what it has done; its replies (one
        // per batch) only wake this thread, so any reply will do.
        const waitWhile = async (busy: () => boolean) => {
          while (busy()) await worker.next();
          while (worker.poll());
        };
        const queued = () => posted - Atomics.load(control, WRITTEN);
        worker.post({ head });
        posted += 1;
        // The batch being gathered, in the next ring slot (free: the worker has written what was there).
        let batch = slot(0);
        let used = 0;
        let counter = 0;
        const dispatch = async (last: boolean) => {
          // A turn of the event loop per batch, whatever the source: a cancel, a progress request
          // and the worker's replies get through (a source that never waits would hold it throughout).
          await new Promise((resolve) => setImmediate(resolve));
          const chunks = Math.max(1, Math.ceil(used / CHUNK));
          const at = slotsPosted % SLOTS;
          if (queued() >= SEAL_HERE_FROM) {
            // The worker is busy: seal this batch here, in its slot. From the last chunk back, so
            // that each chunk's ciphertext (16 bytes longer) only covers plaintext already sealed.
            for (let i = chunks - 1; i >= 0; i -= 1) {
              const [body, tag] = sealChunk(key, counter + i, last && i === chunks - 1, batch.subarray(i * CHUNK, Math.min((i + 1) * CHUNK, used)));
              batch.set(body, i * SEALED);
              batch.set(tag, i * SEALED + body.length);
            }
            worker.post({ slot: at, length: used + chunks * TAG, sealed: true });
          } else {
            worker.post({ slot: at, length: used, counter, last, sealed: false });
          }
          posted += 1;
          slotsPosted += 1;
          counter += chunks;
          used = 0;
          await waitWhile(() => slotsPosted - Atomics.load(control, RELEASED) >= SLOTS);
          batch = slot(slotsPosted);
        };
        for await (const input of plaintext) {
          for (let offset = 0; offset < input.length; ) {
            // A full batch is sent only when more bytes follow, so that the last chunk gets its flag.
            if (used === BATCH_BYTES) await dispatch(false);
            const n = Math.min(BATCH_BYTES - used, input.length - offset);
            batch.set(input.subarray(offset, offset + n), used);
            used += n;
            offset += n;
          }
        }
        await dispatch(true);
        worker.post({ finish: true });
        for (;;) {
          const reply = await worker.next();
          if (reply.size !== undefined) return { size: reply.size };
        }
      } finally {
        await stop();
      }
    },
  };
}

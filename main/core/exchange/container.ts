// The .briefcase file: an age v1 file (binary) whose plaintext is a ustar archive holding
// manifest.json, manifest.sig, then every entry in manifest order. docs/exchange.md is the spec.
// Both directions stream: file → age STREAM → tar → caller, each stage pulling 64 KiB to 1 MiB at
// a time, so memory stays flat whatever the size. For large files the age STREAM runs on a worker
// thread (stream-worker.ts) beside the hashing and tar here.
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { ClinicPublic } from '../../../preload/schemas/exchange';
import { BriefcaseError } from '../errors';
import { asFileError } from '../files/file-error';
import { makeHeader, readHeader, type AgeKeys } from './age-header';
import { decryptPayload, encryptPayload, NONCE_BYTES, payloadKey } from './age-stream';
import { ByteReader } from './byte-reader';
import { fingerprintOf, publicOf, signBytes, verifyBytes, type ClinicSecrets } from './keys';
import { decodeManifest, encodeManifest, Manifest, MANIFEST_FORMAT, MANIFEST_VERSION, MAX_ENTRIES, MAX_MANIFEST_BYTES } from './manifest';
import { MANIFEST_PATH, SIGNATURE_PATH } from './paths';
import { endOfArchive, fileHeader, MAX_TAR_ENTRY_SIZE, paddingFor, readEntryHeader, skipPadding } from './tar';
import { writeAtomically, writeStream } from './part-file';
import { OFF_THREAD_FROM, startReader, startWriter, type PayloadReader } from './stream-worker';

export { Manifest };

/**
 * One file to put in the archive. `open()` may be called once; its bytes must match size and
 * sha256. A chunk is not used after the next one is asked for, so the source may reuse its buffer.
 */
export interface ExportEntry {
  path: string;
  size: number;
  sha256: string;
  open(): AsyncIterable<Uint8Array>;
}

export interface WriteOptions {
  sender: ClinicPublic;
  secrets: ClinicSecrets;
  /**
   * age recipients ("age1…", "age1pq1…") or a passphrase. `fingerprints` names the clinics behind
   * the recipients in the manifest (informational: the recipients decide who can read it).
   */
  to: { recipients: string[]; fingerprints?: string[] } | { passphrase: string };
  signal?: AbortSignal | undefined;
  /** Bytes of entries written so far, of all entries' bytes. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  now?: Date | undefined;
  /**
   * Flush the file to the disk before it is reported written (the default): an export saved where
   * the person chose is there when they are told so, even if the computer then loses power or a
   * USB stick is pulled. False for the app's own transit copy (exchange.export: a private file that
   * lives only until the window has downloaded it and is deleted at lock): a crash loses it either
   * way, and the copy the person keeps is the download.
   */
  durable?: boolean | undefined;
}

/**
 * Writes a signed, encrypted archive of `entries` to `outPath`, atomically: a cancel (`signal`,
 * CANCELLED) or any failure leaves no file. An entry with more or fewer bytes than its size is
 * VAULT_DAMAGED (the source changed or is damaged; its SHA-256 is the receiver's to check, see
 * below); a bad entry path or recipient INVALID_INPUT.
 */
export async function writeContainer(outPath: string, entries: ExportEntry[], options: WriteOptions): Promise<{ size: number; manifestSha256: string; manifest: Manifest }> {
  const { sender, secrets, to, signal, onProgress } = options;
  if (publicOf(secrets).signingKey !== sender.signingKey) throw new Error('the sender is not the holder of these secrets');
  const manifestInput = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    sender,
    createdAt: (options.now ?? new Date()).toISOString(),
    recipients: 'passphrase' in to ? { kind: 'passphrase' as const } : { kind: 'keys' as const, fingerprints: to.fingerprints ?? [] },
    entries: entries.map(({ path, size, sha256 }) => ({ path, size, sha256 })),
  };
  const checked = Manifest.safeParse(manifestInput);
  if (!checked.success) {
    throw new BriefcaseError('INVALID_INPUT', checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' })));
  }
  const manifest = checked.data;
  const manifestBytes = encodeManifest(manifest);
  const signature = new TextEncoder().encode(`${signBytes(secrets.signingSeed, manifestBytes).toString('base64')}\n`);
  throwIfCancelled(signal);

  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  // A large export is sealed and written by a worker, started now (it takes a moment).
  const offThread = total >= OFF_THREAD_FROM ? startWriter() : null;
  try {
    const { header, fileKey } = await makeHeader('passphrase' in to ? { passphrase: to.passphrase } : { recipients: to.recipients });
    const nonce = randomBytes(NONCE_BYTES);
    const key = payloadKey(fileKey, nonce);
    const mtime = Math.floor(Date.parse(manifest.createdAt) / 1000);

    async function* archive(): AsyncGenerator<Uint8Array> {
      yield* member(MANIFEST_PATH, manifestBytes, mtime);
      yield* member(SIGNATURE_PATH, signature, mtime);
      let done = 0;
      for (const entry of entries) {
        yield fileHeader(entry.path, entry.size, mtime);
        // Sizes are checked here (tar's framing depends on them); hashes are not computed again:
        // the manifest carries the SHA-256 the vault recorded when the file was stored, SQLCipher
        // authenticates every page read back, and the receiver checks every entry against the
        // signed manifest (a mismatch refuses the whole import). A second hash of every byte here
        // would cost an export a quarter of its time (docs/benchmarks.md, section 9).
        let size = 0;
        for await (const chunk of entry.open()) {
          throwIfCancelled(signal);
          size += chunk.length;
          if (size > entry.size) throw new BriefcaseError('VAULT_DAMAGED');
          yield chunk;
          done += chunk.length;
          onProgress?.(done, total);
        }
        if (size !== entry.size) throw new BriefcaseError('VAULT_DAMAGED');
        yield new Uint8Array(paddingFor(entry.size));
      }
      yield endOfArchive();
      throwIfCancelled(signal);
    }

    async function* file(): AsyncGenerator<Uint8Array> {
      yield header;
      yield nonce;
      yield* encryptPayload(key, archive());
    }

    const durable = options.durable ?? true;
    const flushEvery = durable ? undefined : Infinity;
    const written = await writeAtomically(
      outPath,
      (out) => (offThread ? offThread.write(out.fd, key, [header, nonce], archive(), { durable }) : writeStream(out, file(), { flushEvery })),
      { durable },
    );
    return { size: written.size, manifestSha256: sha256Hex(manifestBytes), manifest };
  } finally {
    await offThread?.stop();
  }
}

/** The digest the exchange log records (log.ts): of manifest.json's exact, signed bytes. */
function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function* member(path: string, bytes: Uint8Array, mtime: number): Generator<Uint8Array> {
  yield fileHeader(path, bytes.length, mtime);
  yield bytes;
  yield new Uint8Array(paddingFor(bytes.length));
}

/** Receives the entries of an archive being read, in manifest order. */
export interface EntrySink {
  /**
   * Must consume `data` (what it leaves is read and checked anyway). See readContainer: PROVISIONAL.
   * A chunk's bytes are valid until the next chunk is asked for (the buffers are reused): copy what is kept.
   */
  entry(path: string, size: number, data: AsyncIterable<Uint8Array>): Promise<void>;
}

export interface ReadOptions {
  signal?: AbortSignal | undefined;
  /** Bytes of the file read so far, of its size. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Refuse (EXPORT_DAMAGED) a manifest with more entries than this. */
  maxEntries?: number | undefined;
  /** Refuse (EXPORT_DAMAGED) a manifest naming an entry larger than this, before reading any entry. */
  maxEntryBytes?: number | undefined;
}

/**
 * Decrypts, verifies and unpacks a .briefcase file, handing each entry's bytes to `sink` as they
 * are decrypted.
 *
 * PROVISIONAL: what the sink receives is NOT verified until this function resolves. The bytes of
 * each age chunk are authentic when handed over, but an entry's SHA-256 is known only after its
 * last byte, and a truncated file only at the very end. The caller must stage what it receives
 * (in memory or inside the vault's transaction, never as final data) and apply it only after
 * readContainer resolves; when it rejects, everything the sink received must be discarded.
 *
 * Refusals, in the order they are found:
 * - no identity or passphrase opens the file: WRONG_KEY
 * - the header or any payload chunk fails authentication, or the file is truncated: EXPORT_DAMAGED
 * - manifest.json not first, not valid: EXPORT_DAMAGED; of a newer version: EXPORT_TOO_NEW
 * - manifest.sig not second, or not the sender's signature of manifest.json: BAD_SIGNATURE
 * - an entry that is not a regular file, has a path outside the rules (absolute, `..`, `\`, NUL…),
 *   is not the next one in the manifest (extra, duplicated, out of order, missing), or whose size
 *   (checked before reading it) or SHA-256 differs from the manifest: EXPORT_DAMAGED
 * - `signal` aborted: CANCELLED. Errors thrown by the sink are passed on as they are.
 */
export async function readContainer(inPath: string, keys: AgeKeys, sink: EntrySink, options: ReadOptions = {}): Promise<{ manifest: Manifest; manifestSha256: string; senderVerified: true }> {
  const { signal, onProgress } = options;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const maxEntryBytes = options.maxEntryBytes ?? MAX_TAR_ENTRY_SIZE;
  let handle: FileHandle;
  try {
    handle = await open(inPath, 'r');
  } catch (error) {
    throw asFileError(error);
  }
  let offThread: PayloadReader | null = null;
  try {
    const { size: fileSize } = await handle.stat();
    // A large payload is read and decrypted by a worker, started now (it takes a moment).
    offThread = fileSize >= OFF_THREAD_FROM ? startReader() : null;
    let shown = 0;
    const progress = (done: number) => {
      // The header is read here, the payload then again from where the header ended: never backwards.
      if (done <= shown) return;
      shown = done;
      onProgress?.(done, fileSize);
    };
    const source = new ByteReader(readFile(handle, fileSize, signal, progress));
    const fileKey = await readHeader(source, keys);
    const nonce = Uint8Array.from(await source.exact(NONCE_BYTES));
    const key = payloadKey(fileKey, nonce);
    const payload = offThread
      ? offThread.read(handle.fd, source.consumed, key, (position) => {
          throwIfCancelled(signal);
          progress(Math.min(position, fileSize));
        })
      : decryptPayload(key, source.rest());
    const tar = new ByteReader(payload);

    const manifestBytes = await readSmallMember(tar, MANIFEST_PATH, MAX_MANIFEST_BYTES, 'EXPORT_DAMAGED');
    const manifest = decodeManifest(manifestBytes);
    const signature = await readSmallMember(tar, SIGNATURE_PATH, 200, 'BAD_SIGNATURE');
    verifySender(manifest, manifestBytes, signature);
    if (manifest.entries.length > maxEntries || manifest.entries.some((entry) => entry.size > maxEntryBytes)) throw new BriefcaseError('EXPORT_DAMAGED');

    for (const expected of manifest.entries) {
      const found = await readEntryHeader(tar);
      // Same path and size as the manifest's next entry, before a byte of it is read.
      if (!found || found.path !== expected.path || found.size !== expected.size) throw new BriefcaseError('EXPORT_DAMAGED');
      const hash = createHash('sha256');
      let left = expected.size;
      const pull = async (): Promise<Uint8Array | null> => {
        if (left === 0) return null;
        const chunk = await tar.some(left);
        hashThroughCache(hash, chunk);
        left -= chunk.length;
        return chunk;
      };
      // An iterator whose return() does not stop the reading: what the sink leaves is drained below.
      const data: AsyncIterable<Uint8Array> = {
        [Symbol.asyncIterator]: () => ({
          next: async () => {
            const chunk = await pull();
            return chunk ? { value: chunk, done: false } : { value: undefined, done: true };
          },
          return: async () => ({ value: undefined, done: true }),
        }),
      };
      await sink.entry(expected.path, expected.size, data);
      while ((await pull()) !== null);
      if (hash.digest('hex') !== expected.sha256) throw new BriefcaseError('EXPORT_DAMAGED');
      await skipPadding(tar, expected.size);
    }
    // Nothing after the last entry but the end marker, and the payload's last chunk must verify.
    if ((await readEntryHeader(tar)) !== null) throw new BriefcaseError('EXPORT_DAMAGED');
    return { manifest, manifestSha256: sha256Hex(manifestBytes), senderVerified: true };
  } catch (error) {
    throw asFileError(error);
  } finally {
    // The worker reads through the handle: stopped before it is closed.
    await offThread?.stop();
    await handle.close().catch(() => undefined);
  }
}

async function readSmallMember(tar: ByteReader, path: string, max: number, code: 'EXPORT_DAMAGED' | 'BAD_SIGNATURE'): Promise<Uint8Array> {
  const found = await readEntryHeader(tar);
  if (!found || found.path !== path || found.size > max) throw new BriefcaseError(code);
  const bytes = Uint8Array.from(await tar.exact(found.size));
  await skipPadding(tar, found.size);
  return bytes;
}

/** The sender's keys must give its fingerprint, and its signing key must have signed manifest.json. */
function verifySender(manifest: Manifest, manifestBytes: Uint8Array, signatureFile: Uint8Array): void {
  const text = new TextDecoder().decode(signatureFile);
  const match = /^([A-Za-z0-9+/]{86}==)\n?$/.exec(text);
  const { sender } = manifest;
  if (!match || fingerprintOf(sender) !== sender.fingerprint || !verifyBytes(sender.signingKey, manifestBytes, Buffer.from(match[1]!, 'base64'))) {
    throw new BriefcaseError('BAD_SIGNATURE');
  }
}

const SCRATCH = Buffer.allocUnsafe(64 * 1024);

/**
 * hash.update(bytes), by way of a small buffer that stays in the CPU cache: bytes another thread
 * has just written (the stream worker's plaintext) are hashed in a fifth less time copied first
 * (the copy streams them in; SHA-256 reading them itself waits on memory).
 */
function hashThroughCache(hash: Hash, bytes: Uint8Array): void {
  if (bytes.length < SCRATCH.length) {
    hash.update(bytes);
    return;
  }
  for (let at = 0; at < bytes.length; at += SCRATCH.length) {
    const n = Math.min(SCRATCH.length, bytes.length - at);
    SCRATCH.set(bytes.subarray(at, at + n));
    hash.update(SCRATCH.subarray(0, n));
  }
}

const READ_BYTES = 1024 * 1024;

async function* readFile(handle: FileHandle, total: number, signal: AbortSignal | undefined, onProgress: (done: number) => void): AsyncGenerator<Uint8Array> {
  // Two buffers in turn, not one per read (1 GiB of short-lived buffers keeps the GC busy). Safe
  // because every consumer here (ByteReader, decryptPayload) is done with a chunk, having copied
  // or decrypted what it keeps, before it asks for the next-but-one.
  const buffers = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)];
  let done = 0;
  for (let turn = 0; ; turn ^= 1) {
    throwIfCancelled(signal);
    const { bytesRead, buffer } = await handle.read(buffers[turn]!, 0, READ_BYTES, null);
    if (bytesRead === 0) return;
    done += bytesRead;
    onProgress(Math.min(done, total));
    yield buffer.subarray(0, bytesRead);
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BriefcaseError('CANCELLED');
}

// age v1's payload: STREAM over ChaCha20-Poly1305 in 64 KiB chunks (age-encryption.org/v1, "Payload").
// The nonce is an 11-byte big-endian chunk counter and a last-chunk flag byte; the key is
// HKDF-SHA256(ikm = file key, salt = the 16-byte nonce after the header, info = "payload").
//
// Why not age-encryption's own encryptSTREAM/decryptSTREAM: they are pure JavaScript and measured
// about 15× slower than node:crypto's native ChaCha20-Poly1305 here (85 vs 1,300 MiB/s, bench/exchange.ts
// reports both); the bytes are the same, which the age CLI tests check both ways. Large files run
// the same STREAM on a worker thread (stream-worker.ts); these functions serve the small ones.
import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { BriefcaseError } from '../errors';

export const CHUNK = 64 * 1024;
export const TAG = 16;
export const NONCE_BYTES = 16;

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  // 48 bits of the 88-bit counter are plenty (2^48 chunks of 64 KiB); the rest stays zero.
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** One sealed chunk: its ciphertext and its tag, as two new buffers (neither shares memory). */
export function sealChunk(key: Buffer, counter: number, last: boolean, bytes: Uint8Array): [Buffer, Buffer] {
  const cipher = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG });
  const body = cipher.update(bytes);
  cipher.final();
  return [body, cipher.getAuthTag()];
}

/** The ciphertext of `plaintext`: each chunk's ciphertext and tag as they are made. */
export async function* encryptPayload(key: Buffer, plaintext: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  // A chunk is sealed only when more input arrives, so a full final chunk still gets the last flag.
  const pending = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  let counter = 0;
  const seal = (bytes: Buffer, last: boolean): Buffer[] => sealChunk(key, counter++, last, bytes);
  for await (const input of plaintext) {
    for (let offset = 0; offset < input.length; ) {
      // A whole chunk of the input with more after it: sealed in place, without the copy.
      if (used === 0 && input.length - offset > CHUNK) {
        yield* seal(Buffer.from(input.buffer, input.byteOffset + offset, CHUNK), false);
        offset += CHUNK;
        continue;
      }
      if (used === CHUNK) {
        // update() returns new buffers, so `pending` can be refilled at once.
        yield* seal(pending, false);
        used = 0;
      }
      const n = Math.min(CHUNK - used, input.length - offset);
      pending.set(input.subarray(offset, offset + n), used);
      used += n;
      offset += n;
    }
  }
  yield* seal(pending.subarray(0, used), true);
}

/**
 * The plaintext of an age payload, chunk by chunk, each yielded only after its tag verified. A
 * failed tag, a truncated or extended stream, or an empty last chunk after others is EXPORT_DAMAGED.
 * Until the generator finishes, the plaintext is authentic chunk by chunk but may be cut short.
 */
export async function* decryptPayload(key: Buffer, ciphertext: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const sealed = CHUNK + TAG;
  const buffer = Buffer.allocUnsafe(sealed);
  let used = 0;
  let counter = 0;
  const open = (bytes: Buffer, last: boolean): Buffer => {
    if (bytes.length < TAG) throw new BriefcaseError('EXPORT_DAMAGED');
    const decipher = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG });
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
    const body = decipher.update(bytes.subarray(0, bytes.length - TAG));
    try {
      decipher.final();
    } catch {
      throw new BriefcaseError('EXPORT_DAMAGED');
    }
    counter += 1;
    return body;
  };
  for await (const input of ciphertext) {
    for (let offset = 0; offset < input.length; ) {
      if (used === 0 && input.length - offset > sealed) {
        yield open(Buffer.from(input.buffer, input.byteOffset + offset, sealed), false);
        offset += sealed;
        continue;
      }
      if (used === sealed) {
        yield open(buffer, false);
        used = 0;
      }
      const n = Math.min(sealed - used, input.length - offset);
      buffer.set(input.subarray(offset, offset + n), used);
      used += n;
      offset += n;
    }
  }
  const last = open(buffer.subarray(0, used), true);
  if (last.length === 0 && counter > 1) throw new BriefcaseError('EXPORT_DAMAGED');
  yield last;
}

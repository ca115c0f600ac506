// Hostile and damaged containers: each is refused with its code, and a sink that received bytes
// along the way sees readContainer reject, which is what tells the caller to discard them.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { CHUNK, decryptPayload, encryptPayload, TAG } from '../../../main/core/exchange/age-stream';
import { readContainer, writeContainer } from '../../../main/core/exchange/container';
import { startReader } from '../../../main/core/exchange/stream-worker';
import { tempDir } from '../helpers';
import { collectingSink, END, entriesFrom, makeClinic, manifestFor, member, rawHeader, signedHead, writeAgeFile, type Clinic } from './format-fixtures';

let alice: Clinic;
let bob: Clinic;
beforeAll(async () => {
  alice = await makeClinic();
  bob = await makeClinic('Example Law Clinic South');
});

async function outcome(path: string, clinic: Clinic = bob): Promise<{ code: string; sunk: string[] }> {
  const { sink, received } = collectingSink();
  try {
    await readContainer(path, { identities: [clinic.secrets.ageIdentity] }, sink);
    return { code: 'accepted', sunk: received.map((r) => r.path) };
  } catch (error) {
    if (!(error instanceof BriefcaseError)) throw error;
    return { code: error.code, sunk: received.map((r) => r.path) };
  }
}

/** A container to bob with exactly these tar members. */
async function crafted(parts: Uint8Array[]): Promise<string> {
  const path = join(tempDir(), 'crafted.briefcase');
  await writeAgeFile(path, bob.public.ageRecipient, parts);
  return path;
}

const A = Buffer.from('{"client":"Amal Testdatter"}');
const B = Buffer.from('second entry');

describe('hostile archives', () => {
  it('accepts the hand-made baseline (so each case below fails only for its own reason)', async () => {
    const manifest = manifestFor(alice.public, { 'cases/a.json': A, 'attachments/b': B });
    expect(await outcome(await crafted([...signedHead(manifest, alice.secrets), ...member('cases/a.json', A), ...member('attachments/b', B), END]))).toEqual({ code: 'accepted', sunk: ['cases/a.json', 'attachments/b'] });
  });

  it('refuses zip-slip paths in the manifest and in the archive', async () => {
    for (const evil of ['../../etc/passwd', '/etc/passwd', 'cases\\..\\x', 'C:/x', 'cases/../x']) {
      const manifest = manifestFor(alice.public, { [evil]: A });
      expect((await outcome(await crafted([...signedHead(manifest, alice.secrets), ...member(evil, A), END]))).code).toBe('EXPORT_DAMAGED');
      // A valid manifest, but the archive's member is named otherwise.
      const honest = manifestFor(alice.public, { 'cases/a.json': A });
      expect(await outcome(await crafted([...signedHead(honest, alice.secrets), ...member(evil, A), END]))).toEqual({ code: 'EXPORT_DAMAGED', sunk: [] });
    }
    // A NUL inside the name field: "cases/a.json\0../x" would read as cases/a.json to a lax reader.
    const honest = manifestFor(alice.public, { 'cases/a.json': A });
    const name = Buffer.concat([Buffer.from('cases/a.json\0../x')]);
    const header = rawHeader({ name, size: A.length });
    expect(await outcome(await crafted([...signedHead(honest, alice.secrets), header, A, new Uint8Array(512 - A.length), END]))).toEqual({ code: 'EXPORT_DAMAGED', sunk: [] });
  });

  it('refuses an entry larger (or smaller) than the manifest says before reading it', async () => {
    const manifest = manifestFor(alice.public, { 'cases/a.json': A });
    const bigger = Buffer.concat([A, Buffer.alloc(10_000, 1)]);
    expect(await outcome(await crafted([...signedHead(manifest, alice.secrets), ...member('cases/a.json', bigger), END]))).toEqual({ code: 'EXPORT_DAMAGED', sunk: [] });
    expect(await outcome(await crafted([...signedHead(manifest, alice.secrets), ...member('cases/a.json', A.subarray(1)), END]))).toEqual({ code: 'EXPORT_DAMAGED', sunk: [] });
  });

  it('refuses duplicate, extra, missing, reordered and changed entries', async () => {
    const two = manifestFor(alice.public, { 'cases/a.json': A, 'attachments/b': B });
    const head = signedHead(two, alice.secrets);
    const cases: [string, Uint8Array[]][] = [
      ['duplicate', [...head, ...member('cases/a.json', A), ...member('cases/a.json', A), END]],
      ['missing', [...head, ...member('cases/a.json', A), END]],
      ['extra', [...head, ...member('cases/a.json', A), ...member('attachments/b', B), ...member('attachments/c', B), END]],
      ['reordered', [...head, ...member('attachments/b', B), ...member('cases/a.json', A), END]],
      ['changed', [...head, ...member('cases/a.json', Buffer.from(A.toString().replace('Amal', 'Emal'))), ...member('attachments/b', B), END]],
      ['no end marker', [...head, ...member('cases/a.json', A), ...member('attachments/b', B)]],
      ['junk after the end', [...head, ...member('cases/a.json', A), ...member('attachments/b', B), END, Buffer.from('x')]],
    ];
    for (const [, parts] of cases) expect((await outcome(await crafted(parts))).code).toBe('EXPORT_DAMAGED');
    // A manifest listing a path twice (case-insensitively) is refused as a whole.
    const twice = { ...two, entries: [...(two.entries as object[]), { path: 'Cases/A.json', size: A.length, sha256: (two.entries as { sha256: string }[])[0]!.sha256 }] };
    expect((await outcome(await crafted([...signedHead(twice, alice.secrets), ...member('cases/a.json', A), ...member('attachments/b', B), ...member('Cases/A.json', A), END]))).code).toBe('EXPORT_DAMAGED');
  });

  it('refuses anything but regular files', async () => {
    for (const type of ['1', '2', '5', '7', 'x', 'g', 'L']) {
      const manifest = manifestFor(alice.public, { 'cases/a.json': A });
      expect((await outcome(await crafted([...signedHead(manifest, alice.secrets), ...member('cases/a.json', A, type), END]))).code).toBe('EXPORT_DAMAGED');
    }
  });

  it('refuses a manifest that is not first, not valid, or newer', async () => {
    const manifest = manifestFor(alice.public, { 'cases/a.json': A });
    const [mh, mb, mp, sh, sb, sp] = signedHead(manifest, alice.secrets);
    expect((await outcome(await crafted([...member('cases/a.json', A), mh!, mb!, mp!, sh!, sb!, sp!, END]))).code).toBe('EXPORT_DAMAGED');
    expect((await outcome(await crafted([sh!, sb!, sp!, mh!, mb!, mp!, ...member('cases/a.json', A), END]))).code).toBe('EXPORT_DAMAGED');
    const invalid = { ...manifest, extra: true };
    expect((await outcome(await crafted([...signedHead(invalid, alice.secrets), ...member('cases/a.json', A), END]))).code).toBe('EXPORT_DAMAGED');
    expect((await outcome(await crafted([...member('manifest.json', Buffer.from('not json')), END]))).code).toBe('EXPORT_DAMAGED');
    const newer = { ...manifest, version: 2, somethingNew: { x: 1 } };
    expect((await outcome(await crafted([...signedHead(newer, alice.secrets), ...member('cases/a.json', A), END]))).code).toBe('EXPORT_TOO_NEW');
  });

  it('refuses a manifest signed by another clinic than its sender, or not signed', async () => {
    const manifest = manifestFor(alice.public, { 'cases/a.json': A });
    // Eve re-signs a manifest that names alice as the sender.
    const eve = await makeClinic('Example Law Clinic South');
    expect(await outcome(await crafted([...signedHead(manifest, eve.secrets), ...member('cases/a.json', A), END]))).toEqual({ code: 'BAD_SIGNATURE', sunk: [] });
    const [mh, mb, mp] = signedHead(manifest, alice.secrets);
    expect((await outcome(await crafted([mh!, mb!, mp!, ...member('cases/a.json', A), END]))).code).toBe('BAD_SIGNATURE');
    // Eve's keys under alice's fingerprint: the fingerprint does not belong to the keys.
    const posing = manifestFor({ ...eve.public, fingerprint: alice.public.fingerprint, profile: alice.public.profile }, { 'cases/a.json': A });
    expect((await outcome(await crafted([...signedHead(posing, eve.secrets), ...member('cases/a.json', A), END]))).code).toBe('BAD_SIGNATURE');
  });
});

describe('damaged files (fast-check)', () => {
  let original: Buffer;
  beforeAll(async () => {
    // tempDir() folders go after each test: this one only lives through beforeAll.
    const path = join(tempDir(), 'good.briefcase');
    // Three payload chunks, several entries: flips land in the header, the nonce, every chunk.
    await writeContainer(path, entriesFrom({ 'cases/a.json': A, 'attachments/big': Buffer.alloc(150_000, 3), 'attachments/b': B }), {
      sender: alice.public,
      secrets: alice.secrets,
      to: { recipients: [bob.public.ageRecipient] },
    });
    original = readFileSync(path);
    expect((await outcome(path)).code).toBe('accepted');
  });

  it('refuses any single flipped byte', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const damaged = Buffer.from(original);
        const index = at % damaged.length;
        damaged[index] = damaged[index]! ^ mask;
        const path = join(dir, 'flipped.briefcase');
        writeFileSync(path, damaged);
        const { code } = await outcome(path);
        expect(['EXPORT_DAMAGED', 'WRONG_KEY', 'BAD_SIGNATURE']).toContain(code);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('refuses every byte of the header and nonce flipped', async () => {
    const dir = tempDir();
    const newline = original.indexOf('\n---');
    const payloadStart = original.indexOf('\n', newline + 1) + 1 + 16;
    for (let index = 0; index < payloadStart; index += 1) {
      const damaged = Buffer.from(original);
      damaged[index] = damaged[index]! ^ 0x01;
      const path = join(dir, 'flipped.briefcase');
      writeFileSync(path, damaged);
      expect(['EXPORT_DAMAGED', 'WRONG_KEY']).toContain((await outcome(path)).code);
    }
  }, 60_000);

  it('a flip in the last chunk comes after entries were handed over: they were provisional', async () => {
    const dir = tempDir();
    const damaged = Buffer.from(original);
    damaged[damaged.length - 20] = damaged[damaged.length - 20]! ^ 0x80;
    const path = join(dir, 'late.briefcase');
    writeFileSync(path, damaged);
    const { code, sunk } = await outcome(path);
    expect(code).toBe('EXPORT_DAMAGED');
    expect(sunk).toContain('cases/a.json');
  });

  it('refuses any truncation', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1_000_000 }), async (at) => {
        const path = join(dir, 'cut.briefcase');
        writeFileSync(path, original.subarray(0, at % original.length));
        expect(['EXPORT_DAMAGED']).toContain((await outcome(path)).code);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('refuses the file cut at every chunk boundary, and with bytes appended', async () => {
    const dir = tempDir();
    const headerEnd = original.indexOf('\n---') + 1 + original.subarray(original.indexOf('\n---') + 1).indexOf('\n') + 1;
    const payloadStart = headerEnd + 16;
    for (let cut = payloadStart; cut < original.length; cut += 64 * 1024 + 16) {
      const path = join(dir, 'boundary.briefcase');
      writeFileSync(path, original.subarray(0, cut));
      expect((await outcome(path)).code).toBe('EXPORT_DAMAGED');
    }
    const path = join(dir, 'longer.briefcase');
    writeFileSync(path, Buffer.concat([original, Buffer.alloc(1)]));
    expect((await outcome(path)).code).toBe('EXPORT_DAMAGED');
  });
});

describe('damaged payloads read by the stream worker (large files) and on the main thread alike', () => {
  const key = randomBytes(32);
  const PREFIX = 1234;
  const SEALED = CHUNK + TAG;
  let payload: Buffer;
  beforeAll(async () => {
    // 17 chunks: more than one of the worker's batches; the last chunk short.
    const parts: Uint8Array[] = [];
    async function* plain() {
      yield randomBytes(16 * CHUNK + 5000);
    }
    for await (const chunk of encryptPayload(key, plain())) parts.push(chunk);
    payload = Buffer.concat(parts);
  });

  /** The plaintext's SHA-256, or the error code, reading `bytes` after PREFIX bytes of anything. */
  async function both(bytes: Uint8Array): Promise<[string, string]> {
    const path = join(tempDir(), 'payload.bin');
    writeFileSync(path, Buffer.concat([randomBytes(PREFIX), bytes]));
    const settle = async (chunks: AsyncIterable<Uint8Array>) => {
      const hash = createHash('sha256');
      try {
        for await (const chunk of chunks) hash.update(chunk);
        return hash.digest('hex');
      } catch (error) {
        if (error instanceof BriefcaseError) return error.code;
        throw error;
      }
    };
    async function* whole() {
      yield bytes;
    }
    const here = await settle(decryptPayload(key, whole()));
    const file = await open(path, 'r');
    const reader = startReader();
    try {
      return [here, await settle(reader.read(file.fd, PREFIX, key))];
    } finally {
      await reader.stop();
      await file.close();
    }
  }

  it('reads the intact payload, and refuses it cut at every chunk boundary, extended, or empty', async () => {
    const [intact, offThread] = await both(payload);
    expect(intact).toMatch(/^[0-9a-f]{64}$/);
    expect(offThread).toBe(intact);
    const cuts = [0, 1, TAG - 1, TAG, SEALED - 1, SEALED, SEALED + 1, 16 * SEALED, 16 * SEALED + 1, payload.length - 1];
    for (const cut of cuts) expect(await both(payload.subarray(0, cut))).toEqual(['EXPORT_DAMAGED', 'EXPORT_DAMAGED']);
    expect(await both(Buffer.concat([payload, Buffer.alloc(1)]))).toEqual(['EXPORT_DAMAGED', 'EXPORT_DAMAGED']);
    // Exactly one full chunk, flagged last (the worker holds a chunk back until it knows).
    const full: Uint8Array[] = [];
    async function* oneChunk() {
      yield randomBytes(CHUNK);
    }
    for await (const chunk of encryptPayload(key, oneChunk())) full.push(chunk);
    const [good, goodOffThread] = await both(Buffer.concat(full));
    expect(goodOffThread).toBe(good);
  }, 30_000);

  it('gives the same answer for any flipped byte or truncation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 10_000_000 }), fc.integer({ min: 0, max: 255 }), async (at, mask) => {
        const damaged = Buffer.from(payload);
        if (mask === 0) {
          // mask 0: a truncation instead.
          const [a, b] = await both(damaged.subarray(0, at % damaged.length));
          expect(b).toBe(a);
          expect(a).toBe('EXPORT_DAMAGED');
          return;
        }
        const index = at % damaged.length;
        damaged[index] = damaged[index]! ^ mask;
        const [a, b] = await both(damaged);
        expect(b).toBe(a);
        expect(a).toBe('EXPORT_DAMAGED');
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

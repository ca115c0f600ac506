import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { CHUNK, encryptPayload } from '../../../main/core/exchange/age-stream';
import { readContainer, writeContainer, type ExportEntry } from '../../../main/core/exchange/container';
import { encodeManifest } from '../../../main/core/exchange/manifest';
import { OFF_THREAD_FROM, startWriter } from '../../../main/core/exchange/stream-worker';
import { tempDir } from '../helpers';
import { collectingSink, entriesFrom, makeClinic, randomFile, sha256 } from './format-fixtures';

const code = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BriefcaseError) return error.code;
    throw error;
  }
  return 'accepted';
};

// Sizes around the 64 KiB STREAM chunk and 512-byte tar block boundaries, an empty file, and a
// path long enough to need ustar's prefix field.
const FILES = {
  'cases/0b6f7e0e-1111-4a4a-9c9c-000000000001.json': Buffer.from(JSON.stringify({ client: 'Samir Testsen' })),
  'attachments/empty': new Uint8Array(0),
  'attachments/exact-chunk': randomFile(64 * 1024),
  'attachments/odd': randomFile(3 * 64 * 1024 + 17),
  [`documents/${'d'.repeat(90)}/${'e'.repeat(90)}.pdf`]: randomFile(512),
  'evidence/library.json': Buffer.from('{"sources":[]}'),
};

describe('writeContainer / readContainer', () => {
  it('round-trips to an X25519 recipient: entries in order, bytes equal, the sender verified', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const bob = await makeClinic('Example Law Clinic South');
    const out = join(dir, 'x.briefcase');
    const written = await writeContainer(out, entriesFrom(FILES), {
      sender: alice.public,
      secrets: alice.secrets,
      to: { recipients: [bob.public.ageRecipient, alice.public.ageRecipient], fingerprints: [bob.public.fingerprint, alice.public.fingerprint] },
      now: new Date('2026-11-23T10:00:00Z'),
    });
    expect(readdirSync(dir)).toEqual(['x.briefcase']);
    expect(written.manifest.recipients).toEqual({ kind: 'keys', fingerprints: [bob.public.fingerprint, alice.public.fingerprint] });
    expect(written.manifest.entries.map((e) => e.path)).toEqual(Object.keys(FILES));

    for (const reader of [bob, alice]) {
      const { sink, received } = collectingSink();
      const result = await readContainer(out, { identities: [reader.secrets.ageIdentity] }, sink);
      expect(result.senderVerified).toBe(true);
      expect(result.manifest).toEqual(written.manifest);
      expect(result.manifestSha256).toBe(written.manifestSha256);
      expect(result.manifest.sender).toEqual(alice.public);
      expect(received.map((r) => r.path)).toEqual(Object.keys(FILES));
      for (const r of received) expect(sha256(r.bytes)).toBe(sha256(FILES[r.path as keyof typeof FILES]!));
    }
    // The digest the exchange log keeps: of manifest.json exactly as signed and stored.
    expect(written.manifestSha256).toBe(sha256(encodeManifest(written.manifest)));
    expect(written.size).toBe(readFileSync(out).length);
  });

  it('round-trips entries handed over in large and odd pieces (sealed in place or buffered)', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const big = { 'attachments/a': randomFile(17 * 1024 * 1024 + 5), 'attachments/b': randomFile(5 * 64 * 1024) };
    for (const piece of [1024 * 1024, 200_001, 64 * 1024 + 1]) {
      const out = join(dir, `${piece}.briefcase`);
      const written = await writeContainer(out, entriesFrom(big, piece), { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } });
      const { sink, received } = collectingSink();
      await readContainer(out, { identities: [alice.secrets.ageIdentity] }, sink);
      expect(received.map((r) => sha256(r.bytes))).toEqual(Object.values(big).map(sha256));
      expect(written.size).toBe(readFileSync(out).length);
    }
  });

  it('round-trips to hybrid post-quantum recipients', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const bob = await makeClinic('Example Law Clinic South');
    const out = join(dir, 'pq.briefcase');
    await writeContainer(out, entriesFrom(FILES), { sender: alice.public, secrets: alice.secrets, to: { recipients: [bob.public.pqRecipient!] } });
    const { sink, received } = collectingSink();
    await readContainer(out, { identities: [bob.secrets.pqIdentity!, bob.secrets.ageIdentity] }, sink);
    expect(received).toHaveLength(Object.keys(FILES).length);
    // Encrypted to the hybrid key only: the X25519 identity alone does not open it.
    expect(await code(readContainer(out, { identities: [bob.secrets.ageIdentity] }, collectingSink().sink))).toBe('WRONG_KEY');
  });

  it('round-trips to a passphrase; a wrong passphrase or a key is WRONG_KEY', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const out = join(dir, 'p.briefcase');
    const written = await writeContainer(out, entriesFrom({ 'cases/a.json': Buffer.from('{}') }), { sender: alice.public, secrets: alice.secrets, to: { passphrase: 'copper meadow signal ninety' } });
    expect(written.manifest.recipients).toEqual({ kind: 'passphrase' });
    const { sink, received } = collectingSink();
    await readContainer(out, { passphrase: 'copper meadow signal ninety' }, sink);
    expect(received.map((r) => r.bytes.toString())).toEqual(['{}']);
    expect(await code(readContainer(out, { passphrase: 'copper meadow signal ninetY' }, collectingSink().sink))).toBe('WRONG_KEY');
    expect(await code(readContainer(out, { identities: [alice.secrets.ageIdentity] }, collectingSink().sink))).toBe('WRONG_KEY');
  }, 20_000);

  it('is WRONG_KEY for another clinic’s identity, or none', async () => {
    const dir = tempDir();
    const [alice, bob, eve] = await Promise.all([makeClinic(), makeClinic(), makeClinic()]);
    const out = join(dir, 'x.briefcase');
    await writeContainer(out, entriesFrom(FILES), { sender: alice.public, secrets: alice.secrets, to: { recipients: [bob.public.ageRecipient] } });
    const { sink, received } = collectingSink();
    expect(await code(readContainer(out, { identities: [eve.secrets.ageIdentity, eve.secrets.pqIdentity!] }, sink))).toBe('WRONG_KEY');
    expect(await code(readContainer(out, { identities: [] }, sink))).toBe('WRONG_KEY');
    expect(await code(readContainer(out, { passphrase: 'x' }, sink))).toBe('WRONG_KEY');
    expect(received).toEqual([]);
  });

  it('leaves no file behind when cancelled, or when an entry’s bytes do not match', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const controller = new AbortController();
    const options = { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } };
    const big = entriesFrom({ 'attachments/big': randomFile(2 * 1024 * 1024) }, 64 * 1024);
    let calls = 0;
    const cancelled = writeContainer(join(dir, 'a.briefcase'), big, {
      ...options,
      signal: controller.signal,
      onProgress: () => {
        calls += 1;
        if (calls === 5) controller.abort();
      },
    });
    expect(await code(cancelled)).toBe('CANCELLED');
    expect(readdirSync(dir)).toEqual([]);

    const short: ExportEntry[] = [{ ...entriesFrom({ 'attachments/x': randomFile(100) })[0]!, size: 101 }];
    expect(await code(writeContainer(join(dir, 'c.briefcase'), short, options))).toBe('VAULT_DAMAGED');
    const failing: ExportEntry[] = [{ path: 'attachments/y', size: 10, sha256: '0'.repeat(64), open: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('disk')) }) }) }];
    await expect(writeContainer(join(dir, 'd.briefcase'), failing, options)).rejects.toThrow('disk');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an entry whose bytes differ from the hash its source recorded is refused by the receiver, with nothing handed on as final', async () => {
    // The export does not hash entries again (the vault recorded their SHA-256 when they were
    // stored, and SQLCipher authenticates what is read back); the receiver's check is the one that counts.
    const dir = tempDir();
    const alice = await makeClinic();
    for (const size of [100_000, OFF_THREAD_FROM + 1]) {
      const out = join(dir, `${size}.briefcase`);
      const lying: ExportEntry[] = [{ ...entriesFrom({ 'attachments/x': randomFile(size) })[0]!, sha256: '0'.repeat(64) }];
      await writeContainer(out, lying, { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } });
      expect(await code(readContainer(out, { identities: [alice.secrets.ageIdentity] }, collectingSink().sink))).toBe('EXPORT_DAMAGED');
    }
  });

  it('a transit copy (durable: false, the app\'s download) is as whole and as atomic as a durable one, on both paths', async () => {
    // Not fsynced is the only difference: the file still appears whole under its name or not at all.
    const dir = tempDir();
    const alice = await makeClinic();
    const options = { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] }, durable: false };
    for (const size of [100_000, OFF_THREAD_FROM + 1]) {
      const files = { 'attachments/x': randomFile(size) };
      const out = join(dir, `${size}.briefcase`);
      await writeContainer(out, entriesFrom(files, 300_000), options);
      const { sink, received } = collectingSink();
      await readContainer(out, { identities: [alice.secrets.ageIdentity] }, sink);
      expect(received.map((r) => sha256(r.bytes))).toEqual([sha256(files['attachments/x'])]);

      const controller = new AbortController();
      const cancelled = writeContainer(join(dir, `cancelled-${size}.briefcase`), entriesFrom(files, 30_000), {
        ...options,
        signal: controller.signal,
        onProgress: (done) => done > size / 2 && controller.abort(),
      });
      expect(await code(cancelled)).toBe('CANCELLED');
    }
    expect(readdirSync(dir).sort()).toEqual([`${100_000}.briefcase`, `${OFF_THREAD_FROM + 1}.briefcase`].sort());
  });

  it('replaces an existing file only when complete', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const out = join(dir, 'x.briefcase');
    writeFileSync(out, 'old');
    const long: ExportEntry[] = [{ ...entriesFrom({ 'attachments/x': randomFile(1000) })[0]!, size: 999 }];
    expect(await code(writeContainer(out, long, { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } }))).toBe('VAULT_DAMAGED');
    expect(readdirSync(dir)).toEqual(['x.briefcase']);
  });

  it('refuses bad entry paths, duplicates and recipients before writing anything', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const options = { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } };
    for (const path of ['../x', '/etc/passwd', 'a\\b', 'a/./b', 'a//b', '.hidden', 'manifest.json', 'a\0b', 'x'.repeat(101)]) {
      expect(await code(writeContainer(join(dir, 'x.briefcase'), entriesFrom({ [path]: Buffer.from('x') }), options))).toBe('INVALID_INPUT');
    }
    const twice = [...entriesFrom({ 'a/b': Buffer.from('1') }), ...entriesFrom({ 'A/B': Buffer.from('2') })];
    expect(await code(writeContainer(join(dir, 'x.briefcase'), twice, options))).toBe('INVALID_INPUT');
    expect(await code(writeContainer(join(dir, 'x.briefcase'), [], { ...options, to: { recipients: ['age1notarecipient'] } }))).toBe('INVALID_INPUT');
    expect(await code(writeContainer(join(dir, 'x.briefcase'), [], { ...options, to: { recipients: [] } }))).toBe('INVALID_INPUT');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports progress and can be cancelled while reading', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const out = join(dir, 'x.briefcase');
    const entries = entriesFrom({ 'attachments/a': randomFile(3 * 1024 * 1024) });
    const writes: number[] = [];
    await writeContainer(out, entries, { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] }, onProgress: (done, total) => writes.push(done / total) });
    expect(writes.at(-1)).toBe(1);
    expect(writes).toEqual([...writes].sort((a, b) => a - b));

    const reads: number[] = [];
    await readContainer(out, { identities: [alice.secrets.ageIdentity] }, collectingSink().sink, { onProgress: (done, total) => reads.push(done / total) });
    expect(reads.at(-1)).toBe(1);

    const controller = new AbortController();
    const result = readContainer(out, { identities: [alice.secrets.ageIdentity] }, collectingSink().sink, {
      signal: controller.signal,
      onProgress: (done) => done > 1024 * 1024 && controller.abort(),
    });
    expect(await code(result)).toBe('CANCELLED');
  });

  it('checks entries the sink did not read, and passes on the sink’s own errors', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const out = join(dir, 'x.briefcase');
    await writeContainer(out, entriesFrom(FILES), { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } });
    const seen: string[] = [];
    const lazy = {
      async entry(path: string, _size: number, data: AsyncIterable<Uint8Array>) {
        seen.push(path);
        // Reads one chunk at most, then walks away.
        for await (const _chunk of data) break;
      },
    };
    await readContainer(out, { identities: [alice.secrets.ageIdentity] }, lazy);
    expect(seen).toEqual(Object.keys(FILES));
    const failing = { entry: () => Promise.reject(new Error('sink failed')) };
    await expect(readContainer(out, { identities: [alice.secrets.ageIdentity] }, failing)).rejects.toThrow('sink failed');
  });

  it('refuses, before reading any entry, a manifest beyond maxEntries or maxEntryBytes', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const out = join(dir, 'x.briefcase');
    await writeContainer(out, entriesFrom(FILES), { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } });
    const { sink, received } = collectingSink();
    expect(await code(readContainer(out, { identities: [alice.secrets.ageIdentity] }, sink, { maxEntries: 5 }))).toBe('EXPORT_DAMAGED');
    expect(await code(readContainer(out, { identities: [alice.secrets.ageIdentity] }, sink, { maxEntryBytes: 64 * 1024 }))).toBe('EXPORT_DAMAGED');
    expect(received).toEqual([]);
  });

  it('is FILE_NOT_READABLE for a missing file', async () => {
    expect(await code(readContainer(join(tempDir(), 'nothing.briefcase'), { identities: [] }, collectingSink().sink))).toBe('FILE_NOT_READABLE');
  });

  it('large files (a worker seals and opens the payload): progress, cancelling either way, a failing sink', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const options = { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } };
    const big = { 'attachments/a': randomFile(OFF_THREAD_FROM + 3 * 1024 * 1024) };

    const controller = new AbortController();
    const cancelled = writeContainer(join(dir, 'a.briefcase'), entriesFrom(big, 1024 * 1024), {
      ...options,
      signal: controller.signal,
      onProgress: (done) => done > 5 * 1024 * 1024 && controller.abort(),
    });
    expect(await code(cancelled)).toBe('CANCELLED');
    expect(readdirSync(dir)).toEqual([]);
    const long: ExportEntry[] = [{ ...entriesFrom(big, 300_000)[0]!, size: big['attachments/a'].length - 1 }];
    expect(await code(writeContainer(join(dir, 'b.briefcase'), long, options))).toBe('VAULT_DAMAGED');
    expect(readdirSync(dir)).toEqual([]);

    const out = join(dir, 'x.briefcase');
    const written = await writeContainer(out, entriesFrom(big, 1024 * 1024), options);
    expect(written.size).toBe(readFileSync(out).length);
    const reads: number[] = [];
    const { sink, received } = collectingSink();
    await readContainer(out, { identities: [alice.secrets.ageIdentity] }, sink, { onProgress: (done, total) => reads.push(done / total) });
    expect(received.map((r) => sha256(r.bytes))).toEqual([sha256(big['attachments/a'])]);
    expect(reads.at(-1)).toBe(1);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));

    const stop = new AbortController();
    const reading = readContainer(out, { identities: [alice.secrets.ageIdentity] }, collectingSink().sink, {
      signal: stop.signal,
      onProgress: (done) => done > 5 * 1024 * 1024 && stop.abort(),
    });
    expect(await code(reading)).toBe('CANCELLED');
    const failing = {
      async entry(_path: string, _size: number, data: AsyncIterable<Uint8Array>) {
        for await (const _chunk of data) throw new Error('sink failed');
      },
    };
    await expect(readContainer(out, { identities: [alice.secrets.ageIdentity] }, failing)).rejects.toThrow('sink failed');
  }, 30_000);
});

describe('the stream worker', () => {
  it('seals exactly the bytes encryptPayload does, whichever thread seals a batch', async () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const head = [Buffer.from('header\n'), randomBytes(16)];
    const batch = 16 * CHUNK;
    // Around chunk and batch boundaries, and one large enough that the main thread seals some batches.
    const cases: [number, number][] = [[0, 1], [1, 1], [CHUNK, 1000], [CHUNK + 1, CHUNK], [batch - 1, 7777], [batch, batch], [batch + 1, 1024 * 1024], [3 * batch + 5, 65_537], [40 * batch + 3, 4 * batch]];
    for (const [size, piece] of cases) {
      const plain = randomFile(size);
      const pieces = async function* () {
        for (let at = 0; at < size; at += piece) yield plain.subarray(at, at + piece);
      };
      const expected: Uint8Array[] = [...head];
      for await (const chunk of encryptPayload(key, pieces())) expected.push(chunk);
      const path = join(dir, `${size}.age`);
      const file = await open(path, 'wx');
      try {
        const result = await startWriter().write(file.fd, key, head, pieces());
        const bytes = readFileSync(path);
        expect(sha256(bytes)).toBe(sha256(Buffer.concat(expected)));
        expect(result).toEqual({ size: bytes.length });
      } finally {
        await file.close();
      }
    }
  }, 30_000);
});

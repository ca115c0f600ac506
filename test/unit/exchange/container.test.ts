import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { readContainer, writeContainer, type ExportEntry } from '../../../main/core/exchange/container';
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
      expect(result.manifest.sender).toEqual(alice.public);
      expect(received.map((r) => r.path)).toEqual(Object.keys(FILES));
      for (const r of received) expect(sha256(r.bytes)).toBe(sha256(FILES[r.path as keyof typeof FILES]!));
    }
    expect(written.sha256).toBe(sha256(readFileSync(out)));
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
      expect(written.sha256).toBe(sha256(readFileSync(out)));
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

    const lying: ExportEntry[] = [{ ...entriesFrom({ 'attachments/x': randomFile(100_000) })[0]!, sha256: '0'.repeat(64) }];
    expect(await code(writeContainer(join(dir, 'b.briefcase'), lying, options))).toBe('VAULT_DAMAGED');
    const short: ExportEntry[] = [{ ...entriesFrom({ 'attachments/x': randomFile(100) })[0]!, size: 101 }];
    expect(await code(writeContainer(join(dir, 'c.briefcase'), short, options))).toBe('VAULT_DAMAGED');
    const failing: ExportEntry[] = [{ path: 'attachments/y', size: 10, sha256: '0'.repeat(64), open: () => ({ [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('disk')) }) }) }];
    await expect(writeContainer(join(dir, 'd.briefcase'), failing, options)).rejects.toThrow('disk');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces an existing file only when complete', async () => {
    const dir = tempDir();
    const alice = await makeClinic();
    const out = join(dir, 'x.briefcase');
    writeFileSync(out, 'old');
    const lying: ExportEntry[] = [{ ...entriesFrom({ 'attachments/x': randomFile(1000) })[0]!, sha256: '0'.repeat(64) }];
    expect(await code(writeContainer(out, lying, { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } }))).toBe('VAULT_DAMAGED');
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
});

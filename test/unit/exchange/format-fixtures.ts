// Fixtures for the .briefcase format tests: fictional clinics, entries from buffers, a sink that
// keeps what it is given, and a builder for hand-made (hostile) containers: any tar members, any
// manifest, signed by any key, properly age-encrypted so that only the part under test is wrong.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { makeHeader } from '../../../main/core/exchange/age-header';
import { encryptPayload, payloadKey } from '../../../main/core/exchange/age-stream';
import type { EntrySink, ExportEntry } from '../../../main/core/exchange/container';
import { fingerprintOf, generateClinicSecrets, publicOf, signBytes, type ClinicSecrets } from '../../../main/core/exchange/keys';
import type { ClinicPublic } from '../../../preload/schemas/exchange';

export interface Clinic {
  secrets: ClinicSecrets;
  public: ClinicPublic;
}

export async function makeClinic(name = 'Fiktiv Retshjælp Nord'): Promise<Clinic> {
  const secrets = await generateClinicSecrets();
  const keys = publicOf(secrets);
  return { secrets, public: { profile: { name, address: 'Testvej 1, 9000 Aalborg', contact: null }, fingerprint: fingerprintOf(keys), ...keys } };
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Entries whose bytes come in pieces of `piece` bytes (to cross chunk boundaries unevenly). */
export function entriesFrom(files: Record<string, Uint8Array>, piece = 10_000): ExportEntry[] {
  return Object.entries(files).map(([path, bytes]) => ({
    path,
    size: bytes.length,
    sha256: sha256(bytes),
    async *open() {
      for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
    },
  }));
}

/** A sink that keeps every entry's bytes, in order: the caller's provisional staging. */
export function collectingSink(): { sink: EntrySink; received: { path: string; size: number; bytes: Buffer }[] } {
  const received: { path: string; size: number; bytes: Buffer }[] = [];
  return {
    received,
    sink: {
      async entry(path, size, data) {
        const parts: Uint8Array[] = [];
        for await (const chunk of data) parts.push(Uint8Array.from(chunk));
        received.push({ path, size, bytes: Buffer.concat(parts) });
      },
    },
  };
}

/** A raw ustar header: any name, prefix, type and size, with a correct checksum. */
export function rawHeader(options: { name: string | Uint8Array; size: number; type?: string; prefix?: string }): Uint8Array {
  const block = new Uint8Array(512);
  const put = (offset: number, value: string | Uint8Array) => block.set(typeof value === 'string' ? Buffer.from(value, 'latin1') : value, offset);
  put(0, options.name);
  put(100, '0000644\0');
  put(108, '0000000\0');
  put(116, '0000000\0');
  put(124, `${options.size.toString(8).padStart(11, '0')}\0`);
  put(136, '00000000000\0');
  put(148, '        ');
  put(156, options.type ?? '0');
  put(257, 'ustar\0');
  put(263, '00');
  put(345, options.prefix ?? '');
  let sum = 0;
  for (const byte of block) sum += byte;
  put(148, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

export const member = (name: string, bytes: Uint8Array, type = '0'): Uint8Array[] => [rawHeader({ name, size: bytes.length, type }), bytes, new Uint8Array((512 - (bytes.length % 512)) % 512)];

export const manifestBytes = (manifest: unknown): Uint8Array => Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
export const signatureOf = (secrets: ClinicSecrets, bytes: Uint8Array): Uint8Array => Buffer.from(`${signBytes(secrets.signingSeed, bytes).toString('base64')}\n`);

/** A v1 manifest object for `files`, from `sender`. */
export function manifestFor(sender: ClinicPublic, files: Record<string, Uint8Array>): Record<string, unknown> {
  return {
    format: 'briefcase-export',
    version: 1,
    sender,
    createdAt: '2026-11-23T10:00:00.000Z',
    recipients: { kind: 'keys', fingerprints: [] },
    entries: Object.entries(files).map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) })),
  };
}

/** The usual first two members: a manifest and its signature by `signer`. */
export function signedHead(manifest: unknown, signer: ClinicSecrets): Uint8Array[] {
  const bytes = manifestBytes(manifest);
  return [...member('manifest.json', bytes), ...member('manifest.sig', signatureOf(signer, bytes))];
}

/** Encrypts `plaintext` parts as a real age file to `recipient` and writes it to `path`. */
export async function writeAgeFile(path: string, recipient: string, parts: Uint8Array[]): Promise<void> {
  const { header, fileKey } = await makeHeader({ recipients: [recipient] });
  const nonce = randomBytes(16);
  const out: Uint8Array[] = [header, nonce];
  async function* plain() {
    yield* parts;
  }
  for await (const chunk of encryptPayload(payloadKey(fileKey, nonce), plain())) out.push(chunk);
  writeFileSync(path, Buffer.concat(out));
}

export const END = new Uint8Array(1024);
export const randomFile = (size: number): Buffer => randomBytes(size);

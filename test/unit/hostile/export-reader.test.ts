// Property 5 of issue 7 item 6: the export reader (readContainer, and exchange.previewPath through
// the api). Random bytes, random tar members inside a correctly encrypted age file, and real
// exports changed in their structure (tar headers, the manifest's paths, sizes and JSON, an
// entry's JSON) and then correctly signed again by the sender, so only the part under test is
// wrong. Each is refused with a known code (or, when the change left a valid export, previewed),
// the vault is exactly as it was, and no file appears in the vault's folder or the working folder.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../main/core/api';
import { clinicSecrets } from '../../../main/core/exchange/clinic';
import { readContainer } from '../../../main/core/exchange/container';
import { BriefcaseError } from '../../../main/core/errors';
import type { ClinicIdentity, Partner } from '../../../preload/schemas/exchange';
import { apiCalls, type ApiCalls } from '../api-calls';
import { exampleFile } from '../cases/fixtures';
import { collectingSink, END, member, rawHeader, sha256, signedHead, writeAgeFile } from '../exchange/format-fixtures';
import { FAST_KDF, PASSPHRASE } from '../helpers';
import { hostileJson, hostileString, mutate, mutation, pathsOf, prototypeKeys } from './hostile-values';
import { envelopeOf, expectCleanError, expectNothingWritten, snapshotVault } from './vault-snapshot';

export const EXPORT_READER_RUNS = { randomBytes: 60, randomTar: 40, manifest: 60, entryJson: 40 };

/** What a refused export may answer. */
const REFUSALS = ['EXPORT_DAMAGED', 'WRONG_KEY', 'BAD_SIGNATURE', 'EXPORT_TOO_NEW', 'INVALID_INPUT'];

interface Seat {
  api: Api;
  dir: string;
  ok: ApiCalls['ok'];
  identity: ClinicIdentity;
}

let root: string;
let scratch: string;
let sender: Seat;
let receiver: Seat;
/** The real export's plaintext: its manifest and its members, in order. */
let manifest: Record<string, unknown>;
let members: { path: string; bytes: Buffer }[];
const startPrototype = prototypeKeys();
const startCwd = process.cwd();

async function seat(name: string): Promise<Seat> {
  const dir = join(root, name);
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const { ok } = apiCalls(api);
  await ok('vault.create', { passphrase: PASSPHRASE });
  const identity = await ok<ClinicIdentity>('clinic.setup', { profile: { name: `Fiktiv Retshjælp ${name}`, address: 'Eksempelvej 1', contact: null } });
  return { api, dir, ok, identity };
}

/** The receiving clinic's age identities, as exchange.previewPath uses them. */
function receiverKeys(): { identities: string[] } {
  const secrets = clinicSecrets(receiver.api.vault.db);
  return { identities: [secrets.ageIdentity, ...(secrets.pqIdentity ? [secrets.pqIdentity] : [])] };
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'briefcase-hostile-export-'));
  scratch = join(root, 'scratch');
  mkdirSync(scratch);
  sender = await seat('sender');
  receiver = await seat('receiver');
  const card = await receiver.ok<{ text: string }>('clinic.card', {});
  const partner = await sender.ok<Partner>('partners.trust', { card: card.text, fingerprint: receiver.identity.fingerprint });
  const { id } = await sender.ok<{ id: string }>('cases.import', { file: exampleFile() });
  const path = join(scratch, 'real.briefcase');
  await sender.ok('exchange.exportToPath', { caseIds: [id], to: { kind: 'partners', partnerIds: [partner.id], includeSelf: false }, path });
  const { sink, received } = collectingSink();
  const read = await readContainer(path, receiverKeys(), sink);
  manifest = JSON.parse(JSON.stringify(read.manifest)) as Record<string, unknown>;
  members = received.map(({ path: p, bytes }) => ({ path: p, bytes }));
  // The baseline: the real export previews (and is then discarded), so refusals below are about their change.
  const preview = await receiver.ok<{ importId: string }>('exchange.previewPath', { path });
  await receiver.ok('exchange.discardImport', { importId: preview.importId });
  process.chdir(scratch);
}, 120_000);

afterAll(() => {
  process.chdir(startCwd);
  sender?.api.close();
  receiver?.api.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

let fileCounter = 0;
/** Writes `parts` as a properly age-encrypted file to the receiver (only the plaintext is hostile). */
async function sealed(parts: Uint8Array[]): Promise<string> {
  fileCounter += 1;
  const path = join(root, `crafted-${fileCounter}.briefcase`);
  await writeAgeFile(path, receiver.identity.ageRecipient, parts);
  return path;
}

/** The real export's plaintext with `change` made, signed again by the sender. */
function resigned(newManifest: unknown, newMembers = members): Uint8Array[] {
  return [...signedHead(newManifest, clinicSecrets(sender.api.vault.db)), ...newMembers.flatMap((m) => member(m.path, m.bytes)), END];
}

/** exchange.previewPath on `path` with every check; 'previewed' when the file was a valid export. */
async function previewChecked(path: string): Promise<string> {
  const before = snapshotVault(receiver.api.vault.db);
  const filesBefore = filesUnder(receiver.dir);
  const envelope = await envelopeOf(() => receiver.api.call('exchange.previewPath', { path }));
  expect(prototypeKeys()).toEqual(startPrototype);
  if (envelope.ok) {
    await receiver.ok('exchange.discardImport', { importId: (envelope.value as { importId: string }).importId });
    return 'previewed';
  }
  expectCleanError(envelope.error);
  expect(REFUSALS).toContain(envelope.error.code);
  expectNothingWritten(before, snapshotVault(receiver.api.vault.db), envelope.error);
  expect(filesUnder(receiver.dir)).toEqual(filesBefore);
  expect(readdirSync(scratch)).toEqual(['real.briefcase']);
  return envelope.error.code;
}

describe('the export reader with hostile files', () => {
  it('random bytes, with and without an age header in front: refused by readContainer and by the preview', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4_096 }), fc.constantFrom('', 'age-encryption.org/v1\n', 'age-encryption.org/v1\n-> X25519 '), async (bytes, prefix) => {
        const path = join(root, 'random.briefcase');
        writeFileSync(path, Buffer.concat([Buffer.from(prefix), bytes]));
        const { sink, received } = collectingSink();
        const error = await readContainer(path, receiverKeys(), sink).then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(BriefcaseError);
        expect(['EXPORT_DAMAGED', 'WRONG_KEY']).toContain((error as BriefcaseError).code);
        expect(received).toEqual([]);
        expect(['EXPORT_DAMAGED', 'WRONG_KEY']).toContain(await previewChecked(path));
      }),
      { seed: 7401, numRuns: EXPORT_READER_RUNS.randomBytes },
    );
  }, 120_000);

  it('random tar members with hostile names, sizes and types inside a correctly encrypted file: refused', async () => {
    const header = fc.record({
      name: fc.oneof(hostileString, fc.constantFrom('manifest.json', 'manifest.sig', '../../etc/passwd', '/tmp/x', 'cases/../../x', 'a'.repeat(100))),
      size: fc.oneof(fc.nat({ max: 2_000 }), fc.constantFrom(0, 511, 512, 2 ** 33 - 1, 8 ** 11 - 1)),
      type: fc.constantFrom('0', '1', '2', '5', '7', 'x', 'g', 'L', 'K', '\0'),
    });
    const tarMember = fc.tuple(header, fc.uint8Array({ maxLength: 1_500 })).map(([h, data]) => [rawHeader({ name: Buffer.from(h.name, 'utf8').subarray(0, 100), size: h.size, type: h.type }), data]);
    await fc.assert(
      fc.asyncProperty(fc.array(tarMember, { maxLength: 4 }), fc.boolean(), async (parts, withHead) => {
        const head = withHead ? signedHead(manifest, clinicSecrets(sender.api.vault.db)) : [];
        expect(REFUSALS).toContain(await previewChecked(await sealed([...head, ...parts.flat(), END])));
      }),
      { seed: 7402, numRuns: EXPORT_READER_RUNS.randomTar },
    );
  }, 120_000);

  it('the real manifest changed anywhere, in paths, sizes, hashes, sender or JSON types, and signed again: refused, or still a valid export', async () => {
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.constantFrom([], ...pathsOf(manifest)), fc.oneof(mutation, fc.constantFrom({ kind: 'replace' as const, with: '../../etc/passwd' }, { kind: 'replace' as const, with: -1 }, { kind: 'replace' as const, with: 2 ** 53 })), async (path, change) => {
        const outcome = await previewChecked(await sealed(resigned(mutate(manifest, path, change))));
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }),
      { seed: 7403, numRuns: EXPORT_READER_RUNS.manifest },
    );
    expect(outcomes.EXPORT_DAMAGED ?? 0).toBeGreaterThan(0);
  }, 120_000);

  it("an entry's JSON changed with hostile values, wrong types or __proto__ under a correct signature: refused with nothing staged, or previewed", async () => {
    const outcomes: Record<string, number> = {};
    const jsonMembers = members.filter((m) => m.path.endsWith('.json'));
    expect(jsonMembers.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jsonMembers.map((m) => m.path)), fc.nat(), mutation, hostileJson, async (target, at, change, extra) => {
        const original = JSON.parse(members.find((m) => m.path === target)!.bytes.toString('utf8')) as unknown;
        const paths: (string | number)[][] = [[], ...pathsOf(original)];
        let changed = mutate(original, paths[at % paths.length]!, change);
        if (at % 7 === 0) changed = JSON.parse(`{"__proto__": ${JSON.stringify(extra) ?? 'null'}, "constructor": {"prototype": {"polluted": true}}}`) as unknown;
        const bytes = Buffer.from(JSON.stringify(changed) ?? 'null', 'utf8');
        const next = members.map((m) => (m.path === target ? { path: m.path, bytes } : m));
        const entries = (manifest.entries as { path: string; size: number; sha256: string }[]).map((e) =>
          e.path === target ? { ...e, size: bytes.length, sha256: sha256(bytes) } : e,
        );
        const outcome = await previewChecked(await sealed(resigned({ ...manifest, entries }, next)));
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: 7404, numRuns: EXPORT_READER_RUNS.entryJson },
    );
    // The signature was right every time: what refused these is the content check.
    expect(outcomes.INVALID_INPUT ?? 0).toBeGreaterThan(0);
  }, 120_000);
});

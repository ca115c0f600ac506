// Property 1 of issue 7 item 6: every contract method (main-only ones included: the CLI reaches
// them) gets arbitrary structured-clone values and mutated valid inputs through api.call on an
// unlocked vault. Whatever arrives, the answer is an envelope (the promise never rejects), an error
// carries a known code and nothing but its i18n key and issues, INTERNAL never happens, and a call
// that fails leaves every row of every table exactly as it was.
//
// Nothing is excluded from the stream. vault.lock locks the vault when it succeeds: the test then
// unlocks it again before the next input. Methods that write to a path the caller names (main-only:
// the CLI's save commands) get that path confined to the test's scratch folder, because the tests
// may run as root and a mutated path such as "../../etc/passwd" would otherwise be obeyed.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../main/core/api';
import { contract, type MethodName } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { exampleFile } from '../cases/fixtures';
import { FAST_KDF, PASSPHRASE } from '../helpers';
import { deeplyNested, hostileJson, mutatedFrom, prototypeKeys } from './hostile-values';
import { validExamples, type Fixture } from './method-examples';
import { envelopeOf, expectCleanError, expectNothingWritten, snapshotVault, type VaultSnapshot } from './vault-snapshot';

/** Inputs per method and kind; see docs/security.md (Hostile input) for the totals. */
export const RANDOM_RUNS = 12;
export const MUTATED_RUNS = 12;

const WRITES_TO_PATH: ReadonlySet<string> = new Set(['attachments.saveCopy', 'documents.saveCopy', 'clinic.exportIdentity', 'exchange.exportToPath']);

let root: string;
let api: Api;
let fixture: Fixture;
let examples: Partial<Record<MethodName, unknown>>;
const startCwd = process.cwd();
const startPrototype = prototypeKeys();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'briefcase-hostile-ipc-'));
  const scratch = join(root, 'scratch');
  mkdirSync(scratch);
  api = createApi({ dataDir: join(root, 'data'), version: '0.0.0-test', kdfCost: FAST_KDF });
  const { ok } = apiCalls(api);
  await ok('vault.create', { passphrase: PASSPHRASE });
  const { id: caseId } = await ok<{ id: string }>('cases.import', { file: exampleFile() });
  const { id: sourceId } = await ok<{ id: string }>('evidence.saveSource', { source: { publisher: 'Fictional Panel', title: 'Fictional country report', date: '2024-05', kind: 'coi_report' } });
  const { id: excerptId } = await ok<{ id: string }>('evidence.saveExcerpt', { excerpt: { sourceId, text: 'A fictional passage about returnees.', pinpoint: { page: '4', paragraph: null, section: null } } });
  const bytes = Buffer.from('Fiktivt notat.\n');
  const { uploadId } = await ok<{ uploadId: string }>('attachments.begin', { caseId, name: 'notat.txt', mediaType: 'text/plain', size: bytes.length });
  await ok('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') });
  const { id: attachmentId } = await ok<{ id: string }>('attachments.commit', { uploadId, sha256: createHash('sha256').update(bytes).digest('hex') });
  const { uploadId: pendingUploadId } = await ok<{ uploadId: string }>('attachments.begin', { caseId, name: 'pending.txt', mediaType: 'text/plain', size: 5 });
  fixture = { caseId, sourceId, excerptId, attachmentId, pendingUploadId, scratch };
  const other = exampleFile();
  other.details.reference = 'EX-2026-002';
  examples = validExamples(fixture, other);
  // A relative path in a mutated input lands here, not in the checkout.
  process.chdir(scratch);
}, 60_000);

afterAll(() => {
  api?.close();
  process.chdir(startCwd);
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A path a save method may write: the hostile name kept (NUL, odd Unicode, length), its folder ours. */
function confined(method: string, input: unknown): unknown {
  if (!WRITES_TO_PATH.has(method) || input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const path = (input as { path?: unknown }).path;
  if (typeof path !== 'string') return input;
  return { ...input, path: join(fixture.scratch, `p-${path.replace(/[/\\]/g, '_').replace(/^\.+/, '_')}`) };
}

const seen: Record<string, Record<string, number>> = {};
/** The snapshot after the previous call, which is the one before the next (nothing else writes). */
let last: VaultSnapshot | null = null;

/** One hostile call and everything that must hold after it. */
async function probe(method: MethodName, raw: unknown): Promise<void> {
  const input = confined(method, raw);
  const before = last ?? snapshotVault(api.vault.db);
  last = null;
  const envelope = await envelopeOf(() => api.call(method, input));
  const outcome = envelope.ok ? 'ok' : envelope.error.code;
  (seen[method] ??= {})[outcome] = (seen[method]![outcome] ?? 0) + 1;
  if (!api.vault.isUnlocked) {
    // Only vault.lock may lock the vault, and only by succeeding.
    expect([method, envelope.ok]).toEqual(['vault.lock', true]);
    await apiCalls(api).ok('vault.unlock', { passphrase: PASSPHRASE });
  }
  const after = snapshotVault(api.vault.db);
  last = after;
  if (envelope.ok) return;
  expectCleanError(envelope.error);
  expect(envelope.error.code).not.toBe('INTERNAL');
  if (!contract[method].input.safeParse(input ?? {}).success) expect(envelope.error.code).toBe('INVALID_INPUT');
  expectNothingWritten(before, after, envelope.error);
}

/** What IPC can carry (structured clone) and the CLI (JSON), with and without hostile strings. */
const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true }),
  fc.jsonValue({ maxDepth: 3 }),
  hostileJson,
  fc.dictionary(fc.constantFrom('id', 'caseId', 'path', 'passphrase', 'query', 'file', 'content', 'limit', 'index', '__proto__'), hostileJson, { maxKeys: 3 }),
);

const methods = Object.keys(contract) as MethodName[];

describe('every contract method with hostile input', () => {
  it('has a valid example for every method, and each example passes its schema', () => {
    for (const method of methods) {
      const example = examples[method];
      expect(example, method).toBeDefined();
      expect(contract[method].input.safeParse(example).success, method).toBe(true);
    }
  });

  it.each(methods)('%s: arbitrary values and mutated valid inputs answer with a clean envelope and write nothing on failure', async (method) => {
    await fc.assert(
      fc.asyncProperty(anyInput, (input) => probe(method, input)),
      { seed: 7001, numRuns: RANDOM_RUNS },
    );
    await fc.assert(
      fc.asyncProperty(mutatedFrom(examples[method]), (input) => probe(method, input)),
      { seed: 7002, numRuns: MUTATED_RUNS },
    );
    // The vault still answers, and nothing reached Object.prototype.
    expect(api.vault.isUnlocked).toBe(true);
    expect(prototypeKeys()).toEqual(startPrototype);
  });

  it('every method refuses oversized and deeply nested input cleanly, and the vault still answers', async () => {
    const big = 'A'.repeat(8 * 1024 * 1024);
    const fixed = [deeplyNested(10_000, false), deeplyNested(10_000, true), { id: deeplyNested(10_000, false), path: big, file: deeplyNested(10_000, true) }, big];
    for (const method of methods) for (const input of fixed) await probe(method, input);
    expect(await apiCalls(api).ok('vault.status', {})).toMatchObject({ state: 'unlocked' });
  }, 120_000);

  it('wrote nothing outside the scratch and data folders', () => {
    expect(process.cwd()).toBe(fixture.scratch);
    expect(readdirSync(root).sort()).toEqual(['data', 'scratch']);
    // The mutated inputs got past validation into the handlers for most methods: the property is
    // about the core's behaviour, not only about zod refusing shapes.
    const reachedHandler = methods.filter((method) => Object.keys(seen[method] ?? {}).some((outcome) => outcome !== 'INVALID_INPUT'));
    expect(reachedHandler.length).toBeGreaterThan(methods.length * 0.9);
  });
});

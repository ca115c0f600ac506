// Property 3 of issue 7 item 6: evidence.import (CSL-JSON, RIS, and the library's own JSON) with
// random text, random JSON, and the real-world fixture files mutated; every refusal is a typed
// error (INVALID_INPUT listing issues, or UNKNOWN_FORMAT) with every table as it was; and a valid
// file whose fields hold hostile values is stored with exactly those values (as the schema trims them).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../main/core/api';
import { SourceFields, type ImportResult, type Source } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE } from '../helpers';
import { deeplyNestedText, hostileJson, hostileString, mutate, mutation, pathsOf, prototypeKeys } from './hostile-values';
import { envelopeOf, expectCleanError, expectNothingWritten, snapshotVault } from './vault-snapshot';

export const EVIDENCE_IMPORT_RUNS = { randomText: 100, mutatedCsl: 100, mutatedRis: 100, mutatedOwn: 60, hostileCsl: 80, hostileRis: 80 };

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/evidence/${name}`, import.meta.url)), 'utf8');
const CSL = JSON.parse(fixture('zotero-export.csl.json')) as unknown[];
const RIS_LINES = fixture('dis-unhcr-easo.ris').split('\r\n');

let root: string;
let api: Api;
let ownFile: unknown;
const startPrototype = prototypeKeys();
let counter = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'briefcase-hostile-evidence-'));
  api = createApi({ dataDir: root, version: '0.0.0-test', kdfCost: FAST_KDF });
  const { ok } = apiCalls(api);
  await ok('vault.create', { passphrase: PASSPHRASE });
  // The CSL fixture's sources stay in the vault as the baseline every refusal must leave alone, and
  // their export is the own-format file to mutate.
  await ok('evidence.import', { content: JSON.stringify(CSL) });
  ownFile = await ok('evidence.export', {});
});

afterAll(() => {
  api?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

type Outcome = { ok: true; value: ImportResult } | { ok: false };

/** One import through the api with every check of a refusal; the result when it was accepted. */
async function importChecked(content: unknown, format?: string): Promise<Outcome> {
  const before = snapshotVault(api.vault.db);
  const envelope = await envelopeOf(() => api.call('evidence.import', format ? { content, format } : { content }));
  expect(prototypeKeys()).toEqual(startPrototype);
  if (envelope.ok) return { ok: true, value: envelope.value as ImportResult };
  expectCleanError(envelope.error);
  expect(['INVALID_INPUT', 'UNKNOWN_FORMAT']).toContain(envelope.error.code);
  if (envelope.error.code === 'INVALID_INPUT') expect(envelope.error.issues?.length ?? 0).toBeGreaterThan(0);
  expectNothingWritten(before, snapshotVault(api.vault.db), envelope.error);
  return { ok: false };
}

const FORMATS = [undefined, 'auto', 'csl-json', 'ris', 'briefcase'] as const;

/** An RIS file changed at one line: removed, doubled, its value replaced, a stray tag, or cut short. */
const mutatedRis = fc
  .tuple(fc.nat({ max: RIS_LINES.length - 1 }), fc.constantFrom('delete', 'double', 'value', 'tag', 'cut'), hostileString, fc.stringMatching(/^[A-Z][A-Z0-9]$/))
  .map(([at, kind, value, tag]) => {
    const lines = [...RIS_LINES];
    if (kind === 'delete') lines.splice(at, 1);
    if (kind === 'double') lines.splice(at, 0, lines[at]!);
    if (kind === 'value') lines[at] = `${lines[at]!.slice(0, 6)}${value}`;
    if (kind === 'tag') lines.splice(at, 0, `${tag}  - ${value}`);
    if (kind === 'cut') return lines.join('\r\n').slice(0, lines.slice(0, at).join('\r\n').length + value.length);
    return lines.join('\r\n');
  });

/** A value a single-line field may hold once trimmed; null when the schema refuses it. */
const asLine = (value: string): string | null => {
  const parsed = SourceFields.shape.title.safeParse(value);
  return parsed.success ? parsed.data : null;
};

async function expectStoredExactly(outcome: Outcome, title: string, publisher: string): Promise<boolean> {
  const wantTitle = asLine(title);
  const wantPublisher = asLine(publisher);
  if (wantTitle === null || wantPublisher === null) {
    expect(outcome.ok).toBe(false);
    return false;
  }
  expect(outcome.ok).toBe(true);
  if (!outcome.ok) return false;
  const item = outcome.value.items[0]!;
  // A merge with an earlier source (same folded title and date) keeps that source's words.
  if (item.outcome === 'merged') return false;
  const { source } = await apiCalls(api).ok<{ source: Source }>('evidence.getSource', { id: item.id });
  expect({ title: source.title, publisher: source.publisher }).toEqual({ title: wantTitle, publisher: wantPublisher });
  return true;
}

describe('evidence.import with hostile files', () => {
  it('random text and random JSON in any format: refused cleanly, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), hostileString, hostileJson.map((v) => JSON.stringify(v) ?? 'null'), fc.constant(deeplyNestedText(100_000))),
        fc.constantFrom(...FORMATS),
        async (content, format) => {
          await importChecked(content, format);
        },
      ),
      { seed: 7201, numRuns: EVIDENCE_IMPORT_RUNS.randomText },
    );
  });

  it('the Zotero CSL-JSON export with one value deleted, replaced, retyped or a key added: accepted, or refused with nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom([], ...pathsOf(CSL)), mutation, fc.constantFrom(undefined, 'csl-json'), async (path, change, format) => {
        await importChecked(JSON.stringify(mutate(CSL, path, change)) ?? 'null', format);
      }),
      { seed: 7202, numRuns: EVIDENCE_IMPORT_RUNS.mutatedCsl },
    );
  });

  it('the RIS file with one line removed, doubled, changed, added or cut: accepted, or refused with nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRis, fc.constantFrom(undefined, 'ris'), async (content, format) => {
        await importChecked(content, format);
      }),
      { seed: 7203, numRuns: EVIDENCE_IMPORT_RUNS.mutatedRis },
    );
  });

  it("the library's own export with one value mutated: accepted, or refused with nothing stored", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom([], ...pathsOf(ownFile)), mutation, async (path, change) => {
        await importChecked(JSON.stringify(mutate(ownFile, path, change)) ?? 'null', 'briefcase');
      }),
      { seed: 7204, numRuns: EVIDENCE_IMPORT_RUNS.mutatedOwn },
    );
  });

  it('a CSL-JSON item whose title and publisher are hostile strings: stored with exactly those words, or refused', async () => {
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (title, publisher) => {
        counter += 1;
        const item = { id: `h${counter}`, type: 'report', title, publisher, URL: `https://example.org/hostile/${counter}` };
        if (await expectStoredExactly(await importChecked(JSON.stringify([item]), 'csl-json'), title, publisher)) exact += 1;
      }),
      { seed: 7205, numRuns: EVIDENCE_IMPORT_RUNS.hostileCsl },
    );
    expect(exact).toBeGreaterThan(0);
  });

  it('an RIS record whose title and publisher are hostile strings: stored with exactly those words, or refused', async () => {
    const oneLine = hostileString.filter((s) => !/[\r\n]/.test(s));
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(oneLine, oneLine, async (title, publisher) => {
        counter += 1;
        const content = ['TY  - RPRT', `TI  - ${title}`, `PB  - ${publisher}`, `UR  - https://example.org/hostile-ris/${counter}`, 'ER  - ', ''].join('\r\n');
        if (await expectStoredExactly(await importChecked(content, 'ris'), title, publisher)) exact += 1;
      }),
      { seed: 7206, numRuns: EVIDENCE_IMPORT_RUNS.hostileRis },
    );
    expect(exact).toBeGreaterThan(0);
  });
});

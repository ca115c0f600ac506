// Property 2 of issue 7 item 6: cases.import (a case JSON file from anywhere) with hostile values
// at every place in the documented example, prototype-pollution keys, deep nesting, huge strings and
// wrong types. Never a crash or a rejected promise; a refusal is INVALID_INPUT (or
// DUPLICATE_REFERENCE) with issues and leaves every table as it was; an accepted file is stored
// exactly as its schema read it; Object.prototype is untouched afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../main/core/api';
import { CaseFile } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { exampleFile, withoutGenerated } from '../cases/fixtures';
import { FAST_KDF, PASSPHRASE } from '../helpers';
import { deeplyNested, hostileJson, hostileString, mutate, mutation, pathsOf, prototypeKeys } from './hostile-values';
import { envelopeOf, expectCleanError, expectNothingWritten, snapshotVault } from './vault-snapshot';

export const CASE_IMPORT_RUNS = { hostileValue: 100, mutation: 100, pollution: 30, fixed: 16 };

let root: string;
let api: Api;
const startPrototype = prototypeKeys();
let counter = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'briefcase-hostile-case-'));
  api = createApi({ dataDir: root, version: '0.0.0-test', kdfCost: FAST_KDF });
  await apiCalls(api).ok('vault.create', { passphrase: PASSPHRASE });
});

afterAll(() => {
  api?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The example with a reference no earlier run used, so a good file is not refused as a duplicate. */
function freshExample(): ReturnType<typeof exampleFile> {
  const file = exampleFile();
  counter += 1;
  file.details.reference = `HOSTILE-${counter}`;
  return file;
}

/** A fresh example whose client is called `name`. */
function namedExample(name: string): ReturnType<typeof exampleFile> {
  const file = freshExample();
  (file.client as Record<string, unknown>).name = name;
  return file;
}

/** Imports `file` and checks everything that must hold, whichever way it goes. */
async function importChecked(file: unknown): Promise<'stored' | 'refused'> {
  const before = snapshotVault(api.vault.db);
  const envelope = await envelopeOf(() => api.call('cases.import', { file }));
  expect(prototypeKeys()).toEqual(startPrototype);
  if (!envelope.ok) {
    expectCleanError(envelope.error);
    expect(['INVALID_INPUT', 'DUPLICATE_REFERENCE']).toContain(envelope.error.code);
    expect(envelope.error.issues?.length ?? 0).toBeGreaterThan(0);
    expectNothingWritten(before, snapshotVault(api.vault.db), envelope.error);
    return 'refused';
  }
  // Stored as the schema read it: the export is the parsed file, nothing lost or altered on the way.
  const { id } = envelope.value as { id: string };
  const exported = await apiCalls(api).ok('cases.export', { id });
  expect(withoutGenerated(exported as object)).toEqual(withoutGenerated(CaseFile.parse(file)));
  // The case list's columns say what the file says (a lone surrogate once made them differ).
  const row = api.vault.db.prepare('SELECT reference, client_name AS clientName FROM cases WHERE id = ?').get(id);
  const stored = exported as { details: { reference: string }; client: { name: string } };
  expect(row).toEqual({ reference: stored.details.reference, clientName: stored.client.name });
  return 'stored';
}

const examplePaths = pathsOf(exampleFile());
const outcomes = { stored: 0, refused: 0 };

describe('cases.import with hostile files', () => {
  it('a hostile string at any place in a valid file: stored exactly as read, or refused with nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...examplePaths), hostileString, async (path, value) => {
        outcomes[await importChecked(mutate(freshExample(), path, { kind: 'replace', with: value }))] += 1;
      }),
      { seed: 7101, numRuns: CASE_IMPORT_RUNS.hostileValue },
    );
    // Both branches were exercised, so neither half of the property is vacuous.
    expect(outcomes.stored).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('any one value deleted, replaced, retyped, or a key added anywhere: the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom([], ...examplePaths), mutation, async (path, change) => {
        await importChecked(mutate(freshExample(), path, change));
      }),
      { seed: 7102, numRuns: CASE_IMPORT_RUNS.mutation },
    );
  });

  it('__proto__, constructor and prototype keys, in the form JSON.parse makes them, pollute nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom([], ['details'], ['client'], ['client', 'contact'], ['household', 0], ['risks', 0]), fc.constantFrom('__proto__', 'constructor', 'prototype'), hostileJson, async (path, key, value) => {
        const text = JSON.stringify(freshExample());
        // JSON.parse turns "__proto__" into an own key: the form a file from disk or IPC arrives in.
        const file = JSON.parse(text) as unknown;
        const target = path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], file) as object;
        const polluted = JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify({ polluted: value ?? 1, isAdmin: true })}}`) as object;
        Object.assign(target, polluted);
        await importChecked(file);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      }),
      { seed: 7103, numRuns: CASE_IMPORT_RUNS.pollution },
    );
  });

  it('a lone surrogate in a name or reference is refused: SQLite would have kept another name in the case list', async () => {
    for (const value of ['Amal\ud800', '\udc00Samir', 'x\udfffy']) {
      expect(await importChecked(namedExample(value))).toBe('refused');
      const referenced = freshExample();
      referenced.details.reference = value;
      expect(await importChecked(referenced)).toBe('refused');
    }
    // A well-formed pair (an emoji) is ordinary text and is kept.
    expect(await importChecked(namedExample('Amal Testdatter \ud83d\ude00'))).toBe('stored');
  });

  it('a bidi override in the reference is stored exactly as written or refused, never half-stored', async () => {
    const file = freshExample();
    file.details.reference = '\u202eEX-1\u202c';
    expect(['stored', 'refused']).toContain(await importChecked(file));
  });

  it('deep nesting, huge strings, NUL and wrong top-level types are refused, the process still answers', async () => {
    const huge = 'A'.repeat(5_000_000);
    const cases: unknown[] = [
      deeplyNested(20_000, true),
      deeplyNested(20_000, false),
      namedExample(huge),
      namedExample('Amal\u0000Testdatter'),
      { ...freshExample(), household: deeplyNested(5_000, true) },
      'a case file',
      42,
      [freshExample()],
    ];
    for (const file of cases) expect(await importChecked(file)).toBe('refused');
    expect(await apiCalls(api).ok('vault.status', {})).toMatchObject({ state: 'unlocked' });
  }, 60_000);
});

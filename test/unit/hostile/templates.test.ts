// Property 4 of issue 7 item 6: templates. Hostile VALUES in a case (Liquid and Markdown syntax,
// HTML, citations, paths) print as the literal text they are. Hostile TEMPLATES (include, render,
// layout, unknown filters, deep loops, '/etc/passwd', constructor and __proto__ access) are refused
// or render without reading any file: a canary file in a temporary HOME, and one beside the
// templates folder, never show up in an output or an error; no global changes; no render takes
// more than 2 s.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../main/core/api';
import { composeDocument } from '../../../main/core/documents/compose';
import { cleanText } from '../../../main/core/documents/escape';
import { inlineText, type Block, type ComposedDocument } from '../../../main/core/documents/model';
import { templatesDir } from '../../../main/core/documents/templates';
import { CaseFile } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { exampleFile } from '../cases/fixtures';
import { FAST_KDF, PASSPHRASE } from '../helpers';
import { hostileString, prototypeKeys } from './hostile-values';
import { envelopeOf, expectCleanError, expectNothingWritten, snapshotVault } from './vault-snapshot';

export const TEMPLATE_RUNS = { hostileValues: 60, hostileTemplates: 120, fixedTemplates: 34 };
const RENDER_BUDGET_MS = 2_000;

const CANARY = `CANARY-${randomUUID()}`;
let root: string;
let home: string;
let api: Api;
let caseId: string;
const savedHome = process.env.HOME;
const startPrototype = prototypeKeys();
const startGlobals = Object.getOwnPropertyNames(globalThis).sort();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'briefcase-hostile-templates-'));
  home = join(root, 'home');
  // Secrets a template must never reach: in a temporary HOME, beside it, and in the data folder.
  mkdirSync(home);
  for (const path of [join(home, 'canary.md'), join(root, 'canary.md'), join(root, 'passwd')]) writeFileSync(path, CANARY);
  process.env.HOME = home;
  api = createApi({ dataDir: join(root, 'data'), version: '0.0.0-test', kdfCost: FAST_KDF });
  const { ok } = apiCalls(api);
  await ok('vault.create', { passphrase: PASSPHRASE });
  writeFileSync(join(root, 'data', 'canary.md'), CANARY);
  ({ id: caseId } = await ok<{ id: string }>('cases.import', { file: exampleFile() }));
}, 60_000);

afterAll(() => {
  api?.close();
  process.env.HOME = savedHome;
  if (root) rmSync(root, { recursive: true, force: true });
});

const META = (id: string) => ({ id, title: { da: 'Fjendtlig', en: 'Hostile' }, kind: 'other', version: '1.0.0', languages: ['en'], requires: [] });
const upload = (id: string, en: string) => ({ files: [{ name: 'meta.json', text: JSON.stringify(META(id)) }, { name: 'en.md', text: en }] });

/** The text of each heading, paragraph and list item, in order, as a reader would copy it. */
const textsOf = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((block) => {
    if (block.type === 'list') return block.items.flatMap((item) => textsOf(item));
    if (block.type === 'pageBreak') return [];
    return [inlineText(block.content)];
  });
const blockTexts = (document: ComposedDocument): string[] => textsOf(document.blocks);

/** composeDocument, timed: the document or the typed error, and how long it took. */
function composeTimed(templateId: string, forCase = caseId): { document: ComposedDocument | null; error: unknown; ms: number } {
  const started = performance.now();
  try {
    const { document } = composeDocument(api.vault.db, { caseId: forCase, templateId, language: 'en' });
    return { document, error: null, ms: performance.now() - started };
  } catch (error) {
    return { document: null, error, ms: performance.now() - started };
  }
}

describe('hostile values in a case print as literal text', () => {
  it('a client name holding Liquid, Markdown, HTML, a citation or a path is printed exactly, never interpreted', async () => {
    const { ok } = apiCalls(api);
    await ok('documents.addTemplate', upload('hostile-values', '# Note\n\nName: {{ client.name }}\n\nReference: {{ case.reference }}\n'));
    let printed = 0;
    let counter = 0;
    const interesting = fc.oneof(hostileString, fc.constantFrom('{{ client.cpr }}', '{% for x in (1..3) %}x{% endfor %}', '**bold** _it_ `code`', '# Heading', '> quote', '- item', '[link](https://example.org)', '<b>x</b>', '[@x]', '[^1]', '\\*', '../../etc/passwd', '| a | b |', '1. one'));
    await fc.assert(
      fc.asyncProperty(interesting, async (value) => {
        counter += 1;
        const file = exampleFile();
        file.details.reference = `HV-${counter}`;
        (file.client as { name: unknown }).name = value;
        const parsed = CaseFile.safeParse(file);
        // A value the case schema refuses never reaches a template.
        if (!parsed.success) return;
        const { id } = await ok<{ id: string }>('cases.import', { file });
        const { document, error, ms } = composeTimed('hostile-values', id);
        expect(error).toBeNull();
        expect(ms).toBeLessThan(RENDER_BUDGET_MS);
        // What a document may hold (escape.ts): controls, private-use characters and separators
        // dropped, whitespace runs one space. Everything else is printed as written.
        const printable = cleanText(parsed.data.client.name).replace(/[ \t\n]+/g, ' ').trim();
        expect(blockTexts(document!)).toEqual(['Note', `Name: ${printable}`.replace(/[ \t]+$/, ''), `Reference: HV-${counter}`]);
        printed += 1;
      }),
      { seed: 7301, numRuns: TEMPLATE_RUNS.hostileValues },
    );
    expect(printed).toBeGreaterThan(TEMPLATE_RUNS.hostileValues / 3);
  });
});

// Pieces of Liquid a hostile template is built from.
const FILE_TAGS = ['include', 'render', 'layout', 'block', 'tablerow'];
const pieces: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FILE_TAGS).chain((tag) =>
    fc.constantFrom('/etc/passwd', '../canary.md', '../../canary.md', 'canary', '~/canary.md', 'file:///etc/passwd', '../data/canary.md', join(tmpdir(), 'canary.md')).map((path) => `{% ${tag} '${path}' %}`),
  ),
  fc.constantFrom(
    "{{ '/etc/passwd' | read }}",
    "{{ '/etc/passwd' | include }}",
    "{{ '../canary.md' | file }}",
    '{{ client.constructor }}',
    "{{ client['constructor']['constructor'] }}",
    '{{ client.__proto__ }}',
    "{{ client['__proto__'].polluted }}",
    '{{ client.name.constructor.name }}',
    '{% assign p = client.__proto__ %}{{ p.toString }}',
    '{{ process.env.HOME }}',
    '{{ globalThis.process }}',
    '{{ this }}',
    '{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}',
    '{% for i in (1..5000) %}{{ client.name | append: client.name | append: client.name }}{% endfor %}',
    '{% capture x %}{% for i in (1..1000) %}aaaaaaaaaa{% endfor %}{% endcapture %}{% for i in (1..1000) %}{{ x }}{% endfor %}',
    "{{ 'x' | evaluate }}",
    "{{ client.name | raw }}",
    '{% liquid echo client.name %}',
    '{% raw %}{{ client.name }}{% endraw %}',
    '{% comment %}{% include "/etc/passwd" %}{% endcomment %}',
    '{% cycle "a", "b" %}',
    '{% increment x %}',
    '{%- if client.name contains "A" -%}y{%- endif -%}',
    '{{ client.name | split: "" | reverse | join: "" }}',
    '{{ case.reference | cite }}',
    '{{',
    '{%',
    '{% endfor %}',
    '<script>alert(1)</script>',
    '![img](file:///etc/passwd)',
  ),
  fc.string({ maxLength: 20 }).map((name) => `{{ client.name | ${name.replace(/[{}%]/g, '')} }}`),
  fc.string({ unit: fc.constantFrom('{', '}', '%', '|', '.', "'", '"', ' ', 'a', '[', ']', '\n'), maxLength: 30 }),
);
const hostileTemplate = fc.array(pieces, { minLength: 1, maxLength: 5 }).map((parts) => `# Hostile\n\n${parts.join('\n\n')}\n`);

/** Adds a hostile template and, when it is accepted, renders it on the real case: all checks. */
async function tryTemplate(id: string, text: string): Promise<'refused' | 'rendered'> {
  const before = snapshotVault(api.vault.db);
  const started = performance.now();
  const envelope = await envelopeOf(() => api.call('documents.addTemplate', upload(id, text)));
  // addTemplate renders the template on fictional data to check it: that render is bounded too.
  expect(performance.now() - started).toBeLessThan(RENDER_BUDGET_MS);
  expect(JSON.stringify(envelope)).not.toContain(CANARY);
  expect(prototypeKeys()).toEqual(startPrototype);
  if (!envelope.ok) {
    expectCleanError(envelope.error);
    expect(['TEMPLATE_INVALID', 'INVALID_INPUT']).toContain(envelope.error.code);
    expectNothingWritten(before, snapshotVault(api.vault.db), envelope.error);
    return 'refused';
  }
  const { document, error, ms } = composeTimed(id);
  expect(ms).toBeLessThan(RENDER_BUDGET_MS);
  expect(JSON.stringify(document ?? null)).not.toContain(CANARY);
  if (error !== null) {
    expect((error as { code?: string }).code).toMatch(/^(TEMPLATE_INVALID|MISSING_FIELDS|UNKNOWN_CITATION)$/);
    expect(JSON.stringify(error)).not.toContain(CANARY);
  }
  expect(prototypeKeys()).toEqual(startPrototype);
  return 'rendered';
}

describe('hostile templates read no file and run no code', () => {
  it('the file tags are gone: include, render, layout, block and tablerow are refused for any path', async () => {
    let n = 0;
    for (const tag of FILE_TAGS) {
      for (const path of ['/etc/passwd', join(root, 'canary.md'), join(home, 'canary.md'), '~/canary.md', '../canary.md', 'canary.md']) {
        n += 1;
        expect(await tryTemplate(`fixed-${n}`, `# T\n\n{% ${tag} '${path}' %}\n`)).toBe('refused');
      }
    }
    // The engine's own lookup is an empty in-memory map, whatever the working folder.
    expect(templatesDir()).not.toBe(root);
  });

  it('runaway templates with long loops, doubling strings or sorting millions stop at the 1.5 s render budget and are refused', async () => {
    const runaway = [
      '{% for i in (1..199000) %}{{ client.name | split: "" | join: "," | split: "," | size }}{% endfor %}',
      '{% assign s = "a" %}{% for i in (1..22) %}{% assign s = s | append: s %}{% endfor %}{% for i in (1..1000) %}{% assign t = s | split: "" %}{{ t | sort | size }}{% endfor %}',
      '{% assign s = "aaaaaaaaaa" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
      '{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}',
    ];
    for (const [index, body] of runaway.entries()) {
      const before = snapshotVault(api.vault.db);
      const started = performance.now();
      const envelope = await envelopeOf(() => api.call('documents.addTemplate', upload(`runaway-${index}`, `# Runaway\n\n${body}\n`)));
      // 1.5 s of rendering plus the step running when the budget ran out: 1.6-1.7 s measured, and
      // up to 2.8 s while six other test runs shared the two cores. Before the fix: 5 s, and accepted.
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'TEMPLATE_INVALID', issues: [{ message: 'validation.template.render' }] } });
      if (!envelope.ok) expectNothingWritten(before, snapshotVault(api.vault.db), envelope.error);
    }
  }, 60_000);

  it('random templates built from file tags, unknown filters, prototype access and runaway loops: refused or rendered within 2 s, reading nothing', async () => {
    const outcomes = { refused: 0, rendered: 0 };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostileTemplate, async (text) => {
        n += 1;
        outcomes[await tryTemplate(`random-${n}`, text)] += 1;
      }),
      { seed: 7302, numRuns: TEMPLATE_RUNS.hostileTemplates },
    );
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.rendered).toBeGreaterThan(0);
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(startGlobals);
  }, 120_000);
});

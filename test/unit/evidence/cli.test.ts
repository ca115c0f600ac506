// The evidence commands: registered on a bare program over a real api and vault (as the attachment
// CLI tests do), and once end to end through bin/briefcase.mjs for what run.ts adds: the exit code
// and every problem of a malformed file on stderr, and --json alone on stdout.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CaseEvidenceItem, Envelope, ImportResult, MethodName, MethodOutput, SearchResult } from '../../../preload/contract';
import type { Api } from '../../../main/core/api';
import { registerEvidenceCommands } from '../../../main/cli/evidence';
import { createTranslator } from '../../../main/cli/translate';
import { setup } from '../attachments/support';
import { tempDir } from '../helpers';
import da from '../../../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };

const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence/', import.meta.url));
const CSL = join(FIXTURES, 'zotero-export.csl.json');
const RIS = join(FIXTURES, 'dis-unhcr-easo.ris');

async function cli(s: Awaited<ReturnType<typeof setup>>, language: 'en' | 'da' = 'en') {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const program = new Command('briefcase').exitOverride();
  registerEvidenceCommands(program, {
    t: await createTranslator(language),
    session: async () => s.api,
    call: async <M extends MethodName>(api: Api, method: M, input: unknown) => {
      const envelope = (await api.call(method, input)) as Envelope<MethodOutput<M>>;
      if (!envelope.ok) throw new Error(`${envelope.error.code} ${JSON.stringify(envelope.error.issues ?? [])}`);
      return envelope.value;
    },
    out: (text) => stdout.push(text),
    say: (text) => stderr.push(text),
    fail: (key) => {
      throw new Error(key);
    },
  });
  const run = async (...args: string[]) => {
    stdout.length = 0;
    stderr.length = 0;
    await program.parseAsync(['evidence', ...args], { from: 'user' });
    return { stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  };
  return { run, program };
}

const count = (s: Awaited<ReturnType<typeof setup>>, table: 'sources' | 'excerpts') =>
  (s.api.vault.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('briefcase evidence import / starter', () => {
  it('imports CSL-JSON and RIS by content, printing what was added and merged', async () => {
    const s = await setup();
    const { run } = await cli(s);
    const first = await run('import', CSL);
    expect(first.stdout.split('\n').slice(0, 3)).toEqual(['Format: CSL-JSON', 'Sources: 5 added, 0 merged', 'Excerpts: 0 added, 0 merged']);
    expect(first.stdout).toMatch(/^ {2}added +UNHCR: Guidelines on International Protection No\. 3/m);

    const again = await run('import', CSL, '--json');
    const result = JSON.parse(again.stdout) as ImportResult;
    expect(result).toMatchObject({ format: 'csl-json', sources: { added: 0, merged: 5 } });
    expect(result.items.every((item) => item.outcome === 'merged')).toBe(true);

    const ris = await run('import', RIS);
    expect(ris.stdout).toContain('Format: RIS');
    expect(ris.stdout).toContain('Sources: 4 added, 0 merged');
    expect(count(s, 'sources')).toBe(9);
    s.api.close();
  });

  it('a malformed file: INVALID_INPUT with every problem, nothing imported; an unreadable file is a message', async () => {
    const s = await setup();
    const { run } = await cli(s);
    const bad = join(s.dir, 'bad.ris');
    writeFileSync(bad, ['TY  - RPRT', 'TI  - Fictional report', 'PB  - Fictional NGO', 'PY  - 20x1', 'ER  - ', 'TY  - RPRT', 'TI  - Fine', 'PB  - Fictional NGO', 'ER  - ', 'TY  - RPRT', 'PB  - No title', 'ER  - '].join('\n'));
    await expect(run('import', bad)).rejects.toThrow(/INVALID_INPUT .*"line:4".*"line:10"/);
    await expect(run('import', join(s.dir, 'missing.json'))).rejects.toThrow('cliEvidence.fileNotReadable');
    expect(count(s, 'sources')).toBe(0);
    s.api.close();
  });

  it('loads the starter set once; loading it again merges everything', async () => {
    const s = await setup();
    const { run } = await cli(s, 'da');
    const first = await run('starter');
    expect(first.stdout).toMatch(/^Kilder: \d+ tilføjet, 0 flettet$/m);
    const again = JSON.parse((await run('starter', '--json')).stdout) as ImportResult;
    expect(again.sources.added).toBe(0);
    expect(again.excerpts.added).toBe(0);
    expect(again.sources.merged).toBeGreaterThan(0);
    s.api.close();
  });
});

describe('briefcase evidence search / link', () => {
  it('lists hits with pinpoint, source, date and a stale marker; --json is the result alone', async () => {
    const s = await setup();
    const { run } = await cli(s);
    await run('starter');
    const json = JSON.parse((await run('search', 'military service', '--json')).stdout) as SearchResult;
    expect(json.items.length).toBeGreaterThan(0);
    const hit = json.items[0]!;

    const plain = await run('search', 'military service');
    expect(plain.stdout).toMatch(/^1\. «.+»$/m);
    expect(plain.stdout).toContain(`Excerpt id: ${hit.excerpt.id}`);
    const line = plain.stdout.split('\n')[1]!;
    expect(line).toContain(`${hit.source.publisher}, ${hit.source.title}`);
    expect(line).toContain(hit.source.date ?? 'undated');
    if (hit.excerpt.pinpoint.paragraph) expect(line).toContain(`para. ${hit.excerpt.pinpoint.paragraph}`);
    // Every starter source is from 2021 or before, or superseded: all are stale by now.
    expect(line).toMatch(/\[STALE: (\d+ months old|superseded by .+)/);

    expect((await run('search', 'zzqqxxnothing')).stdout).toBe('No excerpt matches.');
    s.api.close();
  });

  it('links an excerpt to the case and to a risk factor', async () => {
    const s = await setup();
    const { run } = await cli(s);
    await run('starter');
    const hit = (JSON.parse((await run('search', 'military', '--json')).stdout) as SearchResult).items[0]!;
    const whole = await run('link', s.caseId, hit.excerpt.id);
    expect(whole.stderr).toBe(`Excerpt ${hit.excerpt.id} is selected for the case.`);
    const risk = await run('link', s.caseId, hit.excerpt.id, '--risk', 'draft-evasion', '--json');
    const items = (JSON.parse(risk.stdout) as { items: CaseEvidenceItem[] }).items;
    expect(items.map((i) => i.riskFactorId).sort()).toEqual(['draft-evasion', null].sort());
    await expect(run('link', s.caseId, '00000000-0000-4000-8000-000000000000')).rejects.toThrow('NOT_FOUND');
    s.api.close();
  });

  it('describes its commands in Danish and English from the catalogues', async () => {
    const s = await setup();
    const { program } = await cli(s, 'da');
    const group = program.commands.find((c) => c.name() === 'evidence')!;
    expect(group.description()).toBe(da.cliEvidence.help.group);
    expect(group.commands.map((c) => c.name())).toEqual(['import', 'starter', 'search', 'link']);
    expect(Object.keys(da.cliEvidence.help).sort()).toEqual(Object.keys(en.cliEvidence.help).sort());
    s.api.close();
  });
});

describe('briefcase evidence, as a separate process', () => {
  const PASS = 'a long clinic passphrase';
  const briefcase = (args: string[], env: Record<string, string>) => {
    const result = spawnSync(process.execPath, ['bin/briefcase.mjs', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'en_GB.UTF-8', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 30_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('a malformed file: exit 1, each problem with its line on stderr, nothing imported; --json search on stdout only', () => {
    const home = tempDir();
    const env = { BRIEFCASE_HOME: home, BRIEFCASE_PASSPHRASE: PASS };
    expect(briefcase(['init'], env).code).toBe(0);
    const bad = join(home, 'bad.csl.json');
    writeFileSync(bad, JSON.stringify([{ type: 'report', title: 'Fictional report', publisher: 'Fictional NGO', issued: { 'date-parts': [['x']] } }, { type: 'report', title: 'Fine', publisher: 'Fictional NGO' }, { type: 'report', publisher: 'Fictional NGO' }]));
    const failed = briefcase(['evidence', 'import', bad], env);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain(`Error: ${en.errors.INVALID_INPUT}`);
    expect(failed.stderr).toMatch(/^ {2}0\.issued: /m);
    expect(failed.stderr).toMatch(/^ {2}2\.title: /m);

    const imported = briefcase(['evidence', 'import', CSL], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Sources: 5 added, 0 merged');
    expect(briefcase(['evidence', 'starter'], env).code).toBe(0);
    const search = briefcase(['evidence', 'search', 'military', '--json'], env);
    expect(search.code, search.stderr).toBe(0);
    const result = JSON.parse(search.stdout) as SearchResult;
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.every((i) => i.snippet.some((part) => part.match))).toBe(true);
  }, 60_000);
});

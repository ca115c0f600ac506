// The attachment commands, registered on a bare `case` command over a real api and vault.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { AttachmentMeta, Envelope, MethodName, MethodOutput } from '../../../preload/contract';
import type { Api } from '../../../main/core/api';
import { registerAttachmentCommands } from '../../../main/cli/attachments';
import { createTranslator } from '../../../main/cli/translate';
import { samples, setup, sha256 } from './support';

async function cli(s: Awaited<ReturnType<typeof setup>>, language: 'en' | 'da' = 'en') {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const program = new Command('briefcase').exitOverride();
  const cases = program.command('case');
  registerAttachmentCommands(cases, {
    t: await createTranslator(language),
    session: async () => s.api,
    call: async <M extends MethodName>(api: Api, method: M, input: unknown) => {
      const envelope = (await api.call(method, input)) as Envelope<MethodOutput<M>>;
      if (!envelope.ok) throw new Error(envelope.error.code);
      return envelope.value;
    },
    out: (text) => stdout.push(text),
    say: (text) => stderr.push(text),
  });
  const run = async (...args: string[]) => {
    stdout.length = 0;
    stderr.length = 0;
    await program.parseAsync(['case', ...args], { from: 'user' });
    return { stdout: stdout.join('\n'), stderr: stderr.join('\n') };
  };
  return { run, program };
}

describe('briefcase case attach / attachment-save', () => {
  it('attaches a file (printing its id, or its metadata with --json) and saves a copy', async () => {
    const s = await setup();
    const { run } = await cli(s);
    const file = join(s.dir, 'interview-notes.txt');
    writeFileSync(file, samples.text());

    const plain = await run('attach', s.caseId, file);
    expect(plain.stdout).toMatch(/^[0-9a-f-]{36}$/);

    const json = await run('attach', s.caseId, file, '--document-date', '2023-05', '--description', 'Interview notes (fictional)', '--json');
    const meta = JSON.parse(json.stdout) as AttachmentMeta;
    expect(meta).toMatchObject({ name: 'interview-notes.txt', mediaType: 'text/plain', documentDate: '2023-05', description: 'Interview notes (fictional)' });

    const copy = join(s.dir, 'copy.txt');
    const saved = await run('attachment-save', meta.id, copy);
    expect(saved.stdout).toBe('');
    expect(saved.stderr).toBe(`Saved ${samples.text().length} bytes to ${copy}.`);
    expect(sha256(readFileSync(copy))).toBe(meta.sha256);
    s.api.close();
  });

  it('fails with the api error code and stores nothing for an unsupported file', async () => {
    const s = await setup();
    const { run } = await cli(s, 'da');
    const file = join(s.dir, 'program.exe');
    writeFileSync(file, samples.exe());
    await expect(run('attach', s.caseId, file)).rejects.toThrow('UNSUPPORTED_FILE_TYPE');
    await expect(run('attach', s.caseId, file, '--document-date', '2023-13')).rejects.toThrow('INVALID_INPUT');
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    s.api.close();
  });

  it('describes its commands in Danish', async () => {
    const s = await setup();
    const { program } = await cli(s, 'da');
    const attach = program.commands[0]!.commands.find((c) => c.name() === 'attach')!;
    expect(attach.description()).toContain('bilag');
    s.api.close();
  });
});

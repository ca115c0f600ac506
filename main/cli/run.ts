// The `briefcase` command line over the one handler table (main/core/api.ts). Every command goes
// through api.call, so its input is validated by the same zod contract as the app's.
//
// Output rules: results on stdout (with --json: JSON and nothing else), messages and errors on
// stderr, translated. Exit codes: 0 ok, 1 the operation failed, 2 the command was called wrongly,
// 3 `vault check` found problems.
import { Command, CommanderError, Option } from 'commander';
import type { TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ApiError, CaseFile, Envelope, Language, MethodName, MethodOutput, CaseSummary, ReferenceData } from '../../preload/contract';
import { createApi, type Api } from '../core/api';
import { defaultDataDir } from '../core/paths';
import { readPreferences } from '../core/prefs/preferences';
import { registerAttachmentCommands } from './attachments';
import { registerAuditCommands } from './audit';
import { registerBackupCommands } from './backup';
import { registerDocumentCommands } from './documents';
import { registerEvidenceCommands } from './evidence';
import { registerExchangeCommands } from './exchange';
import { registerGdprCommands } from './gdpr';
import { CliUsageError, readSecret } from './prompt';
import { createTranslator, languageFromEnv } from './translate';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream & { write(text: string): boolean };
  stderr: NodeJS.WriteStream;
  version: string;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, checkFailed: 3 } as const;

class CliFailure extends Error {
  constructor(
    readonly error: ApiError,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(error.code);
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const dataDir = defaultDataDir(io.env);
  const language = readPreferences(dataDir).language ?? languageFromEnv(io.env) ?? 'en';
  const t = await createTranslator(language);
  let api: Api | null = null;
  const out = (text: string) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const say = (text: string) => io.stderr.write(`${text}\n`);

  const session = async (options: { vault?: string }, unlock = true): Promise<Api> => {
    api ??= createApi({ dataDir, version: io.version });
    if (unlock) {
      const passphrase = await readSecret('BRIEFCASE_PASSPHRASE', t('cli.prompt.passphrase'), io);
      await call(api, 'vault.unlock', { path: vaultArg(options), passphrase });
    }
    return api;
  };
  const vaultArg = (options: { vault?: string }) => (options.vault ? resolve(options.vault) : undefined);

  const program = new Command('briefcase')
    .description(t('cli.description'))
    .version(io.version, '-V, --version')
    .helpOption('-h, --help', t('cli.help.help'))
    .addOption(new Option('--vault <path>', t('cli.help.vault')))
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stderr.write(text),
      writeErr: () => undefined, // commander's own (English) errors are replaced by ours below
    });
  const globals = () => program.opts<{ vault?: string }>();

  program
    .command('init')
    .description(t('cli.help.init'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { json?: boolean }) => {
      const passphrase = await readNewSecret('BRIEFCASE_PASSPHRASE', t, io);
      const status = await call(await session(globals(), false), 'vault.create', {
        path: vaultArg(globals()),
        passphrase,
      });
      if (options.json) out(JSON.stringify(status));
      else say(t('cli.vaultCreated', { path: status.path }));
    });

  const cases = program.command('case').description(t('cli.help.case'));
  cases
    .command('create')
    .description(t('cli.help.caseCreate'))
    .option('--reference <ref>', t('cli.help.reference'))
    .requiredOption('--client-name <name>', t('cli.help.clientName'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { reference?: string; clientName: string; json?: boolean }) => {
      const api = await session(globals());
      const created = await call(api, 'cases.create', { reference: options.reference, clientName: options.clientName });
      out(options.json ? JSON.stringify(created) : created.id);
    });
  cases
    .command('list')
    .description(t('cli.help.caseList'))
    .option('--query <text>', t('cli.help.query'))
    .option('--limit <n>', t('cli.help.limit'), (value) => Number(value), 100)
    .option('--json', t('cli.help.json'))
    .action(async (options: { query?: string; limit: number; json?: boolean }) => {
      const api = await session(globals());
      const page = await call(api, 'cases.list', { query: options.query, limit: options.limit, offset: 0 });
      if (options.json) out(JSON.stringify(page));
      else out(caseTable(page.items, t));
    });
  cases
    .command('import')
    .description(t('cliCase.help.import'))
    .argument('<file>', t('cliCase.help.file'))
    .option('--json', t('cli.help.json'))
    .action(async (file: string, options: { json?: boolean }) => {
      const content = readCaseFile(file);
      const api = await session(globals());
      const imported = await call(api, 'cases.import', { file: content });
      out(options.json ? JSON.stringify(imported) : imported.id);
    });
  cases
    .command('show')
    .description(t('cli.help.caseShow'))
    .argument('<id>', t('cli.help.caseId'))
    .option('--json', t('cli.help.json'))
    .action(async (id: string, options: { json?: boolean }) => {
      const api = await session(globals());
      const file = await call(api, 'cases.export', { id });
      if (options.json) out(JSON.stringify(file, null, 2));
      else out(caseSummary(file, await call(api, 'reference.get', {}), language, t));
    });

  // What every feature's commands need from here, handed to each the same.
  const commandDeps = {
    t,
    language,
    session: () => session(globals()),
    call,
    out,
    say,
    fail: (key: string, values: Record<string, string>): never => {
      throw new CliMessage(key, values);
    },
  };
  registerAttachmentCommands(cases, commandDeps);
  registerEvidenceCommands(program, commandDeps);
  registerDocumentCommands(program, commandDeps);
  registerExchangeCommands(program, { ...commandDeps, env: io.env });
  registerAuditCommands(program, commandDeps);
  registerBackupCommands(program, { ...commandDeps, io });
  registerGdprCommands(program, commandDeps);

  const vault = program.command('vault').description(t('cli.help.vaultGroup'));
  vault
    .command('check')
    .description(t('cli.help.vaultCheck'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await session(globals());
      const result = await call(api, 'vault.check', {});
      if (options.json) out(JSON.stringify(result));
      else out(result.ok ? t('cli.checkOk') : [t('cli.checkFailed'), ...result.problems].join('\n'));
      if (!result.ok) throw new CliExit(EXIT.checkFailed);
    });
  vault
    .command('rekey')
    .description(t('cli.help.vaultRekey'))
    .action(async () => {
      const api = await session(globals());
      const passphrase = await readSecret('BRIEFCASE_PASSPHRASE', t('cli.prompt.passphrase'), io);
      const newPassphrase = await readNewSecret('BRIEFCASE_NEW_PASSPHRASE', t, io);
      await call(api, 'vault.rekey', { passphrase, newPassphrase });
      say(t('cli.rekeyed'));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, t, say);
  } finally {
    (api as Api | null)?.close();
  }
}

/** A failure before the core is reached (a file that cannot be read): exit 1, translated. */
class CliMessage extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string>,
  ) {
    super(key);
  }
}

/** The JSON in `path`; a file that cannot be read or is not JSON is a translated message. */
function readCaseFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch {
    throw new CliMessage('cliCase.fileNotReadable', { file: path });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new CliMessage('cliCase.notJson', { file: path });
  }
}

function caseSummary(file: CaseFile, reference: ReferenceData, language: Language, t: TFunction): string {
  const { details, client } = file;
  const jurisdiction = reference.jurisdictions.find((j) => j.id === details.jurisdiction);
  const basis = jurisdiction?.protectionBases.find((b) => b.id === details.protectionBasis);
  const region = reference.regionLists
    .find((list) => list.country === details.origin.country)
    ?.regions.find((r) => r.id === details.origin.region);
  const next = file.deadlines.filter((d) => !d.done).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  const kind = next && (jurisdiction?.deadlineKinds.find((k) => k.id === next.kind)?.labels[language] ?? next.kind);
  const none = t('cliCase.none');
  const origin = [region?.labels[language] ?? details.origin.region, details.origin.place].filter(Boolean).join(', ');
  const lines: [string, string][] = [
    [t('cliCase.reference'), details.reference],
    [t('cliCase.client'), client.name],
    [t('cliCase.originalName'), client.nameOriginal ?? none],
    [t('cliCase.status'), t(`caseStatus.${details.status}`)],
    [t('cliCase.protectionBasis'), basis?.labels[language] ?? details.protectionBasis ?? none],
    [t('cliCase.origin'), origin || none],
    [t('cliCase.nextDeadline'), next ? `${next.dueOn} ${kind}` : none],
    [t('cliCase.household'), String(file.household.length)],
    [t('cliCase.timeline'), String(file.timeline.length)],
    [t('cliCase.risks'), String(file.risks.filter((r) => r.state === 'present').length) + ' / ' + String(file.risks.length)],
    [t('cliCase.attachments'), String(file.attachments.length)],
    [t('cliCase.updated'), file.updatedAt ?? none],
  ];
  const width = Math.max(...lines.map(([label]) => [...label].length));
  return lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super('exit');
  }
}

async function call<M extends MethodName>(api: Api, method: M, input: unknown): Promise<MethodOutput<M>> {
  const envelope = (await api.call(method, input)) as Envelope<MethodOutput<M>>;
  if (!envelope.ok) throw new CliFailure(envelope.error);
  return envelope.value;
}

async function readNewSecret(envName: string, t: TFunction, io: CliIo): Promise<string> {
  const first = await readSecret(envName, t('cli.prompt.newPassphrase'), io);
  if (io.env[envName]) return first;
  const again = await readSecret(envName, t('cli.prompt.repeatPassphrase'), io);
  if (first !== again) throw new CliUsageError('cli.passphraseMismatch');
  return first;
}

function caseTable(items: CaseSummary[], t: TFunction): string {
  if (items.length === 0) return t('cli.noCases');
  const rows = [
    [t('cases.reference'), t('cases.client'), t('cases.status'), t('cases.nextDeadline')],
    ...items.map((c) => [c.reference, c.clientName, t(`caseStatus.${c.status}`), c.nextDeadline?.dueOn ?? '—']),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function report(error: unknown, t: TFunction, say: (text: string) => void): number {
  if (error instanceof CliExit) return error.exitCode;
  if (error instanceof CliMessage) {
    say(`${t('cli.error')}: ${t(error.key, error.values)}`);
    return EXIT.failed;
  }
  if (error instanceof CliFailure) {
    say(`${t('cli.error')}: ${t(error.error.key)}`);
    for (const issue of error.error.issues ?? []) say(`  ${issue.path || '—'}: ${t(issue.message, issue.params ?? {})}`);
    return error.exitCode;
  }
  if (error instanceof CliUsageError) {
    say(`${t('cli.error')}: ${t(error.key, error.values)}`);
    return EXIT.usage;
  }
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT.ok;
    }
    // Commander's message names the offending option or command, which is not client data.
    const key = `cli.usage.${error.code.replace('commander.', '')}`;
    say(`${t('cli.error')}: ${t(key, { detail: error.message.replace(/^error: /, ''), defaultValue: t('cli.usage.generic') })}`);
    say(t('cli.seeHelp'));
    return EXIT.usage;
  }
  say(`${t('cli.error')}: ${t('errors.INTERNAL')}`);
  return EXIT.failed;
}

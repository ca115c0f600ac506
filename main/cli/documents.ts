// `briefcase generate …`, `briefcase documents list CASE`, `briefcase templates list`: the brief,
// the cover letter and the bundle from the command line, over the same api.call as the app.
//
// `generate` asks for the pre-flight report first and prints it on stderr in the CLI's language:
// every missing field by its label, every citation that matches no linked excerpt, every stale
// source. Missing fields and unknown citations stop it; stale sources stop it unless
// --accept-stale. Then the document is made and kept on the case as a version, and a copy is
// written to --out (a temporary name, checked, renamed); what was written is printed: its name,
// size and SHA-256 (with --json, the version and the path as JSON on stdout, nothing else).
import { Option, type Command } from 'commander';
import type { TFunction } from 'i18next';
import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Language } from '../../preload/contract';
import type { DocumentVersion, Preflight, TemplateSummary } from '../../preload/schemas/documents';
import { resolveCase, type CommandDeps } from './deps';

export interface DocumentCommandDeps extends CommandDeps {
  /** The CLI's language: labels of missing fields and template titles are printed in it. */
  language: Language;
}

interface GenerateOptions {
  template: string;
  lang: 'da' | 'en';
  format: 'docx' | 'pdf' | 'bundle';
  out: string;
  acceptStale?: boolean;
  json?: boolean;
}


export function registerDocumentCommands(program: Command, deps: DocumentCommandDeps): void {
  const { t } = deps;

  program
    .command('generate')
    .description(t('cliDocuments.help.generate'))
    .argument('<case>', t('cliDocuments.help.case'))
    .requiredOption('--template <id>', t('cliDocuments.help.template'))
    .addOption(new Option('--lang <language>', t('cliDocuments.help.lang')).choices(['da', 'en']).makeOptionMandatory())
    .addOption(new Option('--format <format>', t('cliDocuments.help.format')).choices(['docx', 'pdf', 'bundle']).makeOptionMandatory())
    .requiredOption('--out <file>', t('cliDocuments.help.out'))
    .option('--accept-stale', t('cliDocuments.help.acceptStale'))
    .option('--json', t('cliDocuments.help.json'))
    .action(async (caseArg: string, options: GenerateOptions) => {
      // Checked first: a version is kept on the case when it is made, so a file that cannot be
      // written afterwards would leave one more version behind at every retry.
      if (!canWriteInto(dirname(resolve(options.out)))) deps.fail('cliDocuments.outNotWritable', { file: options.out });
      const api = await deps.session();
      const caseId = await resolveCase(api, caseArg, deps, 'cliDocuments.caseNotFound');
      const request = { caseId, templateId: options.template, language: options.lang };
      const [report, templates] = await Promise.all([deps.call(api, 'documents.check', request), deps.call(api, 'documents.templates', {})]);
      const template = templates.items.find((item) => item.id === options.template);
      for (const line of preflightLines(report, template, options.format, deps)) deps.say(line);

      const blocked = report.missing.length > 0 || report.unknownCitations.length > 0;
      const stale = report.stale.length > 0;
      if (blocked || (stale && !options.acceptStale)) {
        if (options.json) deps.out(JSON.stringify({ written: false, preflight: report }));
        deps.fail(blocked ? 'cliDocuments.refusedMissing' : 'cliDocuments.refusedStale', {});
      }
      if (stale) deps.say(t('cliDocuments.staleAccepted'));

      const version = await deps.call(api, 'documents.generate', { ...request, format: options.format, acknowledgeStale: Boolean(options.acceptStale) });
      const { bytes } = await deps.call(api, 'documents.saveCopy', { id: version.id, path: options.out });
      if (options.json) {
        deps.out(JSON.stringify({ written: true, path: options.out, bytes, version }));
      } else {
        deps.out(
          [t('cliDocuments.written', { name: version.name, path: options.out }), t('cliDocuments.size', { size: bytes }), `SHA-256: ${version.sha256}`].join('\n'),
        );
      }
    });

  const documents = program.command('documents').description(t('cliDocuments.help.documents'));
  documents
    .command('list')
    .description(t('cliDocuments.help.documentsList'))
    .argument('<case>', t('cliDocuments.help.case'))
    .option('--json', t('cliDocuments.help.json'))
    .action(async (caseArg: string, options: { json?: boolean }) => {
      const api = await deps.session();
      const caseId = await resolveCase(api, caseArg, deps, 'cliDocuments.caseNotFound');
      const result = await deps.call(api, 'documents.list', { caseId });
      deps.out(options.json ? JSON.stringify(result) : versionTable(result.items, t));
    });

  const templates = program.command('templates').description(t('cliDocuments.help.templates'));
  templates
    .command('list')
    .description(t('cliDocuments.help.templatesList'))
    .option('--json', t('cliDocuments.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await deps.session();
      const result = await deps.call(api, 'documents.templates', {});
      deps.out(options.json ? JSON.stringify(result) : templateTable(result.items, deps.language, t));
    });
}


/**
 * The report as lines for stderr. Missing fields are named by their label in the CLI's language
 * (the template's meta.json has both); the report itself carries them in the document's.
 */
export function preflightLines(report: Preflight, template: TemplateSummary | undefined, format: string, deps: Pick<DocumentCommandDeps, 't' | 'language'>): string[] {
  const { t, language } = deps;
  const lines: string[] = [];
  if (report.missing.length > 0) {
    lines.push(t('cliDocuments.missingHeading'));
    for (const field of report.missing) {
      const label = template?.requires.find((r) => r.path === field.path)?.label[language] ?? field.label;
      lines.push(`  – ${label}`);
    }
  }
  if (report.unknownCitations.length > 0) {
    lines.push(t('cliDocuments.unknownHeading'));
    for (const id of report.unknownCitations) lines.push(`  – [@${id}]`);
  }
  if (report.stale.length > 0) {
    lines.push(t('cliDocuments.staleHeading'));
    for (const item of report.stale) {
      const reasons = item.reasons.map((reason) => t(`cliDocuments.staleReason.${reason}`)).join(', ');
      const newer = item.newerEdition ? ` ${t('cliDocuments.newerEdition', { title: item.newerEdition.title, date: item.newerEdition.date ?? t('evidence.undated') })}` : '';
      lines.push(`  – ${item.publisher}: ${item.sourceTitle} (${item.date ?? t('evidence.undated')}): ${reasons}${newer} [@${item.excerptId}]`);
    }
  }
  if (format === 'bundle') {
    for (const annex of report.annexes.filter((a) => !a.usable)) {
      lines.push(t('cliDocuments.annexUnusable', { number: annex.number, name: annex.name }));
    }
  }
  return lines;
}

function versionTable(items: DocumentVersion[], t: TFunction): string {
  if (items.length === 0) return t('cliDocuments.noDocuments');
  return table([
    [t('cliDocuments.column.created'), t('cliDocuments.column.name'), t('cliDocuments.column.template'), t('cliDocuments.column.size'), t('cliDocuments.column.id')],
    ...items.map((v) => [v.createdAt.slice(0, 16).replace('T', ' '), v.name, `${v.templateId} ${v.templateVersion}`, String(v.size), v.id]),
  ]);
}

function templateTable(items: TemplateSummary[], language: Language, t: TFunction): string {
  if (items.length === 0) return t('cliDocuments.noTemplates');
  return table([
    [t('cliDocuments.column.id'), t('cliDocuments.column.title'), t('cliDocuments.column.languages'), t('cliDocuments.column.version'), t('cliDocuments.column.origin')],
    ...items.map((item) => [item.id, item.title[language], item.languages.join(', '), item.version, t(`cliDocuments.origin.${item.origin}`)]),
  ]);
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function canWriteInto(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

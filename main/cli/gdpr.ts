// `briefcase erase CASE --confirm REFERENCE`, `briefcase retention`, `briefcase access-report CASE
// --lang da|en --out FILE.pdf [--json-out FILE.json]`: the GDPR commands over the same api.call as
// the app (main/core/gdpr). Erasure needs the case's reference typed again, as in the app; there
// is no --yes that skips it. The access report is kept on the case as a document version and
// saved to --out; the case JSON (cases.export) goes beside it (FILE.json) or to --json-out.
import { Option, type Command } from 'commander';
import { createHash } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { saveCheckedCopy } from '../core/files/chunked-file';
import { resolveCase, type CommandDeps } from './deps';

interface AccessReportOptions {
  lang: 'da' | 'en';
  out: string;
  jsonOut?: string;
  json?: boolean;
}

export function registerGdprCommands(program: Command, deps: CommandDeps): void {
  const { t } = deps;

  program
    .command('erase')
    .description(t('cliGdpr.help.erase'))
    .argument('<case>', t('cliGdpr.help.case'))
    .requiredOption('--confirm <reference>', t('cliGdpr.help.confirm'))
    .action(async (caseArg: string, options: { confirm: string }) => {
      const api = await deps.session();
      const caseId = await resolveCase(api, caseArg, deps, 'cliGdpr.caseNotFound');
      await deps.call(api, 'cases.erase', { caseId, confirmReference: options.confirm });
      deps.say(t('cliGdpr.erased', { reference: options.confirm.trim() }));
      deps.say(t('cliGdpr.backupsKeep'));
    });

  program
    .command('retention')
    .description(t('cliGdpr.help.retention'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await deps.session();
      const list = await deps.call(api, 'cases.retention', {});
      if (options.json) return deps.out(JSON.stringify(list));
      deps.say(t('cliGdpr.retentionHeader', { years: list.years, count: list.items.length }));
      deps.out(list.items.map((item) => `${item.reference}\t${item.updatedAt.slice(0, 10)}\t${item.clientName}\t${item.id}`).join('\n'));
    });

  program
    .command('access-report')
    .description(t('cliGdpr.help.accessReport'))
    .argument('<case>', t('cliGdpr.help.case'))
    .addOption(new Option('--lang <language>', t('cliGdpr.help.lang')).choices(['da', 'en']).makeOptionMandatory())
    .requiredOption('--out <file>', t('cliGdpr.help.out'))
    .option('--json-out <file>', t('cliGdpr.help.jsonOut'))
    .option('--json', t('cli.help.json'))
    .action(async (caseArg: string, options: AccessReportOptions) => {
      const jsonPath = options.jsonOut ?? besidePdf(options.out);
      // Checked before the version is made, so a failed write does not leave one more behind.
      for (const file of [options.out, jsonPath]) {
        if (!canWriteInto(dirname(resolve(file)))) deps.fail('cliGdpr.outNotWritable', { file });
      }
      const api = await deps.session();
      const caseId = await resolveCase(api, caseArg, deps, 'cliGdpr.caseNotFound');
      const version = await deps.call(api, 'cases.accessReport', { caseId, language: options.lang });
      const { bytes } = await deps.call(api, 'documents.saveCopy', { id: version.id, path: options.out });
      const caseJson = Buffer.from(`${JSON.stringify(await deps.call(api, 'cases.export', { id: caseId }), null, 2)}\n`, 'utf8');
      // The same checked write as a document's copy: temporary name, fsync, size and hash, rename.
      await saveCheckedCopy((seq) => (seq === 0 ? caseJson : undefined), { size: caseJson.length, sha256: createHash('sha256').update(caseJson).digest('hex') }, jsonPath);
      if (options.json) return deps.out(JSON.stringify({ pdf: options.out, json: jsonPath, bytes, version }));
      deps.out([t('cliGdpr.reportWritten', { path: options.out, size: bytes }), t('cliGdpr.jsonWritten', { path: jsonPath, size: caseJson.length })].join('\n'));
    });
}

/** "report.pdf" → "report.json"; any other name gets ".json" added. */
export function besidePdf(path: string): string {
  return /\.pdf$/i.test(path) ? path.replace(/\.pdf$/i, '.json') : `${path}.json`;
}

function canWriteInto(folder: string): boolean {
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

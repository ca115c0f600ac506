// `briefcase audit verify|list|export`: the audit trail from the command line, over the same
// api.call as the app. `verify` exits 0 when the chain is whole and 1 when it is broken, so a
// clinic's script (or its DPO) can check a vault on a schedule and keep the head hash it prints.
import { Option, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuditEntry } from '../../preload/schemas/security';
import type { CommandDeps } from './deps';

export function registerAuditCommands(program: Command, deps: CommandDeps): void {
  const { t } = deps;
  const audit = program.command('audit').description(t('cliAudit.help.audit'));

  audit
    .command('verify')
    .description(t('cliAudit.help.verify'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await deps.session();
      const result = await deps.call(api, 'audit.verify', {});
      if (options.json) deps.out(JSON.stringify(result));
      else if (result.ok) deps.out(t('cliAudit.verifyOk', { count: result.entries, head: result.headHash ?? '—' }));
      if (!result.ok) deps.fail('cliAudit.verifyBroken', { seq: String(result.firstBadSeq), entries: String(result.entries) });
    });

  audit
    .command('list')
    .description(t('cliAudit.help.list'))
    .option('--limit <n>', t('cliAudit.help.limit'), (value) => Number(value), 50)
    .option('--json', t('cli.help.json'))
    .action(async (options: { limit: number; json?: boolean }) => {
      const api = await deps.session();
      const page = await deps.call(api, 'audit.list', { limit: options.limit, offset: 0 });
      if (options.json) return deps.out(JSON.stringify(page));
      deps.out(page.items.length === 0 ? t('cliAudit.none') : table(page.items, deps));
    });

  audit
    .command('export')
    .description(t('cliAudit.help.export'))
    .addOption(new Option('--format <format>', t('cliAudit.help.format')).choices(['json', 'csv']).makeOptionMandatory())
    .requiredOption('--out <file>', t('cliAudit.help.out'))
    .action(async (options: { format: 'json' | 'csv'; out: string }) => {
      const api = await deps.session();
      const { text } = await deps.call(api, 'audit.export', { format: options.format });
      try {
        // 0600: the log names the clinic's staff and when they worked.
        writeFileSync(resolve(options.out), text, { encoding: 'utf8', mode: 0o600 });
      } catch {
        deps.fail('cliAudit.fileNotWritable', { file: options.out });
      }
      deps.say(t('cliAudit.exported', { file: options.out }));
    });
}

/** Newest first; ids shortened to 8 characters as in the app (--json has them whole). */
function table(items: AuditEntry[], { t }: CommandDeps): string {
  const rows = [
    [t('cliAudit.seq'), t('cliAudit.at'), t('cliAudit.actor'), t('cliAudit.action'), t('cliAudit.method'), t('cliAudit.ids')],
    ...items.map((entry) => [
      String(entry.seq),
      entry.at,
      entry.actor,
      t(`audit.actions.${entry.action}`),
      entry.method,
      entry.ids.map((id) => id.slice(0, 8)).join(' ') || '—',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

// `briefcase backup now|list|check ID|restore ID`: the vault's encrypted backups from the command
// line, over the same api.call as the app's Backups panel.
//
// A backup opens with the passphrase it was made under. It is read from BRIEFCASE_BACKUP_PASSPHRASE,
// else typed at the terminal, else (no terminal) BRIEFCASE_PASSPHRASE: most backups were made
// under the vault's current passphrase. Never from an argument (shell history, `ps`).
import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import type { BackupInfo } from '../../preload/schemas/security';
import type { CommandDeps } from './deps';
import { readSecret } from './prompt';

export interface BackupCommandDeps extends CommandDeps {
  language: string;
  /** For the backup's passphrase (prompt.ts). */
  io: { env: NodeJS.ProcessEnv; stdin: NodeJS.ReadStream; stderr: NodeJS.WriteStream };
}

export function registerBackupCommands(program: Command, deps: BackupCommandDeps): void {
  const { t } = deps;
  const backup = program.command('backup').description(t('cliBackup.help.group'));

  const backupPassphrase = () => {
    const { env, stdin } = deps.io;
    const name = env.BRIEFCASE_BACKUP_PASSPHRASE || stdin.isTTY ? 'BRIEFCASE_BACKUP_PASSPHRASE' : 'BRIEFCASE_PASSPHRASE';
    return readSecret(name, t('cliBackup.prompt'), deps.io);
  };

  backup
    .command('now')
    .description(t('cliBackup.help.now'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await deps.session();
      const made = await deps.call(api, 'backups.create', {});
      if (options.json) deps.out(JSON.stringify(made));
      else deps.say(t('cliBackup.made', { id: made.id }));
    });

  backup
    .command('list')
    .description(t('cliBackup.help.list'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await deps.session();
      const { items } = await deps.call(api, 'backups.list', {});
      if (options.json) deps.out(JSON.stringify({ items }));
      else deps.out(backupTable(items, t, deps.language));
    });

  backup
    .command('check')
    .description(t('cliBackup.help.check'))
    .argument('<id>', t('cliBackup.help.id'))
    .option('--json', t('cli.help.json'))
    .action(async (id: string, options: { json?: boolean }) => {
      const api = await deps.session();
      const passphrase = await backupPassphrase();
      const result = await deps.call(api, 'backups.check', { id, passphrase });
      if (options.json) deps.out(JSON.stringify(result));
      else if (result.ok) deps.out(t('cliBackup.checkOk', { count: result.cases ?? 0, version: result.schemaVersion ?? '—' }));
      else deps.out(result.problems.join('\n'));
      // Exit 1 with a translated message: a script must not take a damaged backup for a good one.
      if (!result.ok) deps.fail('cliBackup.checkFailed', {});
    });

  backup
    .command('restore')
    .description(t('cliBackup.help.restore'))
    .argument('<id>', t('cliBackup.help.id'))
    .action(async (id: string) => {
      const api = await deps.session();
      const passphrase = await backupPassphrase();
      await deps.call(api, 'backups.restore', { id, passphrase });
      deps.say(t('cliBackup.restored', { id }));
    });
}

function backupTable(items: BackupInfo[], t: TFunction, language: string): string {
  if (items.length === 0) return t('cliBackup.none');
  const when = new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  const rows = [
    [t('cliBackup.column.id'), t('cliBackup.column.kind'), t('cliBackup.column.created'), t('cliBackup.column.size')],
    ...items.map((item) => [item.id, t(`backups.kind.${item.kind}`), `${when.format(new Date(item.createdAt))} UTC`, formatSize(item.size)]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

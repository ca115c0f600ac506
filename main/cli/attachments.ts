// `briefcase case attach` and `briefcase case attachment-save`: files in and out of the vault,
// streamed by the core (attachments.addFromPath / attachments.saveCopy), never read whole here.
import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import { resolve } from 'node:path';
import type { MethodName, MethodOutput } from '../../preload/contract';
import type { Api } from '../core/api';

export interface AttachmentCommandDeps {
  t: TFunction;
  /** An api with the vault unlocked (run.ts: `() => session(globals())`). */
  session: () => Promise<Api>;
  /** run.ts's `call`: the envelope's value, or it throws the failure run.ts reports. */
  call: <M extends MethodName>(api: Api, method: M, input: unknown) => Promise<MethodOutput<M>>;
  /** A result, on stdout. */
  out: (text: string) => void;
  /** A message, on stderr. */
  say: (text: string) => void;
}

export function registerAttachmentCommands(caseCommand: Command, deps: AttachmentCommandDeps): void {
  const { t } = deps;

  caseCommand
    .command('attach')
    .description(t('cliAttachments.help.attach'))
    .argument('<caseId>', t('cliAttachments.help.caseId'))
    .argument('<file>', t('cliAttachments.help.file'))
    .option('--document-date <date>', t('cliAttachments.help.documentDate'))
    .option('--description <text>', t('cliAttachments.help.description'))
    .option('--media-type <type>', t('cliAttachments.help.mediaType'))
    .option('--json', t('cliAttachments.help.json'))
    .action(
      async (
        caseId: string,
        file: string,
        options: { documentDate?: string; description?: string; mediaType?: string; json?: boolean },
      ) => {
        const api = await deps.session();
        const meta = await deps.call(api, 'attachments.addFromPath', {
          caseId,
          path: resolve(file),
          ...(options.documentDate !== undefined ? { documentDate: options.documentDate } : {}),
          ...(options.description !== undefined ? { description: options.description } : {}),
          ...(options.mediaType !== undefined ? { mediaType: options.mediaType } : {}),
        });
        deps.out(options.json ? JSON.stringify(meta) : meta.id);
      },
    );

  caseCommand
    .command('attachment-save')
    .description(t('cliAttachments.help.save'))
    .argument('<attachmentId>', t('cliAttachments.help.attachmentId'))
    .argument('<path>', t('cliAttachments.help.path'))
    .action(async (attachmentId: string, path: string) => {
      const api = await deps.session();
      const target = resolve(path);
      const { bytes } = await deps.call(api, 'attachments.saveCopy', { id: attachmentId, path: target });
      deps.say(t('cliAttachments.saved', { bytes, path: target }));
    });
}

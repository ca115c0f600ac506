// `briefcase keys …`, `partners …`, `export …`, `import …`: the clinic's keys, its address book
// and the encrypted case exchange from the command line, over the same api.call as the app.
//
// Secrets never come from arguments (they would show in `ps` and shell history): a passphrase is
// named by the environment variable that holds it (--passphrase-env VAR). `import` prints the
// preview first (sender, whether it is trusted, each case's action, every conflict field by field)
// and applies only with --yes; an unknown sender also needs --trust-sender, and conflicts need
// --take mine|theirs (one answer for all of them) or the import is refused with the list.
import { Option, type Command } from 'commander';
import type { TFunction } from 'i18next';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportPreview, Partner } from '../../preload/schemas/exchange';
import type { Api } from '../core/api';
import { BriefcaseError } from '../core/errors';
import { exportTo } from '../core/exchange/export';
import { CliUsageError } from './prompt';
import { collect, resolveCase, type CommandDeps } from './deps';

export interface ExchangeCommandDeps extends CommandDeps {
  /** The environment, for --passphrase-env. */
  env: NodeJS.ProcessEnv;
}

const AGE_RECIPIENT = /^age1[0-9a-z]+$/;
const compact = (fingerprint: string) => fingerprint.replace(/[\s-]+/g, '').toUpperCase();

export function registerExchangeCommands(program: Command, deps: ExchangeCommandDeps): void {
  const { t } = deps;

  const keys = program.command('keys').description(t('cliExchange.help.keys'));
  keys
    .command('show')
    .description(t('cliExchange.help.keysShow'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await deps.session();
      const { identity } = await deps.call(api, 'clinic.get', {});
      if (!identity) deps.fail('cliExchange.noKeys', {});
      if (options.json) return deps.out(JSON.stringify(identity));
      deps.out(
        pairs([
          [t('cliExchange.clinic'), identity.profile.name],
          [t('cliExchange.address'), identity.profile.address.replace(/\n/g, ', ') || '—'],
          [t('cliExchange.contact'), identity.profile.contact ?? '—'],
          [t('cliExchange.fingerprint'), identity.fingerprint],
          [t('cliExchange.ageRecipient'), identity.ageRecipient],
          [t('cliExchange.pqRecipient'), identity.pqRecipient ?? '—'],
          [t('cliExchange.signingKey'), identity.signingKey],
          [t('cliExchange.created'), identity.createdAt],
        ]),
      );
    });
  keys
    .command('init')
    .description(t('cliExchange.help.keysInit'))
    .requiredOption('--name <name>', t('cliExchange.help.name'))
    .option('--address <text>', t('cliExchange.help.address'))
    .option('--contact <text>', t('cliExchange.help.contact'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { name: string; address?: string; contact?: string; json?: boolean }) => {
      const api = await deps.session();
      const before = (await deps.call(api, 'clinic.get', {})).identity;
      const profile = { name: options.name, address: options.address ?? before?.profile.address ?? '', contact: options.contact ?? before?.profile.contact ?? null };
      const identity = await deps.call(api, 'clinic.setup', { profile });
      if (options.json) return deps.out(JSON.stringify(identity));
      deps.say(t(before ? 'cliExchange.profileUpdated' : 'cliExchange.keysCreated', { name: identity.profile.name }));
      deps.out(`${t('cliExchange.fingerprint')}: ${identity.fingerprint}`);
    });
  keys
    .command('export-card')
    .description(t('cliExchange.help.exportCard'))
    .requiredOption('--out <file>', t('cliExchange.help.cardOut'))
    .action(async (options: { out: string }) => {
      const api = await deps.session();
      const card = await deps.call(api, 'clinic.card', {});
      const { identity } = await deps.call(api, 'clinic.get', {});
      try {
        writeFileSync(resolve(options.out), card.text, { encoding: 'utf8', flag: 'w' });
      } catch {
        deps.fail('cliExchange.fileNotWritable', { file: options.out });
      }
      deps.out(t('cliExchange.cardWritten', { file: options.out }));
      deps.out(`${t('cliExchange.fingerprint')}: ${identity?.fingerprint ?? ''}`);
    });
  keys
    .command('export-identity')
    .description(t('cliExchange.help.exportIdentity'))
    .requiredOption('--out <file>', t('cliExchange.help.identityOut'))
    .action(async (options: { out: string }) => {
      if (existsSync(resolve(options.out))) deps.fail('cliExchange.fileExists', { file: options.out });
      const api = await deps.session();
      await deps.call(api, 'clinic.exportIdentity', { path: resolve(options.out) });
      deps.out(t('cliExchange.identityWritten', { file: options.out }));
      deps.say(t('cliExchange.identityWarning'));
    });
  keys
    .command('import-card')
    .description(t('cliExchange.help.importCard'))
    .argument('<file>', t('cliExchange.help.cardFile'))
    .requiredOption('--trust <fingerprint>', t('cliExchange.help.trust'))
    .option('--json', t('cli.help.json'))
    .action(async (file: string, options: { trust: string; json?: boolean }) => {
      const card = readText(file, deps);
      const api = await deps.session();
      const preview = await deps.call(api, 'partners.preview', { card });
      // Whom the card names, before anything is trusted: the person compares this.
      deps.say(`${t('cliExchange.clinic')}: ${preview.clinic.profile.name}`);
      deps.say(`${t('cliExchange.fingerprint')}: ${preview.clinic.fingerprint}`);
      if (preview.known === 'changed') deps.say(t('cliExchange.cardChanged'));
      const partner = await deps.call(api, 'partners.trust', { card, fingerprint: options.trust });
      if (options.json) return deps.out(JSON.stringify(partner));
      deps.out(t(preview.known === 'same' ? 'cliExchange.alreadyTrusted' : 'cliExchange.trusted', { name: partner.profile.name, id: partner.id }));
    });

  const partners = program.command('partners').description(t('cliExchange.help.partners'));
  partners
    .command('list')
    .description(t('cliExchange.help.partnersList'))
    .option('--json', t('cli.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await deps.session();
      const result = await deps.call(api, 'partners.list', {});
      deps.out(options.json ? JSON.stringify(result) : partnerTable(result.items, t));
    });
  partners
    .command('revoke')
    .description(t('cliExchange.help.revoke'))
    .argument('<id>', t('cliExchange.help.partnerId'))
    .action(async (id: string) => {
      const api = await deps.session();
      const partner = await deps.call(api, 'partners.revoke', { id });
      deps.out(t('cliExchange.revoked', { name: partner.profile.name }));
    });

  program
    .command('export')
    .description(t('cliExchange.help.export'))
    .argument('<case...>', t('cliExchange.help.cases'))
    .option('--to <clinic>', t('cliExchange.help.to'), collect, [])
    .option('--recipient <age1...>', t('cliExchange.help.recipient'), collect, [])
    .option('--passphrase-env <var>', t('cliExchange.help.passphraseEnv'))
    .option('--no-self', t('cliExchange.help.noSelf'))
    .option('--with-documents', t('cliExchange.help.withDocuments'))
    .requiredOption('--out <file>', t('cliExchange.help.exportOut'))
    .option('--json', t('cli.help.json'))
    .action(async (caseArgs: string[], options: ExportOptions) => {
      const chosen = [options.to.length > 0, options.recipient.length > 0, options.passphraseEnv !== undefined].filter(Boolean).length;
      if (chosen !== 1) throw new CliUsageError('cliExchange.oneTarget');
      const bad = options.recipient.find((r) => !AGE_RECIPIENT.test(r));
      if (bad !== undefined) throw new CliUsageError('cliExchange.badRecipient', { recipient: bad });
      const passphrase = options.passphraseEnv === undefined ? undefined : secretFromEnv(options.passphraseEnv, deps);
      const api = await deps.session();
      const caseIds: string[] = [];
      for (const arg of caseArgs) caseIds.push(await resolveCase(api, arg, deps, 'cliExchange.caseNotFound'));
      const includeDocuments = Boolean(options.withDocuments);
      const path = resolve(options.out);
      let result: { name: string; size: number; manifestSha256: string };
      if (options.recipient.length > 0) {
        // A one-off to raw age recipients is the CLI's alone (ExportTarget offers the renderer
        // partners and passphrases only), so it calls the export service directly.
        result = await direct(() => exportTo(api.vault.db, { caseIds, includeDocuments, to: { kind: 'recipients', recipients: options.recipient, includeSelf: options.self } }, path), deps);
      } else {
        const to =
          passphrase !== undefined
            ? { kind: 'passphrase', passphrase }
            : { kind: 'partners', partnerIds: await resolvePartners(api, options.to, deps), includeSelf: options.self };
        result = await deps.call(api, 'exchange.exportToPath', { caseIds, to, includeDocuments, path });
      }
      if (options.json) return deps.out(JSON.stringify({ path: options.out, name: result.name, size: result.size, manifestSha256: result.manifestSha256 }));
      deps.out([t('cliExchange.exported', { count: caseIds.length, file: options.out }), t('cliDocuments.size', { size: result.size }), t('cliExchange.manifestDigest', { digest: result.manifestSha256 })].join('\n'));
    });

  program
    .command('import')
    .description(t('cliExchange.help.import'))
    .argument('<file>', t('cliExchange.help.importFile'))
    .option('--identity <file>', t('cliExchange.help.identity'))
    .option('--passphrase-env <var>', t('cliExchange.help.passphraseEnvImport'))
    .option('--yes', t('cliExchange.help.yes'))
    .option('--trust-sender', t('cliExchange.help.trustSender'))
    .addOption(new Option('--take <side>', t('cliExchange.help.take')).choices(['mine', 'theirs']))
    .option('--json', t('cli.help.json'))
    .action(async (file: string, options: ImportOptions) => {
      const passphrase = options.passphraseEnv === undefined ? undefined : secretFromEnv(options.passphraseEnv, deps);
      const api = await deps.session();
      const preview = await deps.call(api, 'exchange.previewPath', {
        path: resolve(file),
        ...(passphrase !== undefined ? { passphrase } : {}),
        ...(options.identity !== undefined ? { identityPath: resolve(options.identity) } : {}),
      });
      let applied = false;
      try {
        for (const line of previewLines(preview, t)) deps.say(line);
        if (!options.yes) {
          if (options.json) deps.out(JSON.stringify({ applied: false, preview }));
          deps.say(t('cliExchange.previewOnly'));
          return;
        }
        if (!preview.sender.trusted && !options.trustSender) deps.fail(preview.sender.revoked ? 'cliExchange.senderRevoked' : 'cliExchange.senderUnknown', {});
        const conflicts = preview.cases.flatMap((c) => c.conflicts.map((conflict) => ({ caseId: c.caseId, path: conflict.path })));
        if (conflicts.length > 0 && !options.take) deps.fail('cliExchange.conflictsNeedTake', { count: String(conflicts.length) });
        const resolutions = conflicts.map((c) => ({ ...c, take: options.take }));
        const outcome = await deps.call(api, 'exchange.apply', { importId: preview.importId, trustSender: Boolean(options.trustSender), resolutions });
        applied = true;
        if (options.json) return deps.out(JSON.stringify({ applied: true, preview, outcome }));
        for (const item of outcome.cases) deps.out(`${t(`cliExchange.outcome.${item.action}`)}  ${item.caseId}`);
        deps.out(t('cliExchange.attachmentsOutcome', { added: outcome.attachments.added, known: outcome.attachments.known }));
      } finally {
        // A preview that is not applied is not kept: its staged entries leave the vault.
        if (!applied) await api.call('exchange.discardImport', { importId: preview.importId });
      }
    });
}

interface ExportOptions {
  to: string[];
  recipient: string[];
  passphraseEnv?: string;
  self: boolean;
  withDocuments?: boolean;
  out: string;
  json?: boolean;
}

interface ImportOptions {
  identity?: string;
  passphraseEnv?: string;
  yes?: boolean;
  trustSender?: boolean;
  take?: 'mine' | 'theirs';
  json?: boolean;
}

function readText(file: string, deps: ExchangeCommandDeps): string {
  try {
    return readFileSync(resolve(file), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return deps.fail('cliExchange.fileNotReadable', { file });
  }
}

function secretFromEnv(name: string, deps: ExchangeCommandDeps): string {
  const value = deps.env[name];
  if (value === undefined || value === '') throw new CliUsageError('cliExchange.noSecretInEnv', { name });
  return value;
}

/** A core call made without api.call: its BriefcaseError is reported as api.call's would be. */
async function direct<T>(work: () => Promise<T>, deps: ExchangeCommandDeps): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BriefcaseError) return deps.fail(`errors.${error.code}`, {});
    return deps.fail('errors.INTERNAL', {});
  }
}


/** CLINIC is a trusted partner's fingerprint (any spacing or case) or its exact name (any case). */
async function resolvePartners(api: Api, values: string[], deps: ExchangeCommandDeps): Promise<string[]> {
  const trusted = (await deps.call(api, 'partners.list', {})).items.filter((p) => p.revokedAt === null);
  return values.map((value) => {
    const byFingerprint = trusted.filter((p) => compact(p.fingerprint) === compact(value));
    const byName = trusted.filter((p) => p.profile.name.toLocaleLowerCase() === value.trim().toLocaleLowerCase());
    const matches = byFingerprint.length > 0 ? byFingerprint : byName;
    if (matches.length === 0) return deps.fail('cliExchange.partnerNotFound', { clinic: value });
    // Two trusted entries with one name (a clinic whose keys changed): the fingerprint decides.
    if (matches.length > 1) return deps.fail('cliExchange.partnerAmbiguous', { clinic: value });
    return matches[0]!.id;
  });
}

/** The preview as lines for stderr: who sent it, how far they are trusted, what would change. */
export function previewLines(preview: ImportPreview, t: TFunction): string[] {
  const { sender } = preview;
  const standing = sender.trusted ? 'trusted' : sender.revoked ? 'revoked' : 'unknown';
  const lines = [
    `${t('cliExchange.sender')}: ${sender.clinic.profile.name} (${t(`cliExchange.standing.${standing}`)})`,
    `${t('cliExchange.fingerprint')}: ${sender.clinic.fingerprint}`,
    `${t('cliExchange.created')}: ${preview.createdAt}`,
  ];
  for (const item of preview.cases) {
    lines.push(`  ${t(`cliExchange.action.${item.action}`)}  ${item.reference}  ${item.clientName}`);
    for (const conflict of item.conflicts) {
      lines.push(`      ${conflict.path}: ${t('cliExchange.mine')} ${show(conflict.mine)} | ${t('cliExchange.theirs')} ${show(conflict.theirs)}`);
    }
  }
  lines.push(t('cliExchange.counts', { add: preview.attachments.add, known: preview.attachments.known, sources: preview.evidence.sources, excerpts: preview.evidence.excerpts, documents: preview.documents }));
  return lines;
}

/** A conflict's value on one line, cut to a readable length. */
function show(value: unknown): string {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function partnerTable(items: Partner[], t: TFunction): string {
  if (items.length === 0) return t('cliExchange.noPartners');
  const rows = [
    [t('cliExchange.clinic'), t('cliExchange.fingerprint'), t('cliExchange.trustedAt'), t('cliExchange.state'), 'ID'],
    ...items.map((p) => [p.profile.name, p.fingerprint, p.trustedAt.slice(0, 10), t(p.revokedAt ? 'cliExchange.standing.revoked' : 'cliExchange.standing.trusted'), p.id]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...row[column]!].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function pairs(lines: [string, string][]): string {
  const width = Math.max(...lines.map(([label]) => [...label].length));
  return lines.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

// `briefcase evidence …`: the COI evidence library from the command line, over the same api.call
// as the app. `import FILE` reads the file here and hands its text to evidence.import, which picks
// the format by content and imports all or nothing (a malformed file fails with INVALID_INPUT and
// every problem's line or JSON path, which run.ts prints on stderr). `search` prints a readable list
// (or, with --json, the result as JSON and nothing else on stdout); `link` selects an excerpt for a
// case or one of its risk factors; `starter` loads templates/evidence/starter.json.
import type { Command } from 'commander';
import type { TFunction } from 'i18next';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Currency, ImportResult, Pinpoint, SearchHit, SearchResult } from '../../preload/schemas/evidence';
import { collect, type CommandDeps } from './deps';

export type EvidenceCommandDeps = CommandDeps;

export function registerEvidenceCommands(program: Command, deps: EvidenceCommandDeps): Command {
  const { t } = deps;
  const evidence = program.command('evidence').description(t('cliEvidence.help.group'));

  evidence
    .command('import')
    .description(t('cliEvidence.help.import'))
    .argument('<file>', t('cliEvidence.help.file'))
    .option('--json', t('cliEvidence.help.json'))
    .action(async (file: string, options: { json?: boolean }) => {
      let content: string;
      try {
        content = readFileSync(resolve(file), 'utf8');
      } catch {
        deps.fail('cliEvidence.fileNotReadable', { file });
      }
      const api = await deps.session();
      const result = await deps.call(api, 'evidence.import', { content, format: 'auto' });
      deps.out(options.json ? JSON.stringify(result) : importSummary(result, t));
    });

  evidence
    .command('starter')
    .description(t('cliEvidence.help.starter'))
    .option('--json', t('cliEvidence.help.json'))
    .action(async (options: { json?: boolean }) => {
      const api = await deps.session();
      const result = await deps.call(api, 'evidence.loadStarter', {});
      deps.out(options.json ? JSON.stringify(result) : importSummary(result, t));
    });

  evidence
    .command('search')
    .description(t('cliEvidence.help.search'))
    .argument('[query]', t('cliEvidence.help.query'), '')
    .option('--topic <tag>', t('cliEvidence.help.topic'), collect, [])
    .option('--place <tag>', t('cliEvidence.help.place'), collect, [])
    .option('--profile <tag>', t('cliEvidence.help.profile'), collect, [])
    .option('--publisher <name>', t('cliEvidence.help.publisher'))
    .option('--country <code>', t('cliEvidence.help.country'))
    .option('--from <date>', t('cliEvidence.help.from'))
    .option('--to <date>', t('cliEvidence.help.to'))
    .option('--limit <n>', t('cliEvidence.help.limit'), (value) => Number(value), 20)
    .option('--json', t('cliEvidence.help.json'))
    .action(async (query: string, options: SearchOptions) => {
      const api = await deps.session();
      const result = await deps.call(api, 'evidence.search', {
        query,
        topic: options.topic,
        place: options.place,
        profile: options.profile,
        limit: options.limit,
        ...(options.publisher !== undefined ? { publisher: options.publisher } : {}),
        ...(options.country !== undefined ? { country: options.country } : {}),
        ...(options.from !== undefined ? { from: options.from } : {}),
        ...(options.to !== undefined ? { to: options.to } : {}),
      });
      deps.out(options.json ? JSON.stringify(result) : searchList(result, t));
    });

  evidence
    .command('link')
    .description(t('cliEvidence.help.link'))
    .argument('<caseId>', t('cliEvidence.help.caseId'))
    .argument('<excerptId>', t('cliEvidence.help.excerptId'))
    .option('--risk <factor>', t('cliEvidence.help.risk'))
    .option('--json', t('cliEvidence.help.json'))
    .action(async (caseId: string, excerptId: string, options: { risk?: string; json?: boolean }) => {
      const api = await deps.session();
      const result = await deps.call(api, 'evidence.link', { caseId, excerptId, riskFactorId: options.risk ?? null });
      if (options.json) deps.out(JSON.stringify(result));
      else deps.say(options.risk ? t('cliEvidence.linkedToRisk', { excerpt: excerptId, factor: options.risk }) : t('cliEvidence.linked', { excerpt: excerptId }));
    });

  return evidence;
}

interface SearchOptions {
  topic: string[];
  place: string[];
  profile: string[];
  publisher?: string;
  country?: string;
  from?: string;
  to?: string;
  limit: number;
  json?: boolean;
}

/** "Sources: 2 added, 1 merged. Excerpts: 0 added, 0 merged." and one line per source. */
export function importSummary(result: ImportResult, t: TFunction): string {
  const lines = [
    t('cliEvidence.importFormat', { format: t(`evidence.format.${result.format}`) }),
    t('cliEvidence.importSources', { added: result.sources.added, merged: result.sources.merged }),
    t('cliEvidence.importExcerpts', { added: result.excerpts.added, merged: result.excerpts.merged }),
  ];
  for (const item of result.items) {
    lines.push(`  ${t(`cliEvidence.outcome.${item.outcome}`).padEnd(outcomeWidth(t))}  ${item.publisher}: ${item.title}`);
  }
  return lines.join('\n');
}

const outcomeWidth = (t: TFunction) => Math.max(...(['added', 'merged'] as const).map((o) => [...t(`cliEvidence.outcome.${o}`)].length));

/** "p. 12, para. 3, section 2.1" in the CLI's language. */
export function pinpointText(pinpoint: Pinpoint, t: TFunction): string {
  return [
    pinpoint.page !== null ? t('cliEvidence.page', { value: pinpoint.page }) : null,
    pinpoint.paragraph !== null ? t('cliEvidence.paragraph', { value: pinpoint.paragraph }) : null,
    pinpoint.section !== null ? t('cliEvidence.section', { value: pinpoint.section }) : null,
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
}

/** "" for a current source; otherwise "[STALE: 57 months old; superseded by …]". */
export function staleMarker(currency: Currency, t: TFunction): string {
  if (!currency.stale) return '';
  const reasons = currency.reasons.map((reason) => {
    if (reason === 'old') return currency.ageMonths !== null ? t('cliEvidence.old', { count: currency.ageMonths }) : t('cliEvidence.oldUnknown');
    const newer = currency.newerEdition;
    return newer ? t('cliEvidence.supersededBy', { title: newer.title, date: newer.date ?? t('evidence.undated') }) : t('cliEvidence.superseded');
  });
  return `[${t('cliEvidence.stale')}: ${reasons.join('; ')}]`;
}

function hitText(hit: SearchHit, index: number, t: TFunction): string {
  const quote = hit.excerpt.text.replace(/\s+/g, ' ').trim();
  const short = [...quote].length > 300 ? `${[...quote].slice(0, 299).join('')}…` : quote;
  const source = `${hit.source.publisher}, ${hit.source.title}${hit.source.documentNumber ? ` (${hit.source.documentNumber})` : ''}`;
  const marker = staleMarker(hit.currency, t);
  return [
    `${index + 1}. «${short}»`,
    `   ${pinpointText(hit.excerpt.pinpoint, t)} · ${source} · ${hit.source.date ?? t('evidence.undated')}${marker ? ` ${marker}` : ''}`,
    `   ${t('cliEvidence.excerptId')}: ${hit.excerpt.id}`,
  ].join('\n');
}

export function searchList(result: SearchResult, t: TFunction): string {
  if (result.items.length === 0) return t('cliEvidence.noResults');
  const lines = result.items.map((hit, index) => hitText(hit, index, t));
  if (result.hasMore) lines.push(t('cliEvidence.more'));
  return lines.join('\n\n');
}

// What run.ts hands every command group (evidence, documents, exchange): one shape, so a group
// never grows its own way of reaching the core or of reporting.
import type { TFunction } from 'i18next';
import type { MethodName, MethodOutput } from '../../preload/contract';
import type { Api } from '../core/api';

export interface CommandDeps {
  t: TFunction;
  /** An api with the vault unlocked (run.ts: `() => session(globals())`). */
  session: () => Promise<Api>;
  /** run.ts's `call`: the envelope's value, or it throws the failure run.ts reports. */
  call: <M extends MethodName>(api: Api, method: M, input: unknown) => Promise<MethodOutput<M>>;
  /** A result, on stdout. */
  out: (text: string) => void;
  /** A message, on stderr. */
  say: (text: string) => void;
  /** A failure before or beside the core (a file that cannot be read): a translated message, exit 1. */
  fail: (key: string, values: Record<string, string>) => never;
}

/** commander's collector for a repeatable option (`--to A --to B`). */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * CASE on the command line: a case id, or its reference ("2026-200") matched exactly
 * (case-insensitively). The search may rank other cases first (every "2026-…" matches
 * "2026-2"), so every page is looked at. `notFound`: the group's message key.
 */
export async function resolveCase(api: Api, value: string, deps: CommandDeps, notFound: string): Promise<string> {
  if (UUID.test(value)) return value;
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const page = await deps.call(api, 'cases.list', { query: value, limit, offset });
    const match = page.items.find((item) => item.reference.toLowerCase() === value.toLowerCase());
    if (match) return match.id;
    if (page.items.length < limit) return deps.fail(notFound, { case: value });
  }
}

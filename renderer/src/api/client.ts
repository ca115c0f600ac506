// The renderer's only way to the core: window.briefcase (injected by the preload in Electron, by the
// test harness in a browser), with envelopes unwrapped. A failure becomes an ApiError carrying the
// code, the i18n key and per-field issues, so screens translate it and never show raw text.
import {
  errorCodes,
  methodNames,
  type BriefcaseApi,
  type BriefcaseEvents,
  type Envelope,
  type ErrorCode,
  type Issue,
  type MethodName,
} from '../../../preload/contract';

declare global {
  interface Window {
    /** Undefined only when the page runs outside the app (then every call fails with INTERNAL). */
    briefcase?: BriefcaseApi;
    /** One-way events from main (flush before the window closes); undefined outside the app. */
    briefcaseEvents?: BriefcaseEvents;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly key: string;
  readonly issues: readonly Issue[];

  constructor(code: ErrorCode, key: string = `errors.${code}`, issues: readonly Issue[] = []) {
    // The message is the code: nothing here may carry client data into a console or a report.
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.key = key;
    this.issues = issues;
  }
}

/** Any thrown value as an ApiError; anything that is not one is INTERNAL (its text is dropped). */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL');
}

type Unwrapped<F> = F extends (input?: infer I) => Promise<Envelope<infer O>> ? (input?: I) => Promise<O> : never;

/** BriefcaseApi with the envelopes taken off: `await api.cases.list({ query })` gives the page. */
export type Client = {
  [G in keyof BriefcaseApi]: { [N in keyof BriefcaseApi[G]]: Unwrapped<BriefcaseApi[G][N]> };
};

type RawMethod = (input?: unknown) => Promise<unknown>;

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

async function invoke(method: MethodName, input: unknown): Promise<unknown> {
  const [group, name] = method.split('.') as [string, string];
  const bridge = window.briefcase as unknown as Record<string, Record<string, RawMethod> | undefined> | undefined;
  const fn = bridge?.[group]?.[name];
  if (typeof fn !== 'function') throw new ApiError('INTERNAL');
  let envelope: unknown;
  try {
    envelope = await fn(input);
  } catch {
    // The transport itself failed (IPC torn down, harness gone): not something to show verbatim.
    throw new ApiError('INTERNAL');
  }
  if (typeof envelope !== 'object' || envelope === null || !('ok' in envelope)) throw new ApiError('INTERNAL');
  const result = envelope as Envelope<unknown>;
  if (result.ok) return result.value;
  const { code, key, issues } = result.error ?? {};
  if (!isErrorCode(code)) throw new ApiError('INTERNAL');
  throw new ApiError(code, typeof key === 'string' ? key : `errors.${code}`, Array.isArray(issues) ? issues : []);
}

function buildClient(): Client {
  const client: Record<string, Record<string, RawMethod>> = {};
  for (const method of methodNames) {
    const [group, name] = method.split('.') as [string, string];
    client[group] ??= {};
    client[group][name] = (input?: unknown) => invoke(method, input ?? {});
  }
  return client as unknown as Client;
}

export const api: Client = buildClient();

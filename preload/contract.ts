// The one typed contract between the renderer and the core.
//
// Every method the renderer (or the CLI, or the test harness) may call is declared here with a zod
// schema for its input and its output. main/core/api.ts implements exactly these methods,
// main/ipc.ts validates against these schemas, and the renderer's API type is derived from this
// file, so a method cannot exist in one place and not the others.
//
// This file is imported by main (values) and by the renderer (types only, plus `methodNames` for
// the harness). Keep it free of Node and Electron imports.
import { z } from 'zod';

/** The one IPC channel: every call is `invoke(IPC_CHANNEL, method, input)` → Envelope. */
export const IPC_CHANNEL = 'briefcase:call';

/** Error codes a person may see. Each maps to the i18n key `errors.<code>` in both catalogues. */
export const errorCodes = [
  'WRONG_PASSPHRASE',
  'NOT_A_VAULT',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_LOCKED',
  'VAULT_ALREADY_OPEN',
  'WEAK_PASSPHRASE',
  'INVALID_INPUT',
  'NOT_FOUND',
  'DUPLICATE_REFERENCE',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem in an input, by path. `message` is an i18n key (`validation.*`), never free text. */
export const Issue = z.object({
  path: z.string(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;

/** What crosses the boundary on failure: a code and an i18n key, never a stack trace or client data. */
export const ApiError = z.object({
  code: ErrorCode,
  key: z.string(),
  issues: z.array(Issue).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// ---------------------------------------------------------------------------------------------
// Shared shapes

export const Language = z.enum(['da', 'en']);
export type Language = z.infer<typeof Language>;

/** A passphrase: long enough to resist guessing when the file is copied off a laptop. */
export const Passphrase = z.string().min(1, 'validation.required').max(1024, 'validation.tooLong');
export const NewPassphrase = z
  .string()
  .min(12, 'validation.passphraseTooShort')
  .max(1024, 'validation.tooLong');

export const VaultStatus = z.object({
  state: z.enum(['locked', 'unlocked']),
  /** The vault file in use (unlocked) or the one the app will offer to unlock (locked). */
  path: z.string(),
  /** True when a vault file exists at `path`, so the UI offers unlock rather than create. */
  exists: z.boolean(),
  schemaVersion: z.number().int().optional(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const CaseStatus = z.enum(['intake', 'drafting', 'submitted', 'hearing_set', 'decided', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong')
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), 'validation.controlCharacters');

export const CaseReference = trimmed(64);
export const PersonName = trimmed(200);

export const Deadline = z.object({
  kind: z.string(),
  dueOn: z.string(),
});

export const CaseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  clientName: z.string(),
  status: CaseStatus,
  nextDeadline: Deadline.nullable(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const Case = z.object({
  id: z.string(),
  reference: z.string(),
  clientName: z.string(),
  status: CaseStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  nextDeadline: Deadline.nullable(),
});
export type Case = z.infer<typeof Case>;

export const CaseId = z.string().uuid('validation.invalidId');

export const Preferences = z.object({
  language: Language.nullable(),
  lastVaultPath: z.string().nullable(),
});
export type Preferences = z.infer<typeof Preferences>;

// ---------------------------------------------------------------------------------------------
// The methods

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).strict();

export const contract = {
  'app.info': method(Empty, z.object({ version: z.string(), sqliteVersion: z.string() })),

  'prefs.get': method(Empty, Preferences),
  'prefs.setLanguage': method(z.object({ language: Language }).strict(), Preferences),

  'vault.status': method(Empty, VaultStatus),
  'vault.create': method(
    z.object({ path: z.string().min(1).optional(), passphrase: NewPassphrase }).strict(),
    VaultStatus,
  ),
  'vault.unlock': method(
    z.object({ path: z.string().min(1).optional(), passphrase: Passphrase }).strict(),
    VaultStatus,
  ),
  'vault.lock': method(Empty, VaultStatus),
  'vault.check': method(Empty, z.object({ ok: z.boolean(), problems: z.array(z.string()) })),
  'vault.rekey': method(
    z.object({ passphrase: Passphrase, newPassphrase: NewPassphrase }).strict(),
    VaultStatus,
  ),

  'cases.list': method(
    z
      .object({
        query: z.string().max(200, 'validation.tooLong').optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ items: z.array(CaseSummary), total: z.number().int() }),
  ),
  'cases.create': method(
    z.object({ reference: CaseReference, clientName: PersonName }).strict(),
    Case,
  ),
  'cases.get': method(z.object({ id: CaseId }).strict(), Case),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

// The renderer's API: `window.briefcase.vault.unlock({ passphrase })`, grouped by the part of the
// method name before the dot. Derived from the contract, never written by hand.
type GroupOf<M> = M extends `${infer G}.${string}` ? G : never;
type NameIn<M, G extends string> = M extends `${G}.${infer N}` ? N : never;

export type BriefcaseApi = {
  [G in GroupOf<MethodName>]: {
    [N in NameIn<MethodName, G>]: `${G}.${N}` extends infer M extends MethodName
      ? (input?: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>
      : never;
  };
};

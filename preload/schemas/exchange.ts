// Case exchange between clinics (issue 6): the clinic's identity and address book, the encrypted
// `.briefcase` export, and the import with its preview and field-by-field conflicts.
// docs/exchange.md documents the file format. Messages are i18n keys.
import { z } from 'zod';
import { Id, longText, optionalLine, requiredLine } from './text';

export const ClinicProfile = z
  .object({
    name: requiredLine(200),
    address: longText(500).default(''),
    contact: optionalLine(200).default(null),
  })
  .strict();
export type ClinicProfile = z.infer<typeof ClinicProfile>;

/**
 * A clinic's fingerprint: the first 128 bits of SHA-256 over its signing key and its age
 * recipient(s), as 8 groups of 4 hex digits ("3F2A 9C1B …"): short enough to read aloud.
 */
export const Fingerprint = z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/, 'validation.fingerprint');
export type Fingerprint = z.infer<typeof Fingerprint>;

/** The public half of a clinic: what its card carries and what an export names as its sender. */
export const ClinicPublic = z.object({
  profile: ClinicProfile,
  fingerprint: Fingerprint,
  /** age X25519 recipient ("age1…"). */
  ageRecipient: z.string().regex(/^age1[0-9a-z]+$/, 'validation.ageRecipient'),
  /** age hybrid post-quantum recipient ("age1pq1…"), when the clinic has one. */
  pqRecipient: z.string().regex(/^age1pq1[0-9a-z]+$/, 'validation.ageRecipient').nullable(),
  /** Ed25519 public key, base64 of the raw 32 bytes. */
  signingKey: z.base64('validation.base64').length(44, 'validation.invalidValue'),
});
export type ClinicPublic = z.infer<typeof ClinicPublic>;

export const ClinicIdentity = ClinicPublic.extend({ createdAt: z.iso.datetime() });
export type ClinicIdentity = z.infer<typeof ClinicIdentity>;

export const Partner = ClinicPublic.extend({
  id: Id,
  trustedAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type Partner = z.infer<typeof Partner>;

/** A card read before it is trusted: whom it names, and how it compares with the address book. */
export const CardPreview = z.object({
  clinic: ClinicPublic,
  /** new: unknown; same: already trusted with this fingerprint; changed: a known name with other keys. */
  known: z.enum(['new', 'same', 'changed']),
});
export type CardPreview = z.infer<typeof CardPreview>;

export const ExportTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partners'), partnerIds: z.array(Id).min(1, 'validation.required').max(20), includeSelf: z.boolean().default(true) }).strict(),
  z.object({ kind: z.literal('passphrase'), passphrase: z.string().min(12, 'validation.passphraseTooShort').max(1_000) }).strict(),
]);
export type ExportTarget = z.infer<typeof ExportTarget>;

export const ExportRequest = z
  .object({
    caseIds: z.array(Id).min(1, 'validation.required').max(100),
    to: ExportTarget,
    includeDocuments: z.boolean().default(false),
    /** Chosen by the caller so it can ask exchange.progress / exchange.cancel while the export runs. */
    jobId: Id.optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportResult = z.object({
  exportId: Id,
  /** Offered file name, e.g. "2026-200.briefcase" or "3 cases 2026-11-23.briefcase". */
  name: z.string(),
  size: z.number().int().min(0),
  /** SHA-256 of the signed manifest.json inside: names the export's exact content (every entry's hash). */
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const JobProgress = z.object({ done: z.number().min(0), total: z.number().min(0), state: z.enum(['running', 'finished', 'cancelled', 'failed', 'unknown']) });
export type JobProgress = z.infer<typeof JobProgress>;

/** One difference between the vault's version of a case and the incoming one. */
export const FieldConflict = z.object({
  /** Dotted path into the case file, e.g. "client.contact.phone" or "household.<id>.status". */
  path: z.string(),
  mine: z.unknown(),
  theirs: z.unknown(),
});
export type FieldConflict = z.infer<typeof FieldConflict>;

export const ImportPreview = z.object({
  importId: Id,
  sender: z.object({
    clinic: ClinicPublic,
    /** Trusted in the address book (and not revoked). */
    trusted: z.boolean(),
    revoked: z.boolean(),
    partnerId: Id.nullable(),
  }),
  createdAt: z.iso.datetime(),
  cases: z.array(
    z.object({
      caseId: Id,
      reference: z.string(),
      clientName: z.string(),
      /** add: new here; same: identical; update: only they changed it; conflict: both sides changed. */
      action: z.enum(['add', 'same', 'update', 'conflict']),
      conflicts: z.array(FieldConflict),
    }),
  ),
  attachments: z.object({ add: z.number().int(), known: z.number().int() }),
  evidence: z.object({ sources: z.number().int(), excerpts: z.number().int() }),
  documents: z.number().int(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportApply = z
  .object({
    importId: Id,
    /** Required when the sender is not a trusted partner: the person has seen who it is and goes on. */
    trustSender: z.boolean().default(false),
    /** One per conflict of the preview: keep the vault's value or take the incoming one. */
    resolutions: z.array(z.object({ caseId: Id, path: z.string().max(500), take: z.enum(['mine', 'theirs']) }).strict()).max(10_000).default([]),
  })
  .strict();
export type ImportApply = z.infer<typeof ImportApply>;

export const ImportOutcome = z.object({
  cases: z.array(z.object({ caseId: Id, action: z.enum(['added', 'updated', 'unchanged']) })),
  attachments: z.object({ added: z.number().int(), known: z.number().int() }),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

/** The exchange log: who, when, which cases, to or from which clinic. Never case content. */
export const ExchangeLogEntry = z.object({
  id: Id,
  at: z.iso.datetime(),
  direction: z.enum(['export', 'import']),
  caseIds: z.array(Id),
  clinics: z.array(z.object({ name: z.string(), fingerprint: z.string().nullable() })),
  /** 'passphrase' when the export was to a passphrase, not to clinics. */
  via: z.enum(['keys', 'passphrase']),
  /** SHA-256 of the exchange's signed manifest.json: the same in the sender's log and the receiver's. */
  manifestSha256: z.string(),
});
export type ExchangeLogEntry = z.infer<typeof ExchangeLogEntry>;

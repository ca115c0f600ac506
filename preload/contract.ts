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
import { AttachmentMeta, CaseFile, CaseRecord, CaseReference, CaseStatus, SectionRevisions, SectionUpdate } from './schemas/case-file';
import { Labels, ReferenceData, RiskFactor, RiskField } from './schemas/catalogue';
import { FullDate, OptionalPartialDate } from './schemas/dates';
import {
  CardPreview,
  ClinicIdentity,
  ClinicProfile,
  ExchangeLogEntry,
  ExportRequest,
  ExportResult,
  ImportApply,
  ImportOutcome,
  ImportPreview,
  JobProgress,
  Partner,
} from './schemas/exchange';
import { DocumentRequest, DocumentVersion, GenerateRequest, Preflight, TemplateId, TemplateSummary, TemplateUpload } from './schemas/documents';
import {
  CaseEvidenceItem,
  EvidenceLibraryFile,
  EvidenceSettings,
  ExcerptFields,
  Excerpt,
  FactorSuggestions,
  ImportFormat,
  ImportResult,
  SearchQuery,
  SearchResult,
  Source,
  SourceFields,
  Tag,
  TagAxis,
  TagId,
  TagLists,
} from './schemas/evidence';
import { AuditPage, AuditVerifyResult, BackupCheck, BackupInfo, ClinicSettings, EraseRequest, KeychainState, RetentionList } from './schemas/security';
import { Id, optionalLine, requiredLine } from './schemas/text';

export * from './schemas/case-file';
export * from './schemas/catalogue';
export * from './schemas/evidence';
export * from './schemas/documents';
export * from './schemas/exchange';
export * from './schemas/security';

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
  /** A file at the demo vault's place that the demo passphrase does not open, or without the demo marker. */
  'DEMO_UNAVAILABLE',
  'WEAK_PASSPHRASE',
  'INVALID_INPUT',
  'NOT_FOUND',
  'DUPLICATE_REFERENCE',
  'EDIT_CONFLICT',
  'UPLOAD_NOT_FOUND',
  'HASH_MISMATCH',
  'SIZE_MISMATCH',
  'FILE_NOT_READABLE',
  'UNSUPPORTED_FILE_TYPE',
  'PDF_ENCRYPTED',
  'PDF_UNREADABLE',
  'NOT_SUPPORTED',
  'OPEN_FAILED',
  'UNKNOWN_FORMAT',
  'IN_USE',
  'TEMPLATE_INVALID',
  'LANGUAGE_NOT_OFFERED',
  'MISSING_FIELDS',
  'UNKNOWN_CITATION',
  'STALE_EVIDENCE',
  'NO_CLINIC_KEYS',
  'FINGERPRINT_MISMATCH',
  'WRONG_KEY',
  'EXPORT_DAMAGED',
  'BAD_SIGNATURE',
  'EXPORT_TOO_NEW',
  'UNTRUSTED_SENDER',
  'CANCELLED',
  'CONFIRMATION_MISMATCH',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_INSECURE',
  'NOTHING_REMEMBERED',
  'BACKUP_DAMAGED',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * One problem in an input, by path. `message` is an i18n key (`validation.*`), never free text;
 * `params` fill its placeholders (a template's line number, the tag it did not know, the label of
 * a missing field): never client data.
 */
export const Issue = z.object({
  path: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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
  /** Whether this computer's keychain can remember the vault's key (safeStorage); see KeychainState. */
  keychain: KeychainState.optional(),
  /** True when the key of the vault at `path` is remembered on this computer. */
  remembered: z.boolean().optional(),
  /** True while the demo vault (invented people only, main/core/demo) is the one unlocked. */
  demo: z.boolean(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const PersonName = requiredLine(200);

export const NextDeadline = z.object({
  kind: z.string(),
  dueOn: z.string(),
});

export const CaseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  clientName: z.string(),
  status: CaseStatus,
  nextDeadline: NextDeadline.nullable(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
/** How many recently opened cases the vault keeps (older ones are forgotten). */
export const RECENT_CASES_KEPT = 20;

export const Case = z.object({
  id: z.string(),
  reference: z.string(),
  clientName: z.string(),
  status: CaseStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  nextDeadline: NextDeadline.nullable(),
});
export type Case = z.infer<typeof Case>;

export const CaseId = Id;

/** A deadline with the case it belongs to, for the dashboard across all cases. */
export const DashboardDeadline = z.object({
  caseId: Id,
  reference: z.string(),
  clientName: z.string(),
  id: Id,
  kind: z.string(),
  dueOn: z.string(),
  note: z.string().nullable(),
});
export type DashboardDeadline = z.infer<typeof DashboardDeadline>;

/** Attachment bytes cross the boundary in chunks of at most this many bytes (base64 in JSON). */
export const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;
const Base64Chunk = z.base64('validation.base64').max(Math.ceil(ATTACHMENT_CHUNK_BYTES / 3) * 4, 'validation.tooLong');

/** The main window's size and place on the desktop (not client data). */
export const WindowBounds = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(1).max(100_000),
    height: z.number().int().min(1).max(100_000),
    maximized: z.boolean(),
  })
  .strict();
export type WindowBounds = z.infer<typeof WindowBounds>;

export const Preferences = z.object({
  language: Language.nullable(),
  lastVaultPath: z.string().nullable(),
  /** Who uses this seat, for the audit trail; null: the operating system's user name. */
  userName: z.string().nullable(),
  /** Where the main window was last (main/window-state.ts checks it against the displays). */
  window: WindowBounds.nullable().default(null),
});
export type Preferences = z.infer<typeof Preferences>;

/** An attachment belongs to a case, or is the stored document of an evidence source: one of the two. */
const oneOwner = (input: { caseId?: string | undefined; sourceId?: string | undefined }, ctx: z.RefinementCtx) => {
  if ((input.caseId === undefined) === (input.sourceId === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'validation.caseOrSource' });
  }
};

/** Largest library file accepted by evidence.import, in characters. */
export const EVIDENCE_IMPORT_MAX_CHARS = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// The methods

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).strict();

export const contract = {
  'app.info': method(Empty, z.object({ version: z.string(), sqliteVersion: z.string() })),

  'prefs.get': method(Empty, Preferences),
  'prefs.setLanguage': method(z.object({ language: Language }).strict(), Preferences),
  'prefs.setUserName': method(z.object({ userName: optionalLine(100) }).strict(), Preferences),

  /** The clinic's security settings, kept in the vault (idle lock, backup rotation, retention). */
  'settings.get': method(Empty, ClinicSettings),
  'settings.update': method(ClinicSettings.partial().strict(), ClinicSettings),
  /**
   * The person is at work in the window (the renderer reports input, at most every few seconds):
   * restarts the idle lock's clock. Answered outside the call queue; `lockInMs` null when locked.
   */
  'session.activity': method(Empty, z.object({ lockInMs: z.number().nullable() })),

  'vault.status': method(Empty, VaultStatus),
  'vault.create': method(
    z.object({ path: z.string().min(1).optional(), passphrase: NewPassphrase }).strict(),
    VaultStatus,
  ),
  'vault.unlock': method(
    z
      .object({
        path: z.string().min(1).optional(),
        passphrase: Passphrase,
        /** Remember the key on this computer (safeStorage); KEYCHAIN_INSECURE / _UNAVAILABLE otherwise. */
        remember: z.boolean().default(false),
      })
      .strict(),
    VaultStatus,
  ),
  /** Unlock with the key this computer remembered for `path` (or the last vault). NOTHING_REMEMBERED otherwise. */
  'vault.unlockRemembered': method(z.object({ path: z.string().min(1).optional() }).strict(), VaultStatus),
  /** Forget the remembered key of the vault at `path` (or the last vault). Idempotent. */
  'vault.forget': method(z.object({ path: z.string().min(1).optional() }).strict(), VaultStatus),
  'vault.lock': method(Empty, VaultStatus),
  /** Create (first time) or reopen the demo vault in <dataDir>/demo; the real vault's path stays as it was. */
  'vault.openDemo': method(Empty, VaultStatus),
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
  /** Reference generated (YYYY-NNN) when none is given. */
  'cases.create': method(
    z.object({ reference: CaseReference.optional(), clientName: PersonName }).strict(),
    Case,
  ),
  'cases.get': method(z.object({ id: CaseId }).strict(), CaseRecord),
  /** The cases opened last (cases.get records them, in the vault: they are client data), newest first. */
  'cases.recent': method(
    z.object({ limit: z.number().int().min(1).max(RECENT_CASES_KEPT).default(8) }).strict(),
    z.object({ items: z.array(CaseSummary) }),
  ),
  /** Autosave of one section; `revision` is the section's revision the editor started from. */
  'cases.update': method(
    z.object({ id: CaseId, revision: z.number().int().min(0), update: SectionUpdate }).strict(),
    z.object({ revisions: SectionRevisions, updatedAt: z.string() }),
  ),
  /** A whole case file (docs/case.schema.json); ids inside are kept, the case id is new. */
  'cases.import': method(z.object({ file: z.unknown() }).strict(), z.object({ id: Id })),
  'cases.export': method(z.object({ id: CaseId }).strict(), CaseFile),

  'reference.get': method(Empty, ReferenceData),
  'risks.addFactor': method(
    z.object({ labels: Labels, descriptions: Labels.optional(), fields: z.array(RiskField).max(20).default([]) }).strict(),
    RiskFactor,
  ),

  'deadlines.dashboard': method(
    z.object({ today: FullDate.optional(), days: z.number().int().min(1).max(365).default(14) }).strict(),
    z.object({ overdue: z.array(DashboardDeadline), upcoming: z.array(DashboardDeadline) }),
  ),

  // Attachments are streamed in chunks so a 200 MB file is never held whole more than once.
  'attachments.begin': method(
    z
      .object({
        /** The case the file belongs to, or (instead) the evidence source it is the document of. */
        caseId: CaseId.optional(),
        sourceId: Id.optional(),
        name: requiredLine(255),
        mediaType: requiredLine(120),
        size: z.number().int().min(0).max(2 ** 40),
        documentDate: OptionalPartialDate.optional(),
        description: optionalLine(300).optional(),
      })
      .strict()
      .superRefine(oneOwner),
    z.object({ uploadId: Id }),
  ),
  'attachments.append': method(
    z.object({ uploadId: Id, index: z.number().int().min(0), data: Base64Chunk }).strict(),
    z.object({ received: z.number().int() }),
  ),
  'attachments.commit': method(
    z.object({ uploadId: Id, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'validation.sha256') }).strict(),
    AttachmentMeta,
  ),
  'attachments.abort': method(z.object({ uploadId: Id }).strict(), z.object({})),
  /** Stream a file from disk into the vault (CLI, native file dialogs). */
  'attachments.addFromPath': method(
    z
      .object({
        caseId: CaseId.optional(),
        sourceId: Id.optional(),
        path: z.string().min(1),
        mediaType: optionalLine(120).optional(),
        documentDate: OptionalPartialDate.optional(),
        description: optionalLine(300).optional(),
      })
      .strict()
      .superRefine(oneOwner),
    AttachmentMeta,
  ),
  'attachments.read': method(
    z.object({ id: Id, index: z.number().int().min(0) }).strict(),
    z.object({ data: z.string(), last: z.boolean() }),
  ),
  /** Stream an attachment out of the vault to a file (CLI, native save dialogs). */
  'attachments.saveCopy': method(z.object({ id: Id, path: z.string().min(1) }).strict(), z.object({ bytes: z.number().int() })),
  /**
   * Open an attachment in the system's viewer: the core writes a decrypted copy into a private
   * folder (removed again at lock and shutdown) and hands it to the platform. No path crosses the
   * boundary either way. Where there is no platform (CLI, test harness): NOT_SUPPORTED.
   */
  'attachments.open': method(z.object({ id: Id }).strict(), z.object({})),
  'attachments.delete': method(z.object({ id: Id }).strict(), z.object({})),

  // The COI evidence library (preload/schemas/evidence.ts). A source's document is uploaded with
  // attachments.begin/append/commit (or addFromPath) given `sourceId`; a new one replaces the old.
  'evidence.listSources': method(
    z
      .object({
        query: z.string().max(200, 'validation.tooLong').optional(),
        limit: z.number().int().min(1).max(1_000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ items: z.array(Source), total: z.number().int() }),
  ),
  'evidence.getSource': method(
    z.object({ id: Id }).strict(),
    z.object({ source: Source, excerpts: z.array(Excerpt) }),
  ),
  /** Creates a source (no id) or replaces one's fields (with id); the stored document is kept. */
  'evidence.saveSource': method(z.object({ id: Id.optional(), source: SourceFields }).strict(), Source),
  /** Deletes a source, its excerpts and its document. IN_USE while any excerpt is linked to a case. */
  'evidence.deleteSource': method(z.object({ id: Id }).strict(), z.object({})),
  'evidence.saveExcerpt': method(z.object({ id: Id.optional(), excerpt: ExcerptFields }).strict(), Excerpt),
  /** IN_USE while the excerpt is linked to a case. */
  'evidence.deleteExcerpt': method(z.object({ id: Id }).strict(), z.object({})),
  'evidence.search': method(SearchQuery, SearchResult),
  'evidence.tags': method(Empty, TagLists),
  /** A clinic's own tag; the id is made from the English label when not given. */
  'evidence.addTag': method(z.object({ axis: TagAxis, id: TagId.optional(), labels: Labels }).strict(), Tag),
  'evidence.settings': method(Empty, EvidenceSettings),
  'evidence.setSettings': method(EvidenceSettings, EvidenceSettings),
  /** CSL-JSON, RIS or the library's own JSON; all or nothing (INVALID_INPUT lists every problem). */
  'evidence.import': method(
    z
      .object({
        content: z.string().max(EVIDENCE_IMPORT_MAX_CHARS, 'validation.tooLong'),
        format: ImportFormat.default('auto'),
      })
      .strict(),
    ImportResult,
  ),
  'evidence.export': method(Empty, EvidenceLibraryFile),
  /** Imports templates/evidence/starter.json (duplicates merge, so loading twice adds nothing). */
  'evidence.loadStarter': method(Empty, ImportResult),
  /** The text of each page of a source's stored PDF, for taking an excerpt with its page pinpoint. */
  'evidence.pageTexts': method(z.object({ sourceId: Id }).strict(), z.object({ pages: z.array(z.string()) })),
  'evidence.caseLinks': method(z.object({ caseId: CaseId }).strict(), z.object({ items: z.array(CaseEvidenceItem) })),
  /** Selects an excerpt for a case as a whole (riskFactorId null) or for one risk factor. Idempotent. */
  'evidence.link': method(
    z.object({ caseId: CaseId, excerptId: Id, riskFactorId: requiredLine(80).nullable().default(null) }).strict(),
    z.object({ items: z.array(CaseEvidenceItem) }),
  ),
  'evidence.unlink': method(
    z.object({ caseId: CaseId, excerptId: Id, riskFactorId: requiredLine(80).nullable().default(null) }).strict(),
    z.object({ items: z.array(CaseEvidenceItem) }),
  ),
  /** For each risk factor marked present on the case: excerpts whose tags match, best first. */
  'evidence.suggest': method(
    z.object({ caseId: CaseId, limit: z.number().int().min(1).max(50).default(10) }).strict(),
    z.object({ factors: z.array(FactorSuggestions) }),
  ),

  // Documents (preload/schemas/documents.ts): the brief and the cover letter from templates.
  'documents.templates': method(Empty, z.object({ items: z.array(TemplateSummary) })),
  /** A clinic's template: meta.json plus one .md per language. TEMPLATE_INVALID lists each problem by file:line. */
  'documents.addTemplate': method(TemplateUpload, TemplateSummary),
  /** Removes a clinic's template (shipped ones cannot be removed: NOT_SUPPORTED). */
  'documents.removeTemplate': method(z.object({ id: TemplateId }).strict(), z.object({})),
  /** What would stop or should give pause before generating: missing fields, unknown citations, stale sources. */
  'documents.check': method(DocumentRequest, Preflight),
  /**
   * Makes the document and keeps it on the case as a new version. Refuses with MISSING_FIELDS or
   * UNKNOWN_CITATION (issues name each), and with STALE_EVIDENCE unless acknowledgeStale.
   */
  'documents.generate': method(GenerateRequest, DocumentVersion),
  'documents.list': method(z.object({ caseId: CaseId }).strict(), z.object({ items: z.array(DocumentVersion) })),
  /** One chunk (base64) of a version's bytes, for the preview. */
  'documents.read': method(
    z.object({ id: Id, index: z.number().int().min(0) }).strict(),
    z.object({ data: z.string(), last: z.boolean() }),
  ),
  /** Opens a version in the system's word processor or PDF viewer (as attachments.open). */
  'documents.open': method(z.object({ id: Id }).strict(), z.object({})),
  /** Writes a version to a file (CLI, native save dialog). */
  'documents.saveCopy': method(z.object({ id: Id, path: z.string().min(1) }).strict(), z.object({ bytes: z.number().int() })),
  'documents.delete': method(z.object({ id: Id }).strict(), z.object({})),

  // Case exchange between clinics (preload/schemas/exchange.ts, docs/exchange.md).
  'clinic.get': method(Empty, z.object({ identity: ClinicIdentity.nullable() })),
  /** Creates the clinic's keys on first call; later calls change only the profile. */
  'clinic.setup': method(z.object({ profile: ClinicProfile }).strict(), ClinicIdentity),
  /** The public clinic card (self-signed JSON text) to hand to partner clinics. NO_CLINIC_KEYS. */
  'clinic.card': method(Empty, z.object({ name: z.string(), text: z.string() })),
  /** Writes the clinic's private age identity to a new file (0600) for `age -d -i`: CLI and native dialogs only. */
  'clinic.exportIdentity': method(z.object({ path: z.string().min(1) }).strict(), z.object({})),
  'partners.list': method(Empty, z.object({ items: z.array(Partner) })),
  'partners.preview': method(z.object({ card: z.string().max(20_000, 'validation.tooLong') }).strict(), CardPreview),
  /** Trusts a card once the fingerprint compared out of band is typed: FINGERPRINT_MISMATCH otherwise. */
  'partners.trust': method(z.object({ card: z.string().max(20_000, 'validation.tooLong'), fingerprint: z.string().max(100) }).strict(), Partner),
  'partners.revoke': method(z.object({ id: Id }).strict(), Partner),
  /** Writes the encrypted .briefcase file into a private folder; read it with exchange.readExport. */
  'exchange.export': method(ExportRequest, ExportResult),
  'exchange.readExport': method(z.object({ exportId: Id, index: z.number().int().min(0) }).strict(), z.object({ data: z.string(), last: z.boolean() })),
  'exchange.discardExport': method(z.object({ exportId: Id }).strict(), z.object({})),
  /** CLI and native save dialog: the export written to `path` (temporary name, renamed at the end). */
  'exchange.exportToPath': method(ExportRequest.extend({ path: z.string().min(1) }).strict(), ExportResult),
  'exchange.uploadBegin': method(z.object({ size: z.number().int().min(1).max(2 ** 40) }).strict(), z.object({ uploadId: Id })),
  'exchange.uploadAppend': method(
    z.object({ uploadId: Id, index: z.number().int().min(0), data: Base64Chunk }).strict(),
    z.object({ received: z.number().int() }),
  ),
  /** Decrypts, verifies and validates an uploaded file and compares it with the vault; writes nothing to the cases. */
  'exchange.preview': method(
    z.object({ uploadId: Id, passphrase: z.string().max(1_000).optional(), jobId: Id.optional() }).strict(),
    ImportPreview,
  ),
  /** CLI: the same from a file on disk, with an optional age identity file. */
  'exchange.previewPath': method(
    z.object({ path: z.string().min(1), passphrase: z.string().max(1_000).optional(), identityPath: z.string().min(1).optional(), jobId: Id.optional() }).strict(),
    ImportPreview,
  ),
  /** Applies a previewed import in one transaction. UNTRUSTED_SENDER, INVALID_INPUT for unresolved conflicts. */
  'exchange.apply': method(ImportApply, ImportOutcome),
  'exchange.discardImport': method(z.object({ importId: Id }).strict(), z.object({})),
  /** Answered at once, outside the serialised call queue. */
  'exchange.progress': method(z.object({ jobId: Id }).strict(), JobProgress),
  /** Answered at once, outside the serialised call queue. */
  'exchange.cancel': method(z.object({ jobId: Id }).strict(), z.object({})),
  'exchange.log': method(Empty, z.object({ items: z.array(ExchangeLogEntry) })),

  /** The audit trail, newest first. */
  'audit.list': method(
    z.object({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).strict(),
    AuditPage,
  ),
  'audit.verify': method(Empty, AuditVerifyResult),
  /** The whole log as a file's text, oldest first, with its head hash. */
  'audit.export': method(z.object({ format: z.enum(['json', 'csv']) }).strict(), z.object({ name: z.string(), text: z.string() })),

  'backups.list': method(Empty, z.object({ items: z.array(BackupInfo) })),
  'backups.create': method(Empty, BackupInfo),
  /** Opens the backup (with the key it was made under) and runs SQLite's integrity check. */
  'backups.check': method(z.object({ id: BackupInfo.shape.id, passphrase: Passphrase }).strict(), BackupCheck),
  /** Replaces the vault with a checked backup (the current one is kept as a pre-restore backup); unlocked after. */
  'backups.restore': method(z.object({ id: BackupInfo.shape.id, passphrase: Passphrase }).strict(), VaultStatus),

  /** Erases a client's case for good: every row, attachment, index entry and document. CONFIRMATION_MISMATCH. */
  'cases.erase': method(EraseRequest, z.object({})),
  /** Closed cases unchanged for the clinic's retention period. */
  'cases.retention': method(Empty, RetentionList),
  /** Everything held about the case's client as one readable PDF, kept as a document version of the case. */
  'cases.accessReport': method(z.object({ caseId: Id, language: Language }).strict(), DocumentVersion),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;

/**
 * Methods that take a file-system path. Only the main process (its own native dialogs), the CLI
 * and tests may call them: a compromised renderer must not be able to read any file into the vault
 * or write vault content anywhere on disk. IPC refuses them; the preload does not expose them.
 */
export const mainOnlyMethods = [
  'attachments.addFromPath',
  'attachments.saveCopy',
  'documents.saveCopy',
  'exchange.exportToPath',
  'exchange.previewPath',
  'clinic.exportIdentity',
] as const;
export type RendererMethodName = Exclude<MethodName, (typeof mainOnlyMethods)[number]>;
export const isMainOnly = (method: string): boolean => (mainOnlyMethods as readonly string[]).includes(method);

/** The methods window.briefcase offers the renderer. */
export const methodNames = (Object.keys(contract) as MethodName[]).filter(
  (name): name is RendererMethodName => !isMainOnly(name),
);

// ---------------------------------------------------------------------------------------------
// One-way events, outside the call/envelope channel

/**
 * main → renderer: "save everything pending now" (the window is closing; later also before the
 * vault locks itself). The renderer answers on FLUSH_DONE_CHANNEL with the same requestId.
 */
export const FLUSH_REQUEST_CHANNEL = 'briefcase:flush-request';
/** renderer → main: the answer to a flush request. */
export const FLUSH_DONE_CHANNEL = 'briefcase:flush-done';

export const FlushRequest = z.object({ requestId: z.number().int().min(1) }).strict();
export type FlushRequest = z.infer<typeof FlushRequest>;
export const FlushDone = z.object({ requestId: z.number().int().min(1), allSaved: z.boolean() }).strict();
export type FlushDone = z.infer<typeof FlushDone>;

/** main → renderer: a command chosen in the application menu (main/menu.ts) or by its accelerator. */
export const MENU_CHANNEL = 'briefcase:menu';
export const MENU_COMMANDS = ['newCase', 'find', 'saveCopy', 'lock', 'preferences'] as const;
export const MenuCommand = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommand>;
export const MenuMessage = z.object({ command: MenuCommand }).strict();
export type MenuMessage = z.infer<typeof MenuMessage>;

/** window.briefcaseEvents: what the renderer may listen to (the preload answers for it). */
export interface BriefcaseEvents {
  /**
   * The handler saves what is pending and resolves true when nothing is left unsaved; its answer
   * (false if it throws) goes back to main. One handler at a time; returns the unsubscribe.
   */
  onFlushRequest(handler: () => Promise<boolean>): () => void;
  /** Menu commands (MENU_CHANNEL), already checked against MENU_COMMANDS. One handler at a time. */
  onMenuCommand(handler: (command: MenuCommand) => void): () => void;
}

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

// The renderer's API: `window.briefcase.vault.unlock({ passphrase })`, grouped by the part of the
// method name before the dot. Derived from the contract, never written by hand.
type GroupOf<M> = M extends `${infer G}.${string}` ? G : never;
type NameIn<M, G extends string> = M extends `${G}.${infer N}` ? N : never;

export type BriefcaseApi = {
  [G in GroupOf<RendererMethodName>]: {
    [N in NameIn<RendererMethodName, G>]: `${G}.${N}` extends infer M extends RendererMethodName
      ? (input?: MethodInput<M>) => Promise<Envelope<MethodOutput<M>>>
      : never;
  };
};

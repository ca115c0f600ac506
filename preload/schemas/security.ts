// Schemas of the hardening features (docs/security.md): the clinic's security settings, the audit
// trail, backups, client erasure and retention. Types only cross the boundary; no client content
// is in any of them except where a person asked for it (the access report is a case document).
import { z } from 'zod';
import { Id } from './text';

/** Settings the clinic sets once per vault (table clinic_settings, migration 011). */
export const ClinicSettings = z
  .object({
    /** Lock after this many minutes without input in the window. */
    idleMinutes: z.number().int().min(1).max(240).default(10),
    /** Backups kept: the newest of each of this many days… */
    keepDaily: z.number().int().min(1).max(60).default(7),
    /** …and the newest of each of this many ISO weeks (beyond the daily ones). */
    keepWeekly: z.number().int().min(0).max(104).default(4),
    /** Closed cases unchanged for this many years are listed for deletion (retention). */
    retentionYears: z.number().int().min(1).max(100).default(5),
  })
  .strict();
export type ClinicSettings = z.infer<typeof ClinicSettings>;

// ---------------------------------------------------------------------------------------------
// Audit trail (main/core/audit, migration 010)

export const AuditAction = z.enum(['create', 'update', 'delete', 'generate', 'export', 'import', 'unlock', 'failed_unlock', 'lock', 'erase', 'backup', 'restore', 'rekey']);
export type AuditAction = z.infer<typeof AuditAction>;

/** One entry: who, when, what (the method, ids and field names), never contents. */
export const AuditEntry = z.object({
  seq: z.number().int().min(1),
  at: z.iso.datetime(),
  /** The seat's user profile (prefs.userName, else the operating system's user name). */
  actor: z.string(),
  action: AuditAction,
  /** The contract method, e.g. "cases.updateSection", or "vault.unlock". */
  method: z.string(),
  /** Ids the call named or made (case, attachment, source…). */
  ids: z.array(z.string()),
  /** Names (paths) of the fields the call carried: "section", "fields.client.phone"; never their values. */
  fields: z.array(z.string()),
  /** SHA-256 (hex) of the previous entry's hash and this entry's canonical JSON. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** The first entry whose hash or sequence does not follow from the one before; null when ok. */
  firstBadSeq: z.number().int().nullable(),
  /** The chain's last hash: written down or exported, it lets a later check notice a cut-off tail. */
  headHash: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

// ---------------------------------------------------------------------------------------------
// Backups (main/core/backup)

export const BackupKind = z.enum(['daily', 'manual', 'pre-migration', 'pre-restore']);
export const BackupInfo = z.object({
  /** The file's name in the backups folder, e.g. "2026-11-23T10-00-00Z-daily.bcvault". */
  id: z.string().regex(/^[0-9A-Za-z._-]{1,120}$/),
  kind: BackupKind,
  createdAt: z.iso.datetime(),
  size: z.number().int().min(0),
  schemaVersion: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupCheck = z.object({
  ok: z.boolean(),
  /** SQLite's integrity_check messages (pages and tables, never content); empty when ok. */
  problems: z.array(z.string()),
  schemaVersion: z.number().int().nullable(),
  cases: z.number().int().nullable(),
});
export type BackupCheck = z.infer<typeof BackupCheck>;

// ---------------------------------------------------------------------------------------------
// Erasure, retention, access (main/core/gdpr)

export const EraseRequest = z
  .object({
    caseId: Id,
    /** The case's reference typed again by the person, as the confirmation. */
    confirmReference: z.string().min(1, 'validation.required').max(100),
  })
  .strict();
export type EraseRequest = z.infer<typeof EraseRequest>;

export const RetentionItem = z.object({ id: Id, reference: z.string(), clientName: z.string(), updatedAt: z.string() });
export const RetentionList = z.object({ years: z.number().int(), cutoff: z.string(), items: z.array(RetentionItem) });
export type RetentionList = z.infer<typeof RetentionList>;

// ---------------------------------------------------------------------------------------------
// Remember on this computer (Electron's safeStorage, through ApiContext.platform.keychain)

/**
 * 'available': an OS keychain protects what is remembered; 'insecure': safeStorage would fall back
 * to its plaintext basic_text backend (Linux without a keyring), so remembering is refused;
 * 'unavailable': no keychain at all (the CLI, the test harness without one).
 */
export const KeychainState = z.enum(['available', 'insecure', 'unavailable']);
export type KeychainState = z.infer<typeof KeychainState>;

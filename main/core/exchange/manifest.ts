// manifest.json, the first entry of every .briefcase archive: who sent it, when, to whom, and the
// path, size and SHA-256 of every other entry, in archive order. manifest.sig (the second entry)
// is the sender's Ed25519 signature over manifest.json's exact bytes, so the signature covers
// every entry through its hash. docs/exchange.md describes both.
import { z } from 'zod';
import { ClinicPublic, Fingerprint } from '../../../preload/schemas/exchange';
import { BriefcaseError } from '../errors';
import { isEntryPath, pathKey } from './paths';
import { MAX_TAR_ENTRY_SIZE } from './tar';

export const MANIFEST_FORMAT = 'briefcase-export';
export const MANIFEST_VERSION = 1;
/** Far above a real export (100 cases), far below what a manifest could use to exhaust memory. */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
export const MAX_ENTRIES = 200_000;

export const ManifestEntry = z
  .object({
    path: z.string().refine(isEntryPath, 'validation.invalidFormat'),
    size: z.number().int().min(0).max(MAX_TAR_ENTRY_SIZE),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'validation.sha256'),
  })
  .strict();
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const ManifestRecipients = z.discriminatedUnion('kind', [
  /** The fingerprints of the clinics it was encrypted to, as far as the sender named them. */
  z.object({ kind: z.literal('keys'), fingerprints: z.array(Fingerprint).max(100) }).strict(),
  z.object({ kind: z.literal('passphrase') }).strict(),
]);
export type ManifestRecipients = z.infer<typeof ManifestRecipients>;

export const Manifest = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.literal(MANIFEST_VERSION),
    sender: ClinicPublic.strict(),
    createdAt: z.iso.datetime(),
    recipients: ManifestRecipients,
    entries: z.array(ManifestEntry).max(MAX_ENTRIES),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    const seen = new Set<string>();
    manifest.entries.forEach((entry, index) => {
      const key = pathKey(entry.path);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'path'], message: 'validation.duplicateId' });
      seen.add(key);
    });
  });
export type Manifest = z.infer<typeof Manifest>;

/** The bytes written as manifest.json (and signed): indented JSON, so `tar -xO` shows it readably. */
export function encodeManifest(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(Manifest.parse(manifest), null, 2)}\n`);
}

/**
 * manifest.json's bytes as a Manifest. A manifest of this format with a higher version is
 * EXPORT_TOO_NEW (checked before anything else, since a newer version may change the rest);
 * anything else that is not a valid version-1 manifest is EXPORT_DAMAGED.
 */
export function decodeManifest(bytes: Uint8Array): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BriefcaseError('EXPORT_DAMAGED');
  }
  if (isNewer(raw)) throw new BriefcaseError('EXPORT_TOO_NEW');
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new BriefcaseError('EXPORT_DAMAGED');
  return parsed.data;
}

function isNewer(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const { format, version } = raw as { format?: unknown; version?: unknown };
  return format === MANIFEST_FORMAT && typeof version === 'number' && Number.isInteger(version) && version > MANIFEST_VERSION;
}

// The clinic card: a clinic's public identity as a small JSON file, self-signed, to hand to
// partner clinics. The signature proves the card was made by the holder of its signing key and
// not changed since; whether that key belongs to the clinic it names is what the fingerprint,
// compared out of band, establishes (partners.trust). docs/exchange.md describes the format.
import { z } from 'zod';
import { ClinicProfile, ClinicPublic } from '../../../preload/schemas/exchange';
import type { Issue } from '../../../preload/contract';
import { BriefcaseError, issuesFromZod } from '../errors';
import { fingerprintOf, publicOf, signBytes, verifyBytes, type ClinicSecrets } from './keys';

export const CARD_FORMAT = 'briefcase-clinic-card';
export const CARD_VERSION = 1;
export const MAX_CARD_CHARS = 20_000;
/** Prefixed to what is signed, so a card signature can never pass for a manifest signature. */
const CARD_SIGNING_LABEL = 'briefcase-clinic-card-v1\n';

const CardFile = z
  .object({
    format: z.literal(CARD_FORMAT),
    version: z.literal(CARD_VERSION),
    clinic: ClinicPublic.strict(),
    createdAt: z.iso.datetime(),
    signature: z.base64('validation.base64').length(88, 'validation.invalidValue'),
  })
  .strict();

export function makeCard(profile: ClinicProfile, secrets: ClinicSecrets, now: Date = new Date()): string {
  const keys = publicOf(secrets);
  const clinic: ClinicPublic = { profile: ClinicProfile.parse(profile), fingerprint: fingerprintOf(keys), ...keys };
  const body = { format: CARD_FORMAT, version: CARD_VERSION, clinic, createdAt: now.toISOString() };
  const signature = signBytes(secrets.signingSeed, signedBytes(body)).toString('base64');
  return `${JSON.stringify({ ...body, signature }, null, 2)}\n`;
}

/**
 * The clinic a card names, after checking it: well-formed, the fingerprint the one its keys give,
 * the self-signature valid. Otherwise INVALID_INPUT with one issue per problem found.
 */
export function readCard(text: string): ClinicPublic {
  const invalid = (issues: Issue[]) => new BriefcaseError('INVALID_INPUT', issues);
  if (text.length > MAX_CARD_CHARS) throw invalid([{ path: '', message: 'validation.tooLong' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid([{ path: '', message: 'validation.jsonSyntax' }]);
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > CARD_VERSION) throw invalid([{ path: 'version', message: 'validation.unsupportedVersion' }]);
  const parsed = CardFile.safeParse(raw);
  if (!parsed.success) throw invalid(issuesFromZod(parsed.error));
  const { signature, ...body } = raw as Record<string, unknown>;
  const { clinic } = parsed.data;
  const issues: Issue[] = [];
  if (fingerprintOf(clinic) !== clinic.fingerprint) issues.push({ path: 'clinic.fingerprint', message: 'validation.cardFingerprint' });
  if (!verifyBytes(clinic.signingKey, signedBytes(body), Buffer.from(String(signature), 'base64'))) issues.push({ path: 'signature', message: 'validation.cardSignature' });
  if (issues.length > 0) throw invalid(issues);
  return clinic;
}

/** What the signature covers: the label and the card without its signature, as canonical JSON. */
function signedBytes(body: unknown): Uint8Array {
  return new TextEncoder().encode(CARD_SIGNING_LABEL + canonicalJson(body));
}

/** JSON with object keys sorted (by UTF-16 code units) and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

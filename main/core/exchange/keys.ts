// A clinic's key material: an age X25519 identity (and, where age-encryption offers it, the hybrid
// post-quantum ML-KEM-768+X25519 one) for receiving exports, and an Ed25519 seed for signing them.
// The secrets live only in the encrypted vault; everything here that leaves it is public.
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { bech32 } from '@scure/base';
import { MLKEM768X25519 } from '@noble/post-quantum/hybrid.js';
import { generateHybridIdentity, generateX25519Identity } from 'age-encryption';

export interface ClinicSecrets {
  /** age X25519 identity, "AGE-SECRET-KEY-1…". */
  ageIdentity: string;
  /** age hybrid ML-KEM-768+X25519 identity, "AGE-SECRET-KEY-PQ-1…" (null for clinics made without one). */
  pqIdentity: string | null;
  /** Base64 of the raw 32-byte Ed25519 seed. */
  signingSeed: string;
}

export interface ClinicKeys {
  ageRecipient: string;
  pqRecipient: string | null;
  /** Base64 of the raw 32-byte Ed25519 public key. */
  signingKey: string;
}

// DER prefixes that wrap a raw 32-byte key as PKCS#8 / SPKI, the forms node:crypto imports.
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const RAW_KEY_BYTES = 32;

export async function generateClinicSecrets(): Promise<ClinicSecrets> {
  return {
    ageIdentity: await generateX25519Identity(),
    pqIdentity: await generateHybridIdentity(),
    signingSeed: randomBytes(RAW_KEY_BYTES).toString('base64'),
  };
}

/**
 * The public half. Synchronous on purpose (age-encryption's identityToRecipient is async): X25519
 * through node:crypto, the hybrid key through @noble/post-quantum, the same code age-encryption
 * runs; keys.test.ts checks both against identityToRecipient.
 */
export function publicOf(secrets: ClinicSecrets): ClinicKeys {
  return {
    ageRecipient: x25519Recipient(secrets.ageIdentity),
    pqRecipient: secrets.pqIdentity === null ? null : hybridRecipient(secrets.pqIdentity),
    signingKey: rawPublic(signingPrivateKey(secrets.signingSeed)).toString('base64'),
  };
}

/**
 * "3F2A 9C1B …": the first 128 bits of SHA-256 over the signing key and the age recipients, one
 * per line after a label, as 8 groups of 4 upper-case hex digits. docs/exchange.md has the bytes.
 */
export function fingerprintOf(pub: ClinicKeys): string {
  const text = `briefcase-fingerprint-v1\n${pub.signingKey}\n${pub.ageRecipient}\n${pub.pqRecipient ?? ''}\n`;
  const hex = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** What a person typed (any case, any spacing) in the fingerprint's own form, for comparison. */
export function normaliseFingerprint(typed: string): string {
  const compact = typed.replace(/[\s-]+/g, '').toUpperCase();
  return /^[0-9A-F]{32}$/.test(compact) ? compact.match(/.{4}/g)!.join(' ') : compact;
}

/** The identities in an age identity file (age-keygen's output: comments and blank lines allowed). */
export function parseIdentityFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function signBytes(signingSeed: string, message: Uint8Array): Buffer {
  return sign(null, message, signingPrivateKey(signingSeed));
}

/** False for a malformed key or signature as for a wrong one: the caller only needs yes or no. */
export function verifyBytes(signingKey: string, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    const raw = Buffer.from(signingKey, 'base64');
    if (raw.length !== RAW_KEY_BYTES || signature.length !== 64) return false;
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI, raw]), format: 'der', type: 'spki' });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

function signingPrivateKey(seed: string): KeyObject {
  const raw = Buffer.from(seed, 'base64');
  if (raw.length !== RAW_KEY_BYTES) throw new Error('signing seed must be 32 bytes');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, raw]), format: 'der', type: 'pkcs8' });
}

function rawPublic(key: KeyObject): Buffer {
  // The SPKI of a 32-byte curve key is its fixed 12-byte prefix and the raw key.
  return createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-RAW_KEY_BYTES);
}

function decodeIdentity(identity: string, prefix: string): Uint8Array {
  const decoded = bech32.decodeToBytes(identity.toLowerCase() as `${string}1${string}`);
  if (decoded.prefix !== prefix.toLowerCase() || decoded.bytes.length !== RAW_KEY_BYTES) throw new Error('invalid age identity');
  return decoded.bytes;
}

function x25519Recipient(identity: string): string {
  if (!identity.startsWith('AGE-SECRET-KEY-1')) throw new Error('invalid age identity');
  const scalar = decodeIdentity(identity, 'AGE-SECRET-KEY-');
  const key = createPrivateKey({ key: Buffer.concat([X25519_PKCS8, scalar]), format: 'der', type: 'pkcs8' });
  return bech32.encodeFromBytes('age', rawPublic(key));
}

function hybridRecipient(identity: string): string {
  if (!identity.startsWith('AGE-SECRET-KEY-PQ-1')) throw new Error('invalid age identity');
  const seed = decodeIdentity(identity, 'AGE-SECRET-KEY-PQ-');
  // As age-encryption's identityToRecipient: bech32 without the 90-character limit.
  return bech32.encode('age1pq', bech32.toWords(MLKEM768X25519.getPublicKey(seed)), false);
}

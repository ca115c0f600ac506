// Passphrase → 256-bit key with scrypt (memory-hard), run on libuv's thread pool so the UI's event
// loop is not blocked. The parameters are stored beside the vault; the key never is.
import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** N·r sets cost: 2^17 · 10 ≈ 0.4 s and 160 MiB on the reference machine (docs/benchmarks.md). */
export const DEFAULT_KDF = { N: 2 ** 17, r: 10, p: 1 } as const;

export const KdfParams = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[A-Za-z0-9+/]+=*$/),
  /** HMAC of a fixed label under the derived key: tells a wrong passphrase from a damaged file. */
  verifier: z.string().regex(/^[A-Za-z0-9+/]+=*$/),
});
export type KdfParams = z.infer<typeof KdfParams>;

const VERIFIER_LABEL = 'briefcase vault key check v1';

export function deriveKey(passphrase: string, params: Pick<KdfParams, 'N' | 'r' | 'p' | 'salt'>): Promise<Buffer> {
  const { N, r, p } = params;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      32,
      { N, r, p, maxmem: 256 * N * r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

function verifierFor(key: Buffer): Buffer {
  return createHmac('sha256', key).update(VERIFIER_LABEL).digest();
}

/** Fresh salt, derive, and return the parameters to store together with the key to use. */
export async function newKey(
  passphrase: string,
  cost: { N: number; r: number; p: number } = DEFAULT_KDF,
): Promise<{ key: Buffer; params: KdfParams }> {
  const salt = randomBytes(16).toString('base64');
  const key = await deriveKey(passphrase, { ...cost, salt });
  return {
    key,
    params: { algorithm: 'scrypt', ...cost, salt, verifier: verifierFor(key).toString('base64') },
  };
}

/** The key for these parameters, or null when the passphrase is not the one they were made with. */
export async function keyIfCorrect(passphrase: string, params: KdfParams): Promise<Buffer | null> {
  const key = await deriveKey(passphrase, params);
  const expected = Buffer.from(params.verifier, 'base64');
  const actual = verifierFor(key);
  if (expected.length === actual.length && timingSafeEqual(expected, actual)) return key;
  key.fill(0);
  return null;
}

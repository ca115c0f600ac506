import { execFileSync } from 'node:child_process';
import { identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, generateClinicSecrets, normaliseFingerprint, parseIdentityFile, publicOf, signBytes, verifyBytes } from '../../../main/core/exchange/keys';
import { Fingerprint } from '../../../preload/schemas/exchange';

describe('clinic keys', () => {
  it('makes an X25519 identity, a hybrid post-quantum identity and an Ed25519 seed', async () => {
    const secrets = await generateClinicSecrets();
    expect(secrets.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]+$/);
    expect(secrets.pqIdentity).toMatch(/^AGE-SECRET-KEY-PQ-1[0-9A-Z]+$/);
    expect(Buffer.from(secrets.signingSeed, 'base64')).toHaveLength(32);
    const again = await generateClinicSecrets();
    expect(again.ageIdentity).not.toBe(secrets.ageIdentity);
    expect(again.signingSeed).not.toBe(secrets.signingSeed);
  });

  it('derives the same recipients as age-encryption, synchronously', async () => {
    const secrets = await generateClinicSecrets();
    const pub = publicOf(secrets);
    expect(pub.ageRecipient).toBe(await identityToRecipient(secrets.ageIdentity));
    expect(pub.pqRecipient).toBe(await identityToRecipient(secrets.pqIdentity!));
    expect(pub.pqRecipient).toMatch(/^age1pq1/);
    expect(Buffer.from(pub.signingKey, 'base64')).toHaveLength(32);
    expect(publicOf({ ...secrets, pqIdentity: null }).pqRecipient).toBeNull();
  });

  it('derives the same X25519 recipient as age-keygen', () => {
    const out = execFileSync('age-keygen', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [identity] = parseIdentityFile(out);
    const recipient = /public key: (age1[0-9a-z]+)/.exec(out)![1];
    expect(publicOf({ ageIdentity: identity!, pqIdentity: null, signingSeed: Buffer.alloc(32, 1).toString('base64') }).ageRecipient).toBe(recipient);
  });

  it('gives a fingerprint of 8 groups that changes with every key', async () => {
    const pub = publicOf(await generateClinicSecrets());
    const other = publicOf(await generateClinicSecrets());
    const fingerprint = fingerprintOf(pub);
    expect(Fingerprint.safeParse(fingerprint).success).toBe(true);
    expect(fingerprintOf({ ...pub })).toBe(fingerprint);
    expect(fingerprintOf({ ...pub, signingKey: other.signingKey })).not.toBe(fingerprint);
    expect(fingerprintOf({ ...pub, ageRecipient: other.ageRecipient })).not.toBe(fingerprint);
    expect(fingerprintOf({ ...pub, pqRecipient: other.pqRecipient })).not.toBe(fingerprint);
    expect(fingerprintOf({ ...pub, pqRecipient: null })).not.toBe(fingerprint);
  });

  it('normalises a typed fingerprint: case and spacing ignored', async () => {
    const fingerprint = fingerprintOf(publicOf(await generateClinicSecrets()));
    expect(normaliseFingerprint(fingerprint.toLowerCase().replace(/ /g, ''))).toBe(fingerprint);
    expect(normaliseFingerprint(`  ${fingerprint.replace(/ /g, '  ')}\n`)).toBe(fingerprint);
    expect(normaliseFingerprint(fingerprint.slice(0, -1))).not.toBe(fingerprint);
  });

  it('signs and verifies; a changed message, another key or a malformed signature fails', async () => {
    const secrets = await generateClinicSecrets();
    const key = publicOf(secrets).signingKey;
    const message = Buffer.from('manifest bytes');
    const signature = signBytes(secrets.signingSeed, message);
    expect(verifyBytes(key, message, signature)).toBe(true);
    expect(verifyBytes(key, Buffer.from('manifest bytez'), signature)).toBe(false);
    expect(verifyBytes(publicOf(await generateClinicSecrets()).signingKey, message, signature)).toBe(false);
    expect(verifyBytes(key, message, signature.subarray(1))).toBe(false);
    expect(verifyBytes('not base64 at all', message, signature)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson, makeCard, readCard } from '../../../main/core/exchange/card';
import { fingerprintOf, signBytes } from '../../../main/core/exchange/keys';
import { BriefcaseError } from '../../../main/core/errors';
import { makeClinic } from './format-fixtures';

function refusal(text: string): BriefcaseError {
  try {
    readCard(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BriefcaseError);
    expect((error as BriefcaseError).code).toBe('INVALID_INPUT');
    return error as BriefcaseError;
  }
  throw new Error('the card was accepted');
}

const issuePaths = (text: string) => refusal(text).issues!.map((issue) => issue.path);

describe('clinic card', () => {
  it('round-trips: the card names the clinic, its keys and fingerprint', async () => {
    const clinic = await makeClinic();
    const text = makeCard(clinic.public.profile, clinic.secrets, new Date('2026-11-23T09:00:00Z'));
    const card = JSON.parse(text);
    expect(card).toMatchObject({ format: 'briefcase-clinic-card', version: 1, createdAt: '2026-11-23T09:00:00.000Z' });
    expect(readCard(text)).toEqual(clinic.public);
  });

  it('refuses a changed profile (the signature no longer matches)', async () => {
    const clinic = await makeClinic();
    const card = JSON.parse(makeCard(clinic.public.profile, clinic.secrets));
    card.clinic.profile.name = 'Example Law Clinic South';
    expect(issuePaths(JSON.stringify(card))).toEqual(['signature']);
  });

  it('refuses a forged card: another clinic’s recipient put in, fingerprint recomputed, old signature kept', async () => {
    const victim = await makeClinic();
    const attacker = await makeClinic('Example Law Clinic South');
    const card = JSON.parse(makeCard(victim.public.profile, victim.secrets));
    card.clinic.ageRecipient = attacker.public.ageRecipient;
    card.clinic.pqRecipient = attacker.public.pqRecipient;
    card.clinic.fingerprint = fingerprintOf(card.clinic);
    expect(issuePaths(JSON.stringify(card))).toEqual(['signature']);
  });

  it('refuses a card signed by a key other than the one it names', async () => {
    const victim = await makeClinic();
    const attacker = await makeClinic();
    const card = JSON.parse(makeCard(victim.public.profile, victim.secrets));
    const { signature: _signature, ...body } = card;
    // The attacker signs the victim's card body with its own key: valid Ed25519, wrong signer.
    card.signature = signBytes(attacker.secrets.signingSeed, Buffer.from(`briefcase-clinic-card-v1\n${canonicalJson(body)}`)).toString('base64');
    expect(issuePaths(JSON.stringify(card))).toEqual(['signature']);
  });

  it('a card made entirely with the attacker’s keys is valid but shows another fingerprint', async () => {
    const victim = await makeClinic();
    const attacker = await makeClinic();
    const forged = readCard(makeCard(victim.public.profile, attacker.secrets));
    expect(forged.profile.name).toBe(victim.public.profile.name);
    expect(forged.fingerprint).not.toBe(victim.public.fingerprint);
  });

  it('refuses a fingerprint that does not belong to the keys', async () => {
    const clinic = await makeClinic();
    const card = JSON.parse(makeCard(clinic.public.profile, clinic.secrets));
    card.clinic.fingerprint = '0000 0000 0000 0000 0000 0000 0000 0000';
    expect(issuePaths(JSON.stringify(card))).toEqual(['clinic.fingerprint', 'signature']);
  });

  it('refuses malformed text, unknown fields, a newer version and oversized input', async () => {
    const clinic = await makeClinic();
    const card = JSON.parse(makeCard(clinic.public.profile, clinic.secrets));
    expect(refusal('{ not json').issues).toEqual([{ path: '', message: 'validation.jsonSyntax' }]);
    expect(issuePaths(JSON.stringify({ ...card, extra: 1 }))).toContain('');
    expect(refusal(JSON.stringify({ ...card, version: 2 })).issues).toEqual([{ path: 'version', message: 'validation.unsupportedVersion' }]);
    expect(issuePaths(JSON.stringify({ ...card, clinic: { ...card.clinic, signingKey: 'abc' } }))).toContain('clinic.signingKey');
    expect(refusal(' '.repeat(20_001)).issues![0]!.message).toBe('validation.tooLong');
  });
});

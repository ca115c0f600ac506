// The clinic identity and the address book, through api.call: keys made once and kept across
// lock/unlock, never handed out; the card's round trip, a forged card refused, a typed fingerprint
// required to trust, the "changed" rule, revoke.
import { describe, expect, it } from 'vitest';
import { makeCard } from '../../../main/core/exchange/card';
import { generateClinicSecrets } from '../../../main/core/exchange/keys';
import type { CardPreview, ClinicIdentity, Partner } from '../../../preload/schemas/exchange';
import { Fingerprint } from '../../../preload/schemas/exchange';
import { apiCalls } from '../api-calls';
import { createApi } from '../../../main/core/api';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';
import { clinic, trust } from './clinics';

describe('clinic identity', () => {
  it('has no keys before setup, makes them once, keeps them across lock and unlock, and changes only the profile later', async () => {
    const dir = tempDir();
    const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
    const { ok, failure } = apiCalls(api);
    await ok('vault.create', { passphrase: PASSPHRASE });
    expect(await ok('clinic.get', {})).toEqual({ identity: null });
    expect((await failure('clinic.card', {})).code).toBe('NO_CLINIC_KEYS');

    const first = await ok<ClinicIdentity>('clinic.setup', { profile: { name: 'Fiktiv Retshjælp Nord', address: '', contact: null } });
    expect(Fingerprint.safeParse(first.fingerprint).success).toBe(true);
    expect(first.ageRecipient).toMatch(/^age1[0-9a-z]+$/);

    const renamed = await ok<ClinicIdentity>('clinic.setup', { profile: { name: 'Fiktiv Retshjælp Nord (Aalborg)', address: 'Testgade 2', contact: null } });
    expect(renamed.profile.name).toBe('Fiktiv Retshjælp Nord (Aalborg)');
    expect({ ...renamed, profile: null }).toEqual({ ...first, profile: null });

    await ok('vault.lock', {});
    await ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await ok('clinic.get', {})).toEqual({ identity: renamed });
    api.close();
  });

  it('never puts a private key in any answer', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    const partnerId = await trust(a, b);
    const secrets = a.secrets();
    const answers = [
      await a.ok('clinic.get', {}),
      await a.ok('clinic.setup', { profile: a.identity.profile }),
      await a.ok('clinic.card', {}),
      await a.ok('partners.list', {}),
      await a.ok('partners.preview', { card: await b.card() }),
      await a.ok('partners.revoke', { id: partnerId }),
      await a.ok('exchange.log', {}),
    ];
    const text = JSON.stringify(answers);
    expect(text).not.toContain('AGE-SECRET-KEY');
    for (const secret of [secrets.ageIdentity, secrets.pqIdentity, secrets.signingSeed]) {
      if (secret) expect(text).not.toContain(secret);
    }
    // The card carries the public keys, and they are the vault's own.
    expect(text).toContain(a.identity.signingKey);
  });
});

describe('partners', () => {
  it('previews a card, refuses a mistyped fingerprint, trusts a typed one (any case or spacing), then knows it', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    const card = await b.card();
    const preview = await a.ok<CardPreview>('partners.preview', { card });
    expect(preview.known).toBe('new');
    const { createdAt: _created, ...bPublic } = b.identity;
    expect(preview.clinic).toEqual(bPublic);

    const wrong = b.identity.fingerprint.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await a.failure('partners.trust', { card, fingerprint: wrong })).code).toBe('FINGERPRINT_MISMATCH');
    expect(await a.ok('partners.list', {})).toEqual({ items: [] });

    const typed = b.identity.fingerprint.toLowerCase().replace(/ /g, '  ');
    const partner = await a.ok<Partner>('partners.trust', { card, fingerprint: typed });
    expect(partner).toMatchObject({ ...bPublic, revokedAt: null });
    expect((await a.ok<CardPreview>('partners.preview', { card })).known).toBe('same');
    // Trusting it again answers the same partner, not a second one.
    expect(await a.ok<Partner>('partners.trust', { card, fingerprint: b.identity.fingerprint })).toEqual(partner);
    expect((await a.ok<{ items: Partner[] }>('partners.list', {})).items).toEqual([partner]);
  });

  it('refuses a forged card: a changed name, a changed key, a fingerprint that is not its keys’, not JSON', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    const card = JSON.parse(await b.card()) as { clinic: { profile: { name: string }; ageRecipient: string; fingerprint: string } };
    const forgeries = [
      { ...card, clinic: { ...card.clinic, profile: { ...card.clinic.profile, name: 'Example Law Clinic North' } } },
      { ...card, clinic: { ...card.clinic, ageRecipient: a.identity.ageRecipient } },
      { ...card, clinic: { ...card.clinic, fingerprint: a.identity.fingerprint } },
    ].map((forged) => JSON.stringify(forged));
    for (const forged of [...forgeries, '{"format":']) {
      const error = await a.failure('partners.preview', { card: forged });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues?.length).toBeGreaterThan(0);
      expect((await a.failure('partners.trust', { card: forged, fingerprint: b.identity.fingerprint })).code).toBe('INVALID_INPUT');
    }
    expect(await a.ok('partners.list', {})).toEqual({ items: [] });
  });

  it('shows a known name with other keys as changed; trusting it adds a partner and keeps the old one until revoked', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    const oldId = await trust(a, b);
    const impostor = makeCard({ ...b.identity.profile, name: 'example law clinic south' }, await generateClinicSecrets());
    const preview = await a.ok<CardPreview>('partners.preview', { card: impostor });
    expect(preview.known).toBe('changed');
    expect(preview.clinic.fingerprint).not.toBe(b.identity.fingerprint);

    const added = await a.ok<Partner>('partners.trust', { card: impostor, fingerprint: preview.clinic.fingerprint });
    let items = (await a.ok<{ items: Partner[] }>('partners.list', {})).items;
    expect(items.map((p) => [p.id, p.revokedAt])).toEqual(expect.arrayContaining([[oldId, null], [added.id, null]]));

    const revoked = await a.ok<Partner>('partners.revoke', { id: oldId });
    expect(revoked.revokedAt).not.toBeNull();
    items = (await a.ok<{ items: Partner[] }>('partners.list', {})).items;
    expect(items.map((p) => p.id)).toEqual([added.id, oldId]); // trusted first, revoked listed after
    // Revoked is no longer "same": the card may be trusted again, as a new entry.
    expect((await a.ok<CardPreview>('partners.preview', { card: await b.card() })).known).toBe('changed');
    const again = await trust(a, b);
    expect(again).not.toBe(oldId);
    expect((await a.failure('partners.revoke', { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });
});

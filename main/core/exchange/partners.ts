// The address book: partner clinics whose cards were trusted (migration 008, partners).
//
// A card is only ever trusted after the person typed the fingerprint they compared with the other
// clinic out of band (read aloud on the phone, printed on a letter): a card that came by e-mail
// could have been swapped on the way, the fingerprint could not. Spaces and case do not matter.
//
// Rule for a card that names a clinic already in the book with other keys ("changed"): it may be
// trusted, as a NEW partner; the old entry stays trusted until it is revoked. The person is shown
// "changed" first (partners.preview), and nothing is replaced behind their back: a clinic that
// lost its keys and one that is being impersonated look the same from here.
// Trusting a card whose fingerprint is already trusted answers the existing partner.
import { randomUUID } from 'node:crypto';
import type { CardPreview, ClinicProfile, ClinicPublic, Partner } from '../../../preload/schemas/exchange';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { readCard } from './card';
import { fingerprintOf, normaliseFingerprint } from './keys';

interface PartnerRow {
  id: string;
  profile: string;
  fingerprint: string;
  age_recipient: string;
  pq_recipient: string | null;
  signing_key: string;
  card: string;
  trusted_at: string;
  revoked_at: string | null;
}

function toPartner(r: PartnerRow): Partner {
  return {
    id: r.id,
    profile: JSON.parse(r.profile) as ClinicProfile,
    fingerprint: r.fingerprint,
    ageRecipient: r.age_recipient,
    pqRecipient: r.pq_recipient,
    signingKey: r.signing_key,
    trustedAt: r.trusted_at,
    revokedAt: r.revoked_at,
  };
}

/** Every partner, trusted ones first, then by name; revoked ones stay listed. */
export function listPartners(db: Db): Partner[] {
  const rows = db.prepare('SELECT * FROM partners ORDER BY revoked_at IS NOT NULL, trusted_at, id').all() as PartnerRow[];
  return rows.map(toPartner).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.profile.name.localeCompare(b.profile.name));
}

export function getPartner(db: Db, id: string): Partner {
  const r = db.prepare('SELECT * FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
  if (!r) throw new BriefcaseError('NOT_FOUND');
  return toPartner(r);
}

/** The trusted (not revoked) partner with this fingerprint, if any. */
export function trustedByFingerprint(db: Db, fingerprint: string): Partner | null {
  const r = db.prepare('SELECT * FROM partners WHERE fingerprint = ? AND revoked_at IS NULL').get(fingerprint) as PartnerRow | undefined;
  return r ? toPartner(r) : null;
}

/**
 * How an import's sender stands in the book: trusted (a partner, not revoked), revoked (only
 * revoked entries have this fingerprint), or unknown.
 */
export function senderStatus(db: Db, fingerprint: string): { trusted: boolean; revoked: boolean; partnerId: string | null } {
  const trusted = trustedByFingerprint(db, fingerprint);
  if (trusted) return { trusted: true, revoked: false, partnerId: trusted.id };
  const revoked = db.prepare('SELECT id FROM partners WHERE fingerprint = ? ORDER BY revoked_at DESC LIMIT 1').get(fingerprint) as { id: string } | undefined;
  return { trusted: false, revoked: revoked !== undefined, partnerId: revoked?.id ?? null };
}

const nameKey = (name: string) => name.normalize('NFKC').trim().toLocaleLowerCase('da');

/** Reads a card (INVALID_INPUT with issues when malformed or forged) and compares it with the book. */
export function previewCard(db: Db, card: string): CardPreview {
  const clinic = readCard(card);
  return { clinic, known: knownAs(db, clinic) };
}

function knownAs(db: Db, clinic: ClinicPublic): CardPreview['known'] {
  if (trustedByFingerprint(db, clinic.fingerprint)) return 'same';
  const trusted = db.prepare('SELECT profile FROM partners WHERE revoked_at IS NULL').all() as { profile: string }[];
  const name = nameKey(clinic.profile.name);
  return trusted.some((r) => nameKey((JSON.parse(r.profile) as ClinicProfile).name) === name) ? 'changed' : 'new';
}

/** Trusts a card once the typed fingerprint matches it (FINGERPRINT_MISMATCH otherwise). */
export function trustCard(db: Db, input: { card: string; fingerprint: string }, now = new Date()): Partner {
  const clinic = readCard(input.card);
  if (normaliseFingerprint(input.fingerprint) !== normaliseFingerprint(clinic.fingerprint)) throw new BriefcaseError('FINGERPRINT_MISMATCH');
  return addTrusted(db, clinic, input.card, now);
}

/**
 * Trusts the sender of an import the person chose to trust (exchange.apply with trustSender). The
 * manifest's signature was checked against these keys; the fingerprint is recomputed here all the
 * same. What is kept as the "card" is the sender's public record as the manifest named it.
 */
export function trustSender(db: Db, clinic: ClinicPublic, now = new Date()): Partner {
  if (fingerprintOf(clinic) !== clinic.fingerprint) throw new BriefcaseError('FINGERPRINT_MISMATCH');
  return addTrusted(db, clinic, JSON.stringify(clinic), now);
}

function addTrusted(db: Db, clinic: ClinicPublic, card: string, now: Date): Partner {
  return db.transaction(() => {
    const existing = trustedByFingerprint(db, clinic.fingerprint);
    if (existing) return existing;
    const id = randomUUID();
    db.prepare(
      `INSERT INTO partners (id, profile, fingerprint, age_recipient, pq_recipient, signing_key, card, trusted_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ).run(id, JSON.stringify(clinic.profile), clinic.fingerprint, clinic.ageRecipient, clinic.pqRecipient, clinic.signingKey, card, now.toISOString());
    return getPartner(db, id);
  })();
}

/** Revokes a partner: no more exports to it, and its imports count as from a revoked sender. */
export function revokePartner(db: Db, id: string, now = new Date()): Partner {
  return db.transaction(() => {
    const partner = getPartner(db, id);
    if (partner.revokedAt !== null) return partner;
    db.prepare('UPDATE partners SET revoked_at = ? WHERE id = ?').run(now.toISOString(), id);
    return getPartner(db, id);
  })();
}

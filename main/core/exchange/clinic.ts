// This vault's clinic: its profile and its key pairs (migration 008, clinic_identity).
//
// The keys are made once, by the first clinic.setup, and kept for good: partners know the clinic
// by the fingerprint of these keys, so changing them would make every partner's card stale. A
// later setup changes only the profile. The secrets never leave this file except to the export
// (signing) and the import (decrypting) in main/core/exchange: no API output carries them.
import type { ClinicIdentity, ClinicProfile, ClinicPublic } from '../../../preload/schemas/exchange';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { makeCard } from './card';
import { fingerprintOf, generateClinicSecrets, publicOf, type ClinicSecrets } from './keys';

interface IdentityRow {
  profile: string;
  secrets: string;
  age_recipient: string;
  pq_recipient: string | null;
  signing_key: string;
  fingerprint: string;
  created_at: string;
}

function row(db: Db): IdentityRow | undefined {
  return db.prepare('SELECT * FROM clinic_identity WHERE id = 1').get() as IdentityRow | undefined;
}

function toIdentity(r: IdentityRow): ClinicIdentity {
  return {
    profile: JSON.parse(r.profile) as ClinicProfile,
    fingerprint: r.fingerprint,
    ageRecipient: r.age_recipient,
    pqRecipient: r.pq_recipient,
    signingKey: r.signing_key,
    createdAt: r.created_at,
  };
}

/** The clinic's public identity, or null before the first setup. */
export function getIdentity(db: Db): ClinicIdentity | null {
  const r = row(db);
  return r ? toIdentity(r) : null;
}

/** Creates the keys on the first call; afterwards only the profile changes. */
export async function setup(db: Db, profile: ClinicProfile, now = new Date()): Promise<ClinicIdentity> {
  const stamp = now.toISOString();
  // Key generation awaits; the api's queue keeps another call from running meanwhile, and the
  // insert checks again in its transaction all the same.
  const secrets = row(db) ? null : await generateClinicSecrets();
  db.transaction(() => {
    if (row(db) || !secrets) {
      db.prepare('UPDATE clinic_identity SET profile = ?, updated_at = ? WHERE id = 1').run(JSON.stringify(profile), stamp);
      return;
    }
    const pub = publicOf(secrets);
    db.prepare(
      `INSERT INTO clinic_identity (id, profile, secrets, age_recipient, pq_recipient, signing_key, fingerprint, created_at, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(JSON.stringify(profile), JSON.stringify(secrets), pub.ageRecipient, pub.pqRecipient, pub.signingKey, fingerprintOf(pub), stamp, stamp);
  })();
  return toIdentity(row(db)!);
}

/** The public half, as an export names its sender. NO_CLINIC_KEYS before setup. */
export function clinicPublic(db: Db): ClinicPublic {
  const r = row(db);
  if (!r) throw new BriefcaseError('NO_CLINIC_KEYS');
  const { createdAt: _created, ...pub } = toIdentity(r);
  return pub;
}

/** The private keys, for signing an export and decrypting an import only. NO_CLINIC_KEYS before setup. */
export function clinicSecrets(db: Db): ClinicSecrets {
  const r = row(db);
  if (!r) throw new BriefcaseError('NO_CLINIC_KEYS');
  return JSON.parse(r.secrets) as ClinicSecrets;
}

/** The self-signed clinic card to hand to partners, with a file name to offer. */
export function clinicCard(db: Db, now = new Date()): { name: string; text: string } {
  const { profile } = clinicPublic(db);
  return { name: `${safeFileStem(profile.name)}.clinic-card.json`, text: makeCard(profile, clinicSecrets(db), now) };
}

// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

/** A name usable as a file name on Windows, macOS and Linux (the save dialog may still change it). */
export function safeFileStem(name: string): string {
  const cleaned = name.normalize('NFC').replace(UNSAFE, '_').replace(/^[.\s]+/, '').replace(/[.\s]+$/, '').slice(0, 120).trim();
  return cleaned || 'briefcase';
}

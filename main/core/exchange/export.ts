// exchange.export / exchange.exportToPath: the chosen cases (collect.ts) as one signed, encrypted
// `.briefcase` file (container.ts), then the log entry and the exchange bases.
//
// Recipients: the chosen partners (trusted, not revoked) and, by default, this clinic itself, so
// the sender can open what it sent. The hybrid post-quantum recipient is used when EVERY party has
// one; otherwise the X25519 recipients of all of them: a file carrying both kinds of stanza would
// be no stronger than its X25519 stanzas, so the two are never mixed. (A post-quantum file needs
// age 1.3 or later to be opened with the age command line; docs/exchange.md.)
// Or a passphrase (age's scrypt recipient), for a one-off exchange with a clinic not in the book.
//
// The file is written under a temporary name and renamed at the end (container.ts), so a cancel
// or a failure leaves nothing. Only once it is complete are the log entry and the bases written.
import { unlinkSync } from 'node:fs';
import type { ExportTarget } from '../../../preload/schemas/exchange';
import { BriefcaseError } from '../errors';
import type { Db } from '../vault/sqlite';
import { clinicPublic, clinicSecrets, safeFileStem } from './clinic';
import { collectEntries } from './collect';
import { writeContainer } from './container';
import { logExchange, type NewLogEntry } from './log';
import { getPartner } from './partners';

/**
 * Where an export goes. 'recipients' is a one-off to raw age recipients (the CLI's --recipient),
 * still signed by this clinic; it is not offered to the renderer.
 */
export type Destination = ExportTarget | { kind: 'recipients'; recipients: string[]; includeSelf: boolean };

export interface ExportInput {
  caseIds: string[];
  to: Destination;
  includeDocuments: boolean;
}

export interface ExportRun {
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  now?: Date;
  /** See WriteOptions.durable (container.ts): false only for the app's private transit copy. */
  durable?: boolean;
}

export async function exportTo(db: Db, input: ExportInput, outPath: string, run: ExportRun = {}): Promise<{ name: string; size: number; manifestSha256: string }> {
  const now = run.now ?? new Date();
  const sender = clinicPublic(db);
  const secrets = clinicSecrets(db);
  const target = resolveTarget(db, input.to, sender);
  const { entries, cases } = collectEntries(db, input.caseIds, { includeDocuments: input.includeDocuments });
  const written = await writeContainer(outPath, entries, { sender, secrets, to: target.to, signal: run.signal, onProgress: run.onProgress, now, durable: run.durable });
  try {
    db.transaction(() => {
      logExchange(db, { direction: 'export', caseIds: cases.map((c) => c.id!), clinics: target.clinics, via: target.via, manifestSha256: written.manifestSha256 }, now);
      const base = db.prepare('INSERT OR REPLACE INTO exchange_bases (case_id, file, updated_at) VALUES (?, ?, ?)');
      for (const file of cases) base.run(file.id, JSON.stringify(file), now.toISOString());
    })();
  } catch (error) {
    // Not logged, so not kept.
    try {
      unlinkSync(outPath);
    } catch {
      // already gone
    }
    throw error;
  }
  return { name: exportName(cases.map((c) => c.details.reference), now), size: written.size, manifestSha256: written.manifestSha256 };
}

interface ResolvedTarget {
  to: { recipients: string[]; fingerprints: string[] } | { passphrase: string };
  clinics: NewLogEntry['clinics'];
  via: NewLogEntry['via'];
}

function resolveTarget(db: Db, to: Destination, self: { ageRecipient: string; pqRecipient: string | null; fingerprint: string }): ResolvedTarget {
  if (to.kind === 'passphrase') return { to: { passphrase: to.passphrase }, clinics: [], via: 'passphrase' };
  if (to.kind === 'recipients') {
    const postQuantum = self.pqRecipient !== null && to.recipients.every((r) => r.startsWith('age1pq1'));
    const recipients = [...to.recipients, ...(to.includeSelf ? [postQuantum ? self.pqRecipient! : self.ageRecipient] : [])];
    return {
      to: { recipients: [...new Set(recipients)], fingerprints: to.includeSelf ? [self.fingerprint] : [] },
      clinics: to.recipients.map((r) => ({ name: r, fingerprint: null })),
      via: 'keys',
    };
  }
  const partners = to.partnerIds.map((id, index) => {
    const partner = getPartner(db, id);
    if (partner.revokedAt !== null) throw new BriefcaseError('INVALID_INPUT', [{ path: `to.partnerIds.${index}`, message: 'validation.invalidValue' }]);
    return partner;
  });
  const parties = [...partners, ...(to.includeSelf ? [self] : [])];
  const postQuantum = parties.every((p) => p.pqRecipient !== null);
  const recipients = parties.map((p) => (postQuantum ? p.pqRecipient! : p.ageRecipient));
  return {
    to: { recipients: [...new Set(recipients)], fingerprints: [...new Set(parties.map((p) => p.fingerprint))] },
    clinics: partners.map((p) => ({ name: p.profile.name, fingerprint: p.fingerprint })),
    via: 'keys',
  };
}

/** "2026-200.briefcase" for one case, "3 cases 2026-11-23.briefcase" for several. */
export function exportName(references: string[], now: Date): string {
  if (references.length === 1) return `${safeFileStem(references[0]!)}.briefcase`;
  return `${references.length} cases ${now.toISOString().slice(0, 10)}.briefcase`;
}

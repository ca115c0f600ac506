// Test helpers for the exchange: a clinic = a data folder with an unlocked vault (cheap KDF) whose
// clinic profile is set up; its case from the fictional demo; its private keys read straight from
// the vault (for `age -d -i` and to check they never leave it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApi, type Api } from '../../../main/core/api';
import type { ClinicSecrets } from '../../../main/core/exchange/keys';
import type { ClinicIdentity } from '../../../preload/schemas/exchange';
import { addDemoCase } from '../../../scripts/demo';
import { apiCalls, type ApiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

export interface Clinic extends ApiCalls {
  api: Api;
  dir: string;
  identity: ClinicIdentity;
  /** The vault's clinic secrets (the test reads the table; no API hands them out). */
  secrets: () => ClinicSecrets;
  /** The card text, as clinic.card gives it. */
  card: () => Promise<string>;
  /** An age identity file holding this clinic's X25519 identity. */
  identityFile: () => string;
}

export async function clinic(name: string): Promise<Clinic> {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const calls = apiCalls(api);
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
  const identity = await calls.ok<ClinicIdentity>('clinic.setup', { profile: { name, address: 'Testvej 1\n8000 Aarhus C', contact: 'kontakt@example.org' } });
  const secrets = () => JSON.parse((api.vault.db.prepare('SELECT secrets FROM clinic_identity').get() as { secrets: string }).secrets) as ClinicSecrets;
  return {
    ...calls,
    api,
    dir,
    identity,
    secrets,
    card: async () => (await calls.ok<{ text: string }>('clinic.card', {})).text,
    identityFile: () => {
      const path = join(dir, `${identity.fingerprint.slice(0, 4)}-identity.txt`);
      writeFileSync(path, `${secrets().ageIdentity}\n`, { mode: 0o600 });
      return path;
    },
  };
}

/** `a` trusts `b`'s card (fingerprint typed as read aloud: lower case, no spaces); the partner's id. */
export async function trust(a: Clinic, b: Clinic): Promise<string> {
  const { identity } = await b.ok<{ identity: ClinicIdentity }>('clinic.get', {});
  const partner = await a.ok<{ id: string }>('partners.trust', { card: await b.card(), fingerprint: identity.fingerprint.replace(/ /g, '').toLowerCase() });
  return partner.id;
}

/** The demo case (Samir Testsen, fictional: attachments, linked evidence) in `c`'s vault; its id. */
export async function demoCase(c: Clinic): Promise<string> {
  return addDemoCase(c.api, c.dir);
}

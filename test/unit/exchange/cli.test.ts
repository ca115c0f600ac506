// `briefcase keys …`, `partners …`, `export …`, `import …` as a separate process (bin/briefcase.mjs)
// against data folders whose default vaults (cheap KDF) are made here: two clinics trade cards
// (the fingerprint typed to trust), export to each other, to a raw age recipient and to a
// passphrase, and import with the preview first and --yes to apply.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { addDemoCase, DEMO_REFERENCE } from '../../../scripts/demo';
import type { ClinicIdentity, Partner } from '../../../preload/schemas/exchange';
import { FAST_KDF, tempDir } from '../helpers';
import da from '../../../renderer/src/i18n/da.json' with { type: 'json' };
import en from '../../../renderer/src/i18n/en.json' with { type: 'json' };

const PASS = 'a long clinic passphrase';

/** A data folder whose default vault (cheap KDF) holds, when asked, the fictional demo case. */
async function home(withCase: boolean): Promise<string> {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const created = await api.call('vault.create', { passphrase: PASS });
  if (!created.ok) throw new Error(created.error.code);
  if (withCase) await addDemoCase(api, dir);
  api.close();
  return dir;
}

function briefcase(dir: string, args: string[], options: { lang?: 'en' | 'da'; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, ['bin/briefcase.mjs', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BRIEFCASE_HOME: dir, BRIEFCASE_PASSPHRASE: PASS, BRIEFCASE_LANG: options.lang ?? 'en', ...options.env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function identityOf(dir: string): ClinicIdentity {
  const shown = briefcase(dir, ['keys', 'show', '--json']);
  expect(shown.code, shown.stderr).toBe(0);
  return JSON.parse(shown.stdout) as ClinicIdentity;
}

/** Two clinics that trust each other's cards; A holds the demo case. */
async function twoClinics() {
  const a = await home(true);
  const b = await home(false);
  expect(briefcase(a, ['keys', 'init', '--name', 'Fiktiv Retshjælp Nord']).code).toBe(0);
  expect(briefcase(b, ['keys', 'init', '--name', 'Example Law Clinic South', '--contact', 'kontakt@example.org']).code).toBe(0);
  for (const [from, to] of [[a, b], [b, a]] as const) {
    const card = join(from, 'card.json');
    expect(briefcase(from, ['keys', 'export-card', '--out', card]).code).toBe(0);
    const trusted = briefcase(to, ['keys', 'import-card', card, '--trust', identityOf(from).fingerprint]);
    expect(trusted.code, trusted.stderr).toBe(0);
  }
  return { a, b };
}

describe('briefcase keys and partners', () => {
  it('sets up the clinic once, shows it without private keys, and keeps the keys when the profile changes', async () => {
    const dir = await home(false);
    const none = briefcase(dir, ['keys', 'show'], { lang: 'da' });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(da.cliExchange.noKeys);

    const init = briefcase(dir, ['keys', 'init', '--name', 'Fiktiv Retshjælp Nord', '--address', 'Testvej 1, 8000 Aarhus C']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain(en.cliExchange.keysCreated.replace('{{name}}', 'Fiktiv Retshjælp Nord'));
    const identity = identityOf(dir);
    expect(init.stdout.trim()).toBe(`Fingerprint: ${identity.fingerprint}`);
    expect(identity.profile).toEqual({ name: 'Fiktiv Retshjælp Nord', address: 'Testvej 1, 8000 Aarhus C', contact: null });

    const shown = briefcase(dir, ['keys', 'show']);
    expect(shown.stdout).toMatch(new RegExp(`^Fingerprint +${identity.fingerprint}$`, 'm'));
    expect(shown.stdout).toContain(identity.ageRecipient);
    expect(shown.stdout + briefcase(dir, ['keys', 'show', '--json']).stdout).not.toContain('AGE-SECRET-KEY');

    expect(briefcase(dir, ['keys', 'init', '--name', 'Fiktiv Retshjælp Nord (Aalborg)']).code).toBe(0);
    const after = identityOf(dir);
    expect(after).toEqual({ ...identity, profile: { ...identity.profile, name: 'Fiktiv Retshjælp Nord (Aalborg)' } });
  }, 120_000);

  it('imports a card only with its fingerprint, printing whom it names; lists and revokes partners', async () => {
    const a = await home(false);
    const b = await home(false);
    briefcase(a, ['keys', 'init', '--name', 'Fiktiv Retshjælp Nord']);
    briefcase(b, ['keys', 'init', '--name', 'Example Law Clinic South']);
    const card = join(b, 'south.card.json');
    const written = briefcase(b, ['keys', 'export-card', '--out', card]);
    expect(written.code, written.stderr).toBe(0);
    const south = identityOf(b);
    expect(JSON.parse(readFileSync(card, 'utf8'))).toMatchObject({ clinic: { fingerprint: south.fingerprint } });

    const wrong = briefcase(a, ['keys', 'import-card', card, '--trust', identityOf(a).fingerprint]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Example Law Clinic South');
    expect(wrong.stderr).toContain(south.fingerprint);
    expect(wrong.stderr).toContain(en.errors.FINGERPRINT_MISMATCH);
    expect(briefcase(a, ['partners', 'list']).stdout.trim()).toBe(en.cliExchange.noPartners);

    const trusted = briefcase(a, ['keys', 'import-card', card, '--trust', south.fingerprint.replace(/ /g, '').toLowerCase(), '--json']);
    expect(trusted.code, trusted.stderr).toBe(0);
    const partner = JSON.parse(trusted.stdout) as Partner;
    expect(partner).toMatchObject({ fingerprint: south.fingerprint, revokedAt: null, profile: { name: 'Example Law Clinic South' } });
    expect(briefcase(a, ['partners', 'list']).stdout).toMatch(new RegExp(`Example Law Clinic South +${south.fingerprint} +\\S+ +${en.cliExchange.standing.trusted} +${partner.id}`));

    const revoked = briefcase(a, ['partners', 'revoke', partner.id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    const listed = JSON.parse(briefcase(a, ['partners', 'list', '--json']).stdout) as { items: Partner[] };
    expect(listed.items.map((p) => [p.id, p.revokedAt !== null])).toEqual([[partner.id, true]]);
  }, 120_000);
});

describe('briefcase export and import', () => {
  it('exports to a raw age recipient that `age -d` opens; refuses a wrong call with exit 2', async () => {
    const a = await home(true);
    briefcase(a, ['keys', 'init', '--name', 'Fiktiv Retshjælp Nord']);
    const key = join(a, 'one-off.key');
    spawnSync('age-keygen', ['-o', key]);
    const recipient = /^# public key: (age1\S+)$/m.exec(readFileSync(key, 'utf8'))![1]!;
    const out = join(a, 'one-off.briefcase');
    const exported = briefcase(a, ['export', DEMO_REFERENCE, '--recipient', recipient, '--no-self', '--out', out, '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ path: out, size: readFileSync(out).length });
    const opened = spawnSync('sh', ['-c', `age -d -i "${key}" "${out}" | tar -t`], { encoding: 'utf8' });
    expect(opened.stdout.split('\n')[0]).toBe('manifest.json');

    const noTarget = briefcase(a, ['export', DEMO_REFERENCE, '--out', join(a, 'x.briefcase')]);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain(en.cliExchange.oneTarget);
    const noEnv = briefcase(a, ['export', DEMO_REFERENCE, '--passphrase-env', 'NOT_SET_HERE', '--out', join(a, 'x.briefcase')]);
    expect(noEnv.code).toBe(2);
    const unknown = briefcase(a, ['export', DEMO_REFERENCE, '--to', 'Nobody', '--out', join(a, 'x.briefcase')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(en.cliExchange.partnerNotFound.replace('{{clinic}}', 'Nobody'));
    expect(existsSync(join(a, 'x.briefcase'))).toBe(false);
  }, 120_000);

  it('exports to a partner by name; the partner previews, then imports with --yes', async () => {
    const { a, b } = await twoClinics();
    const out = join(b, 'from-north.briefcase');
    const exported = briefcase(a, ['export', DEMO_REFERENCE, '--to', 'example law clinic south', '--out', out]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(en.cliExchange.exported_one.replace('{{count}}', '1').replace('{{file}}', out));

    const preview = briefcase(b, ['import', out]);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stderr).toContain(`Sender: Fiktiv Retshjælp Nord (${en.cliExchange.standing.trusted})`);
    expect(preview.stderr).toMatch(new RegExp(`new +${DEMO_REFERENCE} +Samir Testsen`));
    expect(preview.stderr).toContain(en.cliExchange.previewOnly);
    expect(JSON.parse(briefcase(b, ['case', 'list', '--json']).stdout)).toMatchObject({ items: [] });

    const applied = briefcase(b, ['import', out, '--yes']);
    expect(applied.code, applied.stderr).toBe(0);
    const cases = JSON.parse(briefcase(b, ['case', 'list', '--json']).stdout) as { items: { reference: string }[] };
    expect(cases.items.map((c) => c.reference)).toEqual([DEMO_REFERENCE]);
  }, 180_000);

  it('needs --trust-sender for an unknown sender (a passphrase file), and imports with it', async () => {
    const a = await home(true);
    const c = await home(false);
    briefcase(a, ['keys', 'init', '--name', 'Fiktiv Retshjælp Nord']);
    briefcase(c, ['keys', 'init', '--name', 'Fiktiv Retshjælp Syd']);
    const out = join(c, 'one-off.briefcase');
    const env = { BC_SHARED: 'a passphrase read aloud on the phone' };
    expect(briefcase(a, ['export', DEMO_REFERENCE, '--passphrase-env', 'BC_SHARED', '--out', out], { env }).code).toBe(0);

    expect(briefcase(c, ['import', out, '--yes']).code).toBe(1); // not decryptable without the passphrase
    const refused = briefcase(c, ['import', out, '--passphrase-env', 'BC_SHARED', '--yes'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`(${en.cliExchange.standing.unknown})`);
    expect(refused.stderr).toContain(en.cliExchange.senderUnknown);
    expect(JSON.parse(briefcase(c, ['case', 'list', '--json']).stdout)).toMatchObject({ items: [] });

    const applied = briefcase(c, ['import', out, '--passphrase-env', 'BC_SHARED', '--yes', '--trust-sender'], { env });
    expect(applied.code, applied.stderr).toBe(0);
    const partners = JSON.parse(briefcase(c, ['partners', 'list', '--json']).stdout) as { items: Partner[] };
    expect(partners.items.map((p) => p.profile.name)).toEqual(['Fiktiv Retshjælp Nord']);
  }, 180_000);

  it('refuses conflicts without --take, listing them field by field; applies them with --take theirs', async () => {
    const { a, b } = await twoClinics();
    const out = join(b, 'from-north.briefcase');
    expect(briefcase(a, ['export', DEMO_REFERENCE, '--to', 'Example Law Clinic South', '--out', out]).code).toBe(0);
    expect(briefcase(b, ['import', out, '--yes']).code).toBe(0);
    // Both clinics change the client's phone (in-process: the CLI has no command for it).
    await setPhone(b, '+45 11 11 11 11');
    await setPhone(a, '+45 22 22 22 22');
    expect(briefcase(a, ['export', DEMO_REFERENCE, '--to', 'Example Law Clinic South', '--out', out]).code).toBe(0);

    const refused = briefcase(b, ['import', out, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`conflict +${DEMO_REFERENCE}`));
    expect(refused.stderr).toContain('client.contact.phone: mine "+45 11 11 11 11" | theirs "+45 22 22 22 22"');
    expect(refused.stderr).toContain(en.cliExchange.conflictsNeedTake.replace('{{count}}', '1'));
    expect(await phoneOf(b)).toBe('+45 11 11 11 11');

    const taken = briefcase(b, ['import', out, '--yes', '--take', 'theirs']);
    expect(taken.code, taken.stderr).toBe(0);
    expect(await phoneOf(b)).toBe('+45 22 22 22 22');
  }, 240_000);
});

/** Work on the demo case in the vault of data folder `dir`, in-process (the CLI cannot edit a case). */
async function onDemoCase<T>(dir: string, work: (call: <R>(method: string, input: unknown) => Promise<R>, id: string) => Promise<T>): Promise<T> {
  const api = createApi({ dataDir: dir, version: '0.0.0-test' });
  try {
    const call = async <R,>(method: string, input: unknown): Promise<R> => {
      const envelope = await api.call(method, input);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}`);
      return envelope.value as R;
    };
    await call('vault.unlock', { passphrase: PASS });
    const page = await call<{ items: { id: string; reference: string }[] }>('cases.list', { limit: 10, offset: 0 });
    return await work(call, page.items.find((c) => c.reference === DEMO_REFERENCE)!.id);
  } finally {
    api.close();
  }
}

interface ClientRecord {
  file: { client: { contact: { phone: string | null } } };
  revisions: { client: number };
}

function setPhone(dir: string, phone: string): Promise<void> {
  return onDemoCase(dir, async (call, id) => {
    const record = await call<ClientRecord>('cases.get', { id });
    const client = { ...record.file.client, contact: { ...record.file.client.contact, phone } };
    await call('cases.update', { id, revision: record.revisions.client, update: { section: 'client', value: client } });
  });
}

function phoneOf(dir: string): Promise<string | null> {
  return onDemoCase(dir, async (call, id) => (await call<ClientRecord>('cases.get', { id })).file.client.contact.phone);
}

// Interoperability with Debian's `age` (the reference Go implementation) both ways, and with GNU
// tar and OpenSSL: a .briefcase file is a plain age file holding a plain tar archive.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { readContainer, writeContainer } from '../../../main/core/exchange/container';
import { OFF_THREAD_FROM } from '../../../main/core/exchange/stream-worker';
import { tempDir } from '../helpers';
import { collectingSink, entriesFrom, makeClinic, randomFile, sha256, type Clinic } from './format-fixtures';

const FILES = {
  'cases/0b6f7e0e-1111-4a4a-9c9c-000000000001.json': Buffer.from(JSON.stringify({ client: 'Samir Testsen' })),
  'attachments/one': randomFile(200_000),
  'attachments/empty': new Uint8Array(0),
  'evidence/library.json': Buffer.from('{"sources":[]}'),
};
const PASSPHRASE = 'copper meadow signal ninety';

const run = (cmd: string, args: string[], options: { cwd?: string; input?: string | Buffer } = {}) => execFileSync(cmd, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
/** age reads a passphrase only from a terminal: `script` gives it one and types the lines. */
const withTerminal = (command: string, lines: string[], cwd: string) => execFileSync('script', ['-qec', command, '/dev/null'], { cwd, input: lines.map((l) => `${l}\n`).join(''), stdio: ['pipe', 'pipe', 'pipe'] });
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function readAll(path: string, keys: Parameters<typeof readContainer>[1]) {
  const { sink, received } = collectingSink();
  const result = await readContainer(path, keys, sink);
  return { result, received: Object.fromEntries(received.map((r) => [r.path, sha256(r.bytes)])) };
}
const expected = Object.fromEntries(Object.entries(FILES).map(([path, bytes]) => [path, sha256(bytes)]));

let alice: Clinic;
let bob: Clinic;
beforeAll(async () => {
  alice = await makeClinic();
  bob = await makeClinic('Example Law Clinic South');
});

describe('our files, read by age, tar and openssl', () => {
  it('age -d -i yields a tar that lists and extracts to the same bytes; openssl verifies manifest.sig', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.briefcase');
    await writeContainer(file, entriesFrom(FILES), { sender: alice.public, secrets: alice.secrets, to: { recipients: [bob.public.ageRecipient] } });
    writeFileSync(join(dir, 'key.txt'), `# fictional test key\n${bob.secrets.ageIdentity}\n`);
    const tar = run('age', ['-d', '-i', join(dir, 'key.txt'), file]);
    writeFileSync(join(dir, 'x.tar'), tar);
    const listed = run('tar', ['-tf', join(dir, 'x.tar')]).toString().trim().split('\n');
    expect(listed).toEqual(['manifest.json', 'manifest.sig', ...Object.keys(FILES)]);
    const out = join(dir, 'out');
    mkdirSync(out);
    run('tar', ['-xf', join(dir, 'x.tar'), '-C', out]);
    for (const [path, hash] of Object.entries(expected)) expect(sha256(readFileSync(join(out, path)))).toBe(hash);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.sender.fingerprint).toBe(alice.public.fingerprint);

    // The signature is plain Ed25519 over manifest.json's bytes.
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(manifest.sender.signingKey, 'base64')]);
    writeFileSync(join(dir, 'sender.pem'), `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`);
    writeFileSync(join(dir, 'sig.bin'), Buffer.from(readFileSync(join(out, 'manifest.sig'), 'utf8').trim(), 'base64'));
    const verified = run('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', join(dir, 'sender.pem'), '-rawin', '-in', join(out, 'manifest.json'), '-sigfile', join(dir, 'sig.bin')]);
    expect(verified.toString()).toMatch(/Signature Verified Successfully/);
  });

  it('age -d with the passphrase opens a passphrase file', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.briefcase');
    await writeContainer(file, entriesFrom(FILES), { sender: alice.public, secrets: alice.secrets, to: { passphrase: PASSPHRASE } });
    withTerminal(`age -d -o x.tar ${shellQuote(file)}`, [PASSPHRASE], dir);
    expect(run('tar', ['-tf', join(dir, 'x.tar')]).toString().trim().split('\n')).toEqual(['manifest.json', 'manifest.sig', ...Object.keys(FILES)]);
  }, 30_000);
});

describe('files made by age and tar, read by us', () => {
  /** The plain tar of a container we wrote (alice to herself), to re-encrypt with the CLI. */
  async function plainTar(dir: string): Promise<string> {
    const file = join(dir, 'ours.briefcase');
    await writeContainer(file, entriesFrom(FILES), { sender: alice.public, secrets: alice.secrets, to: { recipients: [alice.public.ageRecipient] } });
    writeFileSync(join(dir, 'alice.txt'), `${alice.secrets.ageIdentity}\n`);
    const tarPath = join(dir, 'plain.tar');
    writeFileSync(tarPath, run('age', ['-d', '-i', join(dir, 'alice.txt'), file]));
    return tarPath;
  }

  it('age -e -r to our X25519 recipient', async () => {
    const dir = tempDir();
    const tarPath = await plainTar(dir);
    const file = join(dir, 'cli.briefcase');
    run('age', ['-e', '-r', bob.public.ageRecipient, '-r', alice.public.ageRecipient, '-o', file, tarPath]);
    const { result, received } = await readAll(file, { identities: [bob.secrets.ageIdentity] });
    expect(result.manifest.sender).toEqual(alice.public);
    expect(received).toEqual(expected);
    // Not to eve.
    const eve = await makeClinic();
    await expect(readAll(file, { identities: [eve.secrets.ageIdentity] })).rejects.toMatchObject({ code: 'WRONG_KEY' });
  });

  it('age -e -p with a passphrase', async () => {
    const dir = tempDir();
    const tarPath = await plainTar(dir);
    withTerminal(`age -e -p -o cli.briefcase ${shellQuote(tarPath)}`, [PASSPHRASE, PASSPHRASE], dir);
    const file = join(dir, 'cli.briefcase');
    expect(readFileSync(file).subarray(0, 40).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
    const { received } = await readAll(file, { passphrase: PASSPHRASE });
    expect(received).toEqual(expected);
    await expect(readAll(file, { passphrase: 'something else entirely' })).rejects.toMatchObject({ code: 'WRONG_KEY' });
  }, 30_000);

  it('an archive rebuilt by GNU tar (ustar and its default format) in manifest order', async () => {
    const dir = tempDir();
    const tarPath = await plainTar(dir);
    const out = join(dir, 'out');
    mkdirSync(out);
    run('tar', ['-xf', tarPath, '-C', out]);
    for (const format of ['ustar', 'gnu']) {
      const rebuilt = join(dir, `${format}.tar`);
      run('tar', [`--format=${format}`, '-cf', rebuilt, '-C', out, 'manifest.json', 'manifest.sig', ...Object.keys(FILES)]);
      const file = join(dir, `${format}.briefcase`);
      run('age', ['-e', '-r', bob.public.ageRecipient, '-o', file, rebuilt]);
      expect((await readAll(file, { identities: [bob.secrets.ageIdentity] })).received).toEqual(expected);
    }
    // GNU tar in another order: the manifest must come first.
    const reordered = join(dir, 'reordered.tar');
    run('tar', ['--format=ustar', '-cf', reordered, '-C', out, 'manifest.sig', 'manifest.json', ...Object.keys(FILES)]);
    run('age', ['-e', '-r', bob.public.ageRecipient, '-o', join(dir, 'r.briefcase'), reordered]);
    await expect(readAll(join(dir, 'r.briefcase'), { identities: [bob.secrets.ageIdentity] })).rejects.toBeInstanceOf(BriefcaseError);
  });

  it('refuses an ASCII-armored age file (the format is binary age)', async () => {
    const dir = tempDir();
    const tarPath = await plainTar(dir);
    run('age', ['-e', '-a', '-r', bob.public.ageRecipient, '-o', join(dir, 'armored'), tarPath]);
    await expect(readAll(join(dir, 'armored'), { identities: [bob.secrets.ageIdentity] })).rejects.toMatchObject({ code: 'EXPORT_DAMAGED' });
  });
});

describe('large files (sealed and opened on a worker thread), both ways', () => {
  it('age -d opens ours to a tar of the same bytes; we open what age -e made of that tar', async () => {
    const dir = tempDir();
    const files = { 'attachments/big': randomFile(OFF_THREAD_FROM + 1_000_003), 'attachments/small': randomFile(5) };
    const hashes = Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, sha256(bytes)]));
    const file = join(dir, 'big.briefcase');
    await writeContainer(file, entriesFrom(files, 1024 * 1024), { sender: alice.public, secrets: alice.secrets, to: { recipients: [bob.public.ageRecipient] } });
    writeFileSync(join(dir, 'bob.txt'), `${bob.secrets.ageIdentity}\n`);
    const tarPath = join(dir, 'big.tar');
    run('age', ['-d', '-i', join(dir, 'bob.txt'), '-o', tarPath, file]);
    const out = join(dir, 'out');
    mkdirSync(out);
    run('tar', ['-xf', tarPath, '-C', out]);
    for (const [path, hash] of Object.entries(hashes)) expect(sha256(readFileSync(join(out, path)))).toBe(hash);

    const cli = join(dir, 'cli.briefcase');
    run('age', ['-e', '-r', bob.public.ageRecipient, '-o', cli, tarPath]);
    const { result, received } = await readAll(cli, { identities: [bob.secrets.ageIdentity] });
    expect(result.manifest.sender).toEqual(alice.public);
    expect(received).toEqual(hashes);
  }, 30_000);
});

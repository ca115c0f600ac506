// "Open": the decrypted copy the core writes for the system's viewer, with a fake platform that
// records what it was given. The copy is byte-for-byte the attachment, private (0700 folders, 0600
// file), named safely, and gone after lock, shutdown or (after a crash) the next unlock.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { openedDir, openedFileName, removeOpenedCopies, type Platform } from '../../../main/core/attachments';
import { DOCX } from '../../../main/core/attachments/media-type';
import { isMainOnly, methodNames } from '../../../preload/contract';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';
import { samples, setup, sha256, upload } from './support';

const posix = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;

/** A platform that records each path and, while "open", what the file held. */
function fakePlatform(options: { fail?: boolean } = {}) {
  const opened: { path: string; sha256: string; mode: number }[] = [];
  const platform: Platform = {
    openPath: async (path) => {
      opened.push({ path, sha256: sha256(readFileSync(path)), mode: mode(path) });
      if (options.fail) throw new Error('no application knows this type: /secret/path');
    },
  };
  return { platform, opened };
}

async function withPlatform(platform: Platform | undefined) {
  const s = await setup();
  s.api.close();
  const api = createApi({ dataDir: s.dir, version: '0.0.0-test', kdfCost: FAST_KDF, ...(platform ? { platform } : {}) });
  const call = async (method: string, input: unknown) => api.call(method, input);
  const { ok } = apiCalls(api);
  await ok('vault.unlock', { passphrase: PASSPHRASE });
  return { ...s, api, ok, call };
}

describe('attachments.open', () => {
  it('is offered to the renderer and takes no path', () => {
    expect(methodNames).toContain('attachments.open');
    expect(isMainOnly('attachments.open')).toBe(false);
  });

  it('hands the platform a private decrypted copy with the right SHA-256, gone after lock', async () => {
    const { platform, opened } = fakePlatform();
    const t = await withPlatform(platform);
    const bytes = samples.pdf(3 * 1024 * 1024 + 17);
    const meta = await upload(t, bytes, { name: 'afgørelse 2021.pdf' });

    expect(await t.ok('attachments.open', { id: meta.id })).toEqual({});
    expect(opened).toHaveLength(1);
    const copy = opened[0]!.path;
    expect(opened[0]!.sha256).toBe(sha256(bytes));
    expect(basename(copy)).toBe('afgørelse 2021.pdf');
    // <dataDir>/opened/<unique>/<name>, and nothing else there (no temporary file left).
    expect(dirname(dirname(copy))).toBe(openedDir(t.dir));
    expect(readdirSync(dirname(copy))).toEqual(['afgørelse 2021.pdf']);
    if (posix) {
      expect(opened[0]!.mode).toBe(0o600);
      expect(mode(dirname(copy))).toBe(0o700);
      expect(mode(openedDir(t.dir))).toBe(0o700);
    }
    // Still there while the vault is open; each open gets its own folder.
    expect(sha256(readFileSync(copy))).toBe(sha256(bytes));
    await t.ok('attachments.open', { id: meta.id });
    expect(dirname(opened[1]!.path)).not.toBe(dirname(copy));
    expect(readdirSync(openedDir(t.dir))).toHaveLength(2);

    await t.ok('vault.lock', {});
    expect(existsSync(copy)).toBe(false);
    expect(existsSync(openedDir(t.dir))).toBe(false);
    t.api.close();
  });

  it('removes the copies when the api closes', async () => {
    const { platform, opened } = fakePlatform();
    const t = await withPlatform(platform);
    const meta = await upload(t, samples.png(), { name: 'photo.png' });
    await t.ok('attachments.open', { id: meta.id });
    expect(existsSync(opened[0]!.path)).toBe(true);
    t.api.close();
    expect(existsSync(openedDir(t.dir))).toBe(false);
  });

  it('removes what a crash left at the next unlock', async () => {
    const t = await withPlatform(fakePlatform().platform);
    await t.ok('vault.lock', {});
    const leftover = join(openedDir(t.dir), 'copy-crashed', 'decision.pdf');
    mkdirSync(dirname(leftover), { recursive: true });
    writeFileSync(leftover, '%PDF-1.4 fictional');
    await t.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(existsSync(openedDir(t.dir))).toBe(false);
    t.api.close();
  });

  it('without a platform answers NOT_SUPPORTED and decrypts nothing to disk', async () => {
    const t = await withPlatform(undefined);
    const meta = await upload(t, samples.text(), { name: 'notes.txt', mediaType: 'text/plain' });
    const envelope = await t.call('attachments.open', { id: meta.id });
    expect(envelope).toEqual({ ok: false, error: { code: 'NOT_SUPPORTED', key: 'errors.NOT_SUPPORTED' } });
    expect(existsSync(openedDir(t.dir))).toBe(false);
    t.api.close();
  });

  it('a platform that cannot open the file → OPEN_FAILED (its message dropped), and the copy is removed', async () => {
    const { platform, opened } = fakePlatform({ fail: true });
    const t = await withPlatform(platform);
    const meta = await upload(t, samples.jpeg(), { name: 'scan.jpg' });
    const envelope = await t.call('attachments.open', { id: meta.id });
    expect(envelope).toEqual({ ok: false, error: { code: 'OPEN_FAILED', key: 'errors.OPEN_FAILED' } });
    expect(opened).toHaveLength(1);
    expect(existsSync(opened[0]!.path)).toBe(false);
    expect(readdirSync(openedDir(t.dir))).toEqual([]);
    t.api.close();
  });

  it('an unknown attachment → NOT_FOUND; a locked vault → VAULT_LOCKED', async () => {
    const { platform, opened } = fakePlatform();
    const t = await withPlatform(platform);
    const missing = await t.call('attachments.open', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    await t.ok('vault.lock', {});
    const locked = await t.call('attachments.open', { id: '00000000-0000-4000-8000-000000000000' });
    expect(locked.ok ? null : locked.error.code).toBe('VAULT_LOCKED');
    expect(opened).toEqual([]);
    t.api.close();
  });

  it('removeOpenedCopies is a no-op without the folder', () => {
    expect(removeOpenedCopies(tempDir())).toBe(0);
  });
});

describe('the opened copy’s name', () => {
  it('keeps a name whose extension matches the stored type (lower-cased)', () => {
    expect(openedFileName('afgørelse.pdf', 'application/pdf')).toBe('afgørelse.pdf');
    expect(openedFileName('Scan.JPEG', 'image/jpeg')).toBe('Scan.jpeg');
    expect(openedFileName('brief.docx', DOCX)).toBe('brief.docx');
  });

  it('takes the extension from the stored type, never from the name alone', () => {
    expect(openedFileName('notes.bat', 'text/plain')).toBe('notes.bat.txt');
    expect(openedFileName('letter.exe', 'application/pdf')).toBe('letter.exe.pdf');
    expect(openedFileName('photo', 'image/png')).toBe('photo.png');
    expect(() => openedFileName('x.bin', 'application/octet-stream')).toThrow('UNSUPPORTED_FILE_TYPE');
  });

  it('cannot leave its folder or be hidden, and is safe on Windows', () => {
    expect(openedFileName('../../.ssh/authorized_keys', 'text/plain')).toBe('_.._.ssh_authorized_keys.txt');
    expect(openedFileName('..', 'text/plain')).toBe('attachment.txt');
    expect(openedFileName('.hidden.pdf', 'application/pdf')).toBe('hidden.pdf');
    expect(openedFileName('a:b*c?"d<e>f|g\u0001.pdf', 'application/pdf')).toBe('a_b_c__d_e_f_g_.pdf');
    expect(openedFileName('CON.txt', 'text/plain')).toBe('_CON.txt');
    expect(openedFileName('report. . ', 'application/pdf')).toBe('report.pdf');
  });

  it('stays within the file system’s 255 bytes', () => {
    const name = openedFileName(`${'ø'.repeat(300)}.pdf`, 'application/pdf');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

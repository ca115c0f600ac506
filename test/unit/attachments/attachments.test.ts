// Attachments through the handler table: the upload protocol, its failures (each leaving no
// trace), media types, reading, saving a copy, deleting, and the clean-up of what a crash left.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES, type AttachmentMeta } from '../../../preload/contract';
import { DOCX, listAttachments, removeLeftoverUploads } from '../../../main/core/attachments';
import { nameFromPath } from '../../../main/core/attachments/service';
import { PASSPHRASE } from '../helpers';
import { readAll, samples, setup, sha256, upload } from './support';

const MiB = ATTACHMENT_CHUNK_BYTES;

describe('attachments: begin / append / commit', () => {
  it('stores a file in chunks, lists its metadata and gives the same bytes back', async () => {
    const s = await setup();
    const bytes = samples.pdf(2 * MiB + 12_345);
    const meta = await upload(s, bytes, { name: 'afgørelse.pdf', documentDate: '2021-03', description: 'Decision letter (fictional)' });
    expect(meta).toMatchObject({
      name: 'afgørelse.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      documentDate: '2021-03',
      description: 'Decision letter (fictional)',
    });
    expect(s.rows()).toEqual({ attachments: 1, chunks: 3 });
    expect(listAttachments(s.api.vault.db, s.caseId)).toEqual([meta]);
    expect(sha256(await readAll(s, meta.id))).toBe(sha256(bytes));
    expect(await s.fails('attachments.read', { id: meta.id, index: 3 })).toBe('NOT_FOUND');
    s.api.close();
  });

  it('is invisible until committed, and survives a lock once committed', async () => {
    const s = await setup();
    const bytes = samples.text();
    const { uploadId } = await s.ok<{ uploadId: string }>('attachments.begin', { caseId: s.caseId, name: 'notes.txt', mediaType: 'text/plain', size: bytes.length });
    await s.ok('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') });
    expect(listAttachments(s.api.vault.db, s.caseId)).toEqual([]);
    expect(await s.fails('attachments.read', { id: uploadId, index: 0 })).toBe('NOT_FOUND');
    expect(await s.fails('attachments.delete', { id: uploadId })).toBe('NOT_FOUND');
    const meta = await s.ok<AttachmentMeta>('attachments.commit', { uploadId, sha256: sha256(bytes) });
    expect(meta.id).toBe(uploadId);
    await s.ok('vault.lock', {});
    await s.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(listAttachments(s.api.vault.db, s.caseId)).toEqual([meta]);
    s.api.close();
  });

  it('accepts chunks smaller than the maximum and an empty file', async () => {
    const s = await setup();
    const bytes = samples.pdf(100_000);
    const meta = await upload(s, bytes, { chunk: 7_000 });
    expect(await readAll(s, meta.id)).toEqual(bytes);
    const empty = await upload(s, Buffer.alloc(0), { name: 'empty.txt', mediaType: 'text/plain' });
    expect(empty).toMatchObject({ size: 0, mediaType: 'text/plain', sha256: sha256(Buffer.alloc(0)) });
    expect(await s.ok('attachments.read', { id: empty.id, index: 0 })).toEqual({ data: '', last: true });
    s.api.close();
  });

  it('refuses an upload to a case that does not exist', async () => {
    const s = await setup();
    const input = { caseId: '00000000-0000-4000-8000-000000000000', name: 'x.pdf', mediaType: 'application/pdf', size: 1 };
    expect(await s.fails('attachments.begin', input)).toBe('NOT_FOUND');
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    s.api.close();
  });

  const failures: [string, (s: Awaited<ReturnType<typeof setup>>, uploadId: string, bytes: Buffer) => Promise<string>][] = [
    ['a chunk out of order → INVALID_INPUT', (s, uploadId, bytes) => s.fails('attachments.append', { uploadId, index: 1, data: bytes.toString('base64') })],
    [
      'more bytes than declared → SIZE_MISMATCH',
      (s, uploadId, bytes) => s.fails('attachments.append', { uploadId, index: 0, data: Buffer.concat([bytes, Buffer.from('!')]).toString('base64') }),
    ],
    [
      'fewer bytes than declared → SIZE_MISMATCH at commit',
      async (s, uploadId, bytes) => {
        await s.ok('attachments.append', { uploadId, index: 0, data: bytes.subarray(0, 100).toString('base64') });
        return s.fails('attachments.commit', { uploadId, sha256: sha256(bytes) });
      },
    ],
    [
      'another SHA-256 → HASH_MISMATCH',
      async (s, uploadId, bytes) => {
        await s.ok('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') });
        return s.fails('attachments.commit', { uploadId, sha256: sha256(Buffer.from('something else')) });
      },
    ],
    [
      'abort → (no error)',
      async (s, uploadId, bytes) => {
        await s.ok('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') });
        await s.ok('attachments.abort', { uploadId });
        await s.ok('attachments.abort', { uploadId }); // idempotent
        return 'aborted';
      },
    ],
  ];
  const expected = ['INVALID_INPUT', 'SIZE_MISMATCH', 'SIZE_MISMATCH', 'HASH_MISMATCH', 'aborted'];

  failures.forEach(([title, fail], i) => {
    it(`leaves no trace after ${title}`, async () => {
      const s = await setup();
      const kept = await upload(s, samples.png(), { name: 'kept.png' });
      const before = s.rows();
      const bytes = samples.pdf(5_000);
      const { uploadId } = await s.ok<{ uploadId: string }>('attachments.begin', { caseId: s.caseId, name: 'x.pdf', mediaType: 'application/pdf', size: bytes.length });
      expect(await fail(s, uploadId, bytes)).toBe(expected[i]);
      expect(s.rows()).toEqual(before);
      expect(listAttachments(s.api.vault.db, s.caseId)).toEqual([kept]);
      // The upload is gone: carrying on with it is refused.
      expect(await s.fails('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') })).toBe('UPLOAD_NOT_FOUND');
      expect(await s.fails('attachments.commit', { uploadId, sha256: sha256(bytes) })).toBe('UPLOAD_NOT_FOUND');
      s.api.close();
    });
  });

  it('refuses a chunk larger than ATTACHMENT_CHUNK_BYTES and an empty chunk', async () => {
    const s = await setup();
    const { uploadId } = await s.ok<{ uploadId: string }>('attachments.begin', { caseId: s.caseId, name: 'x.pdf', mediaType: 'application/pdf', size: 3 * MiB });
    expect(await s.fails('attachments.append', { uploadId, index: 0, data: samples.pdf(MiB + 3).toString('base64') })).toBe('INVALID_INPUT');
    const second = await s.ok<{ uploadId: string }>('attachments.begin', { caseId: s.caseId, name: 'x.pdf', mediaType: 'application/pdf', size: 3 });
    expect(await s.fails('attachments.append', { uploadId: second.uploadId, index: 0, data: '' })).toBe('INVALID_INPUT');
    expect(s.rows().chunks).toBe(0);
    await s.ok('attachments.abort', { uploadId });
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    s.api.close();
  });

  it('removes on unlock what a lock mid-upload or a crash left pending', async () => {
    const s = await setup();
    const bytes = samples.pdf(3_000);
    const { uploadId } = await s.ok<{ uploadId: string }>('attachments.begin', { caseId: s.caseId, name: 'x.pdf', mediaType: 'application/pdf', size: bytes.length * 2 });
    await s.ok('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') });
    // A crash: a pending row and a chunk written directly, with no upload in memory for them.
    s.api.vault.db
      .prepare("INSERT INTO attachments (id, case_id, name, media_type, size, added_at) VALUES ('crashed', ?, 'y.pdf', 'application/pdf', 9, 't')")
      .run(s.caseId);
    s.api.vault.db.prepare("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES ('crashed', 0, x'00')").run();
    expect(s.rows()).toEqual({ attachments: 2, chunks: 2 });
    // While the vault is open, the running upload is not touched.
    expect(removeLeftoverUploads(s.api.vault.db)).toBe(1);
    expect(s.rows()).toEqual({ attachments: 1, chunks: 1 });
    await s.ok('vault.lock', {});
    await s.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    expect(await s.fails('attachments.append', { uploadId, index: 1, data: bytes.toString('base64') })).toBe('UPLOAD_NOT_FOUND');
    s.api.close();
  });

  it('an upload does not outlive its case', async () => {
    const s = await setup();
    const bytes = samples.pdf(3_000);
    const { uploadId } = await s.ok<{ uploadId: string }>('attachments.begin', { caseId: s.caseId, name: 'x.pdf', mediaType: 'application/pdf', size: bytes.length });
    s.api.vault.db.prepare('DELETE FROM cases WHERE id = ?').run(s.caseId);
    expect(await s.fails('attachments.append', { uploadId, index: 0, data: bytes.toString('base64') })).toBe('UPLOAD_NOT_FOUND');
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    s.api.close();
  });
});

describe('attachments: media types', () => {
  const cases: [string, () => Buffer, string, string][] = [
    ['a PDF sent as octet-stream', () => samples.pdf(), 'application/octet-stream', 'application/pdf'],
    ['a PNG that says it is a JPEG', samples.png, 'image/jpeg', 'image/png'],
    ['a JPEG with parameters in its type', samples.jpeg, 'Image/JPEG; q=1', 'image/jpeg'],
    ['Danish UTF-8 text', samples.text, 'application/octet-stream', 'text/plain'],
    ['Danish Windows-1252 text as Markdown', samples.latin1Text, 'text/markdown', 'text/markdown'],
    ['text claimed to be a PDF', samples.text, 'application/pdf', 'text/plain'],
    ['UTF-16 text with its byte-order mark', () => Buffer.from('\ufeffNoter fra samtalen', 'utf16le'), 'application/octet-stream', 'text/plain'],
    ['a DOCX whose word/ entry is past the first bytes', () => samples.docx(), 'application/octet-stream', DOCX],
    ['a DOCX whose word/ entry is in the second chunk', () => samples.docx(MiB + 10), 'application/zip', DOCX],
  ];
  for (const [title, make, claimed, stored] of cases) {
    it(`stores ${title} as ${stored}`, async () => {
      const s = await setup();
      expect((await upload(s, make(), { mediaType: claimed })).mediaType).toBe(stored);
      s.api.close();
    });
  }

  it('refuses an executable at its first chunk and a zip that is not a DOCX at commit, leaving no trace', async () => {
    const s = await setup();
    const exe = Buffer.concat([samples.exe(), randomBytes(MiB)]);
    const first = await s.ok<{ uploadId: string }>('attachments.begin', { caseId: s.caseId, name: 'setup.pdf', mediaType: 'application/pdf', size: exe.length });
    const code = await s.fails('attachments.append', { uploadId: first.uploadId, index: 0, data: exe.subarray(0, MiB).toString('base64') });
    expect(code).toBe('UNSUPPORTED_FILE_TYPE');
    await expect(upload(s, samples.zip(), { mediaType: DOCX })).rejects.toThrow(/UNSUPPORTED_FILE_TYPE/);
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    s.api.close();
  });

  it('decides on the first 8 KiB even when they come in small chunks', async () => {
    const s = await setup();
    const exe = Buffer.concat([samples.exe(), Buffer.alloc(20_000, 0)]);
    const { uploadId } = await s.ok<{ uploadId: string }>('attachments.begin', { caseId: s.caseId, name: 'x', mediaType: 'application/octet-stream', size: exe.length });
    for (let index = 0; index < 8; index += 1) {
      await s.ok('attachments.append', { uploadId, index, data: exe.subarray(index * 1000, index * 1000 + 1000).toString('base64') });
    }
    expect(await s.fails('attachments.append', { uploadId, index: 8, data: exe.subarray(8000, 9000).toString('base64') })).toBe('UNSUPPORTED_FILE_TYPE');
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    s.api.close();
  });
});

describe('attachments: addFromPath, saveCopy, delete', () => {
  it('adds a file from disk, saves a copy byte for byte, and deletes it with its chunks', async () => {
    const s = await setup();
    const source = join(s.dir, 'indkaldelse.pdf');
    const bytes = samples.pdf(3 * MiB + 1);
    writeFileSync(source, bytes);
    const meta = await s.ok<AttachmentMeta>('attachments.addFromPath', { caseId: s.caseId, path: source, documentDate: '2012-03-15', description: 'Call-up (fictional)' });
    expect(meta).toMatchObject({ name: 'indkaldelse.pdf', mediaType: 'application/pdf', size: bytes.length, sha256: sha256(bytes), documentDate: '2012-03-15' });
    expect(s.rows()).toEqual({ attachments: 1, chunks: 4 });

    const out = join(s.dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'copy.pdf'), 'an older file, replaced');
    expect(await s.ok('attachments.saveCopy', { id: meta.id, path: join(out, 'copy.pdf') })).toEqual({ bytes: bytes.length });
    expect(sha256(readFileSync(join(out, 'copy.pdf')))).toBe(meta.sha256);
    expect(readdirSync(out)).toEqual(['copy.pdf']);
    if (process.platform !== 'win32') expect(statSync(join(out, 'copy.pdf')).mode & 0o777).toBe(0o600);

    expect(await s.ok('attachments.delete', { id: meta.id })).toEqual({});
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    expect(await s.fails('attachments.delete', { id: meta.id })).toBe('NOT_FOUND');
    expect(await s.fails('attachments.saveCopy', { id: meta.id, path: join(out, 'again.pdf') })).toBe('NOT_FOUND');
    s.api.close();
  });

  it('reports a missing file, a folder and an unknown case, and stores nothing', async () => {
    const s = await setup();
    expect(await s.fails('attachments.addFromPath', { caseId: s.caseId, path: join(s.dir, 'missing.pdf') })).toBe('FILE_NOT_READABLE');
    expect(await s.fails('attachments.addFromPath', { caseId: s.caseId, path: s.dir })).toBe('FILE_NOT_READABLE');
    writeFileSync(join(s.dir, 'a.pdf'), samples.pdf());
    expect(await s.fails('attachments.addFromPath', { caseId: '00000000-0000-4000-8000-000000000000', path: join(s.dir, 'a.pdf') })).toBe('NOT_FOUND');
    writeFileSync(join(s.dir, 'tool.exe'), samples.exe());
    expect(await s.fails('attachments.addFromPath', { caseId: s.caseId, path: join(s.dir, 'tool.exe') })).toBe('UNSUPPORTED_FILE_TYPE');
    expect(s.rows()).toEqual({ attachments: 0, chunks: 0 });
    s.api.close();
  });

  it('never leaves a partial copy: an unwritable target leaves the folder as it was', async () => {
    const s = await setup();
    const meta = await upload(s, samples.pdf(50_000));
    expect(await s.fails('attachments.saveCopy', { id: meta.id, path: join(s.dir, 'no', 'such', 'folder.pdf') })).toBe('FILE_NOT_READABLE');
    const out = join(s.dir, 'out');
    mkdirSync(join(out, 'taken.pdf'), { recursive: true }); // a folder where the file should go
    expect(await s.fails('attachments.saveCopy', { id: meta.id, path: join(out, 'taken.pdf') })).toBe('FILE_NOT_READABLE');
    expect(readdirSync(out)).toEqual(['taken.pdf']);
    s.api.close();
  });

  it('refuses to save a copy whose stored bytes no longer match their SHA-256', async () => {
    const s = await setup();
    const meta = await upload(s, samples.pdf(50_000));
    const db = s.api.vault.db;
    const { data } = db.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = 0').get(meta.id) as { data: Buffer };
    data[100] = data[100]! ^ 0xff;
    db.prepare('UPDATE attachment_chunks SET data = ? WHERE attachment_id = ? AND seq = 0').run(data, meta.id);
    const out = join(s.dir, 'out');
    mkdirSync(out);
    expect(await s.fails('attachments.saveCopy', { id: meta.id, path: join(out, 'copy.pdf') })).toBe('VAULT_DAMAGED');
    expect(readdirSync(out)).toEqual([]);
    s.api.close();
  });

  it('makes a file name a single line of at most 255 characters', () => {
    expect(nameFromPath('/tmp/line\nbreak.txt')).toBe('line\ufffdbreak.txt');
    expect(nameFromPath(`/tmp/${'æ'.repeat(300)}.pdf`)).toHaveLength(255);
    expect(nameFromPath(`/tmp/${'😀'.repeat(200)}`)).toHaveLength(254); // never half a surrogate pair
    expect(nameFromPath('/tmp/ ')).toBe('attachment');
  });
});

// Shared set-up for the attachment tests: an api over a fresh vault with one fictional case,
// fictional file contents of each kind, and helpers that upload through the contract.
import { createHash, randomBytes } from 'node:crypto';
import { ATTACHMENT_CHUNK_BYTES, type AttachmentMeta } from '../../../preload/contract';
import { createApi, type Api } from '../../../main/core/api';
import { apiCalls, readAllChunks } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

export interface Setup {
  api: Api;
  caseId: string;
  dir: string;
  /** Calls a method and returns its value, failing the test on an error envelope. */
  ok: <T = unknown>(method: string, input: unknown) => Promise<T>;
  /** Calls a method that must fail and returns the error code. */
  fails: (method: string, input: unknown) => Promise<string>;
  /** Rows in attachments and attachment_chunks, pending or not: "no trace" means both are as before. */
  rows: () => { attachments: number; chunks: number };
}

export async function setup(): Promise<Setup> {
  const dir = tempDir();
  const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
  const { ok, failure } = apiCalls(api);
  const fails = async (method: string, input: unknown): Promise<string> => (await failure(method, input)).code;
  await ok('vault.create', { passphrase: PASSPHRASE });
  const created = await ok<{ id: string }>('cases.create', { reference: 'BC-2026-101', clientName: 'Testa Fictiva' });
  const rows = () => ({
    attachments: (api.vault.db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n,
    chunks: (api.vault.db.prepare('SELECT count(*) AS n FROM attachment_chunks').get() as { n: number }).n,
  });
  return { api, caseId: created.id, dir, ok, fails, rows };
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Fictional content of each kind, recognisable from the first bytes. */
export const samples = {
  pdf: (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n% fictional decision letter\n'), randomBytes(Math.max(0, size - 37))]).subarray(0, size),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(500)]),
  text: () => Buffer.from('Samtale med klienten den 3. marts: indkaldelse til militærtjeneste modtaget i 2012.\n', 'utf8'),
  latin1Text: () => Buffer.from('Indkaldelse modtaget, jf. bilag 2. Søster bor i Århus.\r\n', 'latin1'),
  /** A zip whose first entry is [Content_Types].xml and whose word/ entry comes after `gap` bytes. */
  docx: (gap = 20_000) =>
    Buffer.concat([
      Buffer.from('PK\x03\x04\x14\x00\x00\x00\x00\x00[Content_Types].xml', 'latin1'),
      Buffer.alloc(gap, 0x20),
      Buffer.from('PK\x03\x04\x14\x00\x00\x00\x00\x00word/document.xml<w:document/>', 'latin1'),
      Buffer.from('PK\x05\x06', 'latin1'),
      Buffer.alloc(18),
    ]),
  zip: () => Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x00\x00notes/readme.txt', 'latin1'), randomBytes(300)]),
  exe: () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(300)]),
};

/** Uploads `bytes` through begin/append/commit in chunks of `chunk` bytes. */
export async function upload(
  s: Setup,
  bytes: Buffer,
  options: { name?: string; mediaType?: string; chunk?: number; documentDate?: string; description?: string } = {},
): Promise<AttachmentMeta> {
  const { uploadId } = await s.ok<{ uploadId: string }>('attachments.begin', {
    caseId: s.caseId,
    name: options.name ?? 'document.bin',
    mediaType: options.mediaType ?? 'application/octet-stream',
    size: bytes.length,
    ...(options.documentDate ? { documentDate: options.documentDate } : {}),
    ...(options.description ? { description: options.description } : {}),
  });
  const step = options.chunk ?? ATTACHMENT_CHUNK_BYTES;
  for (let index = 0, offset = 0; offset < bytes.length; index += 1, offset += step) {
    await s.ok('attachments.append', { uploadId, index, data: bytes.subarray(offset, offset + step).toString('base64') });
  }
  return s.ok<AttachmentMeta>('attachments.commit', { uploadId, sha256: sha256(bytes) });
}

/** Reads an attachment back through attachments.read, chunk by chunk. */
export const readAll = (s: Setup, id: string): Promise<Buffer> => readAllChunks(s.ok, 'attachments.read', id);

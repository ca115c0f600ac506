// Temporary files (issue 7, item 8): what the core writes outside the vault while it works — an
// attachment's decrypted copy for the viewer, an export awaiting download, an import being
// uploaded — lives in private folders under the data folder and is gone after a lock and after
// the api closes; documents and previews stay in the vault and in memory; nothing goes to the
// system's temp folder; and afterwards no file in the data folder holds the client's name.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../main/core/api';
import type { Platform } from '../../../main/core/attachments';
import type { DocumentVersion } from '../../../preload/contract';
import type { ExportResult } from '../../../preload/schemas/exchange';
import { addDemoCase } from '../../../scripts/demo';
import { filesUnder, scanForNames } from '../../e2e/leaks/scan';
import { apiCalls, readAllChunks, type ApiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

/** The demo case's client (scripts/demo.ts), fictional. */
const CLIENT = 'Samir Testsen';

// os.tmpdir() follows TMPDIR: pointed at an empty folder of its own, anything the core (or a
// library under it) writes to "the temp folder" lands where the test can see it.
let systemTemp: string;
let savedTmpdir: string | undefined;
beforeEach(() => {
  savedTmpdir = process.env.TMPDIR;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});

interface Session extends ApiCalls {
  api: Api;
  dataDir: string;
  /** Files under the data folder's in-flight folders (opened/, exports/, uploads/). */
  inFlight: () => string[];
}

/** An open vault with the demo case, an opened attachment copy, an export and a half-done upload. */
async function busySession(): Promise<Session> {
  const dataDir = tempDir();
  const scratch = tempDir();
  systemTemp = tempDir();
  process.env.TMPDIR = systemTemp;
  // A viewer that only checks the copy is there and holds the attachment's bytes.
  const platform: Platform = { openPath: async (path) => void readFileSync(path) };
  const api = createApi({ dataDir, version: '0.0.0-test', kdfCost: FAST_KDF, platform });
  const calls = apiCalls(api);
  await calls.ok('vault.create', { passphrase: PASSPHRASE });
  await calls.ok('clinic.setup', { profile: { name: 'Fiktiv Retshjælp', address: 'Testvej 1\n8000 Aarhus C', contact: 'kontakt@example.org' } });
  const caseId = await addDemoCase(api, scratch);

  // A note that names the client, opened for the viewer: a decrypted copy in clear, on purpose.
  const note = Buffer.from(`Samtalenotat: ${CLIENT} fortalte om indkaldelsen (fiktivt).\n`, 'utf8');
  const { uploadId: noteUpload } = await calls.ok<{ uploadId: string }>('attachments.begin', {
    caseId,
    name: 'samtalenotat.txt',
    mediaType: 'text/plain',
    size: note.length,
  });
  await calls.ok('attachments.append', { uploadId: noteUpload, index: 0, data: note.toString('base64') });
  const noteMeta = await calls.ok<{ id: string }>('attachments.commit', { uploadId: noteUpload, sha256: createHash('sha256').update(note).digest('hex') });
  await calls.ok('attachments.open', { id: noteMeta.id });
  await calls.ok<ExportResult>('exchange.export', { caseIds: [caseId], to: { kind: 'passphrase', passphrase: 'a passphrase of some length' } });
  const { uploadId } = await calls.ok<{ uploadId: string }>('exchange.uploadBegin', { size: 4096 });
  await calls.ok('exchange.uploadAppend', { uploadId, index: 0, data: Buffer.alloc(1024, 7).toString('base64') });
  // A generated document, read back the way the in-app preview reads it: chunks into memory.
  const version = await calls.ok<DocumentVersion>('documents.generate', {
    caseId,
    templateId: 'cover-letter',
    language: 'en',
    format: 'pdf',
    acknowledgeStale: true,
  });
  expect((await readAllChunks(calls.ok, 'documents.read', version.id)).subarray(0, 5).toString()).toBe('%PDF-');

  const inFlight = () => ['opened', 'exports', 'uploads'].flatMap((folder) => filesUnder(join(dataDir, folder)));
  return { ...calls, api, dataDir, inFlight };
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('temporary files', () => {
  it("the app's code never uses the system temp folder: no tmpdir(), no /tmp, no TEMP or TMP", () => {
    const offenders = ['main', 'preload', 'renderer/src']
      .flatMap(sources)
      .filter((file) => /\btmpdir\b|['"`]\/tmp\b|process\.env\.(TEMP|TMP|TMPDIR)\b/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('a lock removes the opened copy, the export awaiting download and the upload in progress', async () => {
    const s = await busySession();
    expect(s.inFlight().map((path) => path.slice(s.dataDir.length + 1).split('/')[0]).sort()).toEqual(['exports', 'opened', 'uploads']);
    expect(scanForNames([s.dataDir], [CLIENT]).map((hit) => hit.path.slice(s.dataDir.length + 1).split('/')[0])).toContain('opened');
    await s.ok('vault.lock', {});
    expect(s.inFlight()).toEqual([]);
    expect(filesUnder(systemTemp)).toEqual([]);
    expect(scanForNames([s.dataDir], [CLIENT])).toEqual([]);
    s.api.close();
  }, 120_000);

  it('closing the api (quitting the app) removes them too', async () => {
    const s = await busySession();
    expect(s.inFlight()).toHaveLength(3);
    s.api.close();
    expect(s.inFlight()).toEqual([]);
    expect(filesUnder(systemTemp)).toEqual([]);
    expect(scanForNames([s.dataDir], [CLIENT])).toEqual([]);
  }, 120_000);

  it("while the vault is open, the only clear copy of the client's data on disk is the one opened for the viewer", async () => {
    const s = await busySession();
    // The demo attachments are fictional letters; the decrypted copy is what a viewer must read.
    const outsideOpened = scanForNames([s.dataDir], [CLIENT]).filter((hit) => !hit.path.startsWith(join(s.dataDir, 'opened')));
    expect(outsideOpened).toEqual([]);
    // …and the scan does see the name where it is in clear (the fictional letter, opened).
    expect(scanForNames([join(s.dataDir, 'opened')], [CLIENT]).length).toBeGreaterThan(0);
    expect(filesUnder(systemTemp)).toEqual([]);
    s.api.close();
  }, 120_000);
});

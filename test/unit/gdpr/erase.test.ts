// Erasing a client (main/core/gdpr/erase.ts, cases.erase). The claim is about bytes on disk, so the
// tests read the files, not the API:
// - a plain (unencrypted) SQLite database with the vault's schema (migrate()) and the same service
//   functions is searched raw for the name (UTF-8, UTF-16 both ways, folded) and for slices of
//   every stored file: whatever is in a plain file is exactly what would be inside the encrypted
//   pages, so its absence there is the absence of the plaintext;
// - the encrypted vault's every page, and every frame of its -wal, are decrypted outside SQLite
//   (sqlcipher-pages.ts) and searched the same way; free pages must be all zeros.
// Each search first finds the name before the erasure, so a search that cannot see is caught.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../main/core/api';
import { insertImport, markPreviewed } from '../../../main/core/exchange/staging';
import { eraseCase } from '../../../main/core/gdpr/erase';
import { readKeyFile } from '../../../main/core/vault/keyfile';
import { keyIfCorrect } from '../../../main/core/vault/kdf';
import { migrate } from '../../../main/core/vault/migrations';
import { configure, openEncrypted, openPlain, type Db } from '../../../main/core/vault/sqlite';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';
import { ERASED_NAME, ERASED_REFERENCE, KEPT_NAME, KEPT_REFERENCE, addAmalCase, addKeptCase, found, loadLibrary, nameNeedles } from './fixture';
import { PAGE, decryptFile, decryptWal, isZero } from './sqlcipher-pages';

const NEEDLES = nameNeedles(ERASED_NAME);
const rawOf = (path: string) => (existsSync(path) ? readFileSync(path) : Buffer.alloc(0));
const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

/** Every row of every table as JSON: what a full scan through SQLite can see. */
function everyRow(db: Db, except: string[] = []): string {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as { name: string }[]).filter(
    (t) => !except.includes(t.name),
  );
  return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).raw().all(), (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))).join('\n');
}

/** A snapshot of every table's rows, to show a refused erasure changed nothing. */
const snapshot = (db: Db) => everyRow(db);

/** The free-list leaf pages named by page 1 and the trunk pages (decrypted or plain pages). */
function freeListPages(pages: Buffer[]): { trunks: number[]; leaves: number[] } {
  const trunks: number[] = [];
  const leaves: number[] = [];
  for (let trunk = pages[0]!.readUInt32BE(32); trunk !== 0; ) {
    trunks.push(trunk);
    const page = pages[trunk - 1]!;
    const n = page.readUInt32BE(4);
    for (let i = 0; i < n; i += 1) leaves.push(page.readUInt32BE(8 + 4 * i));
    trunk = page.readUInt32BE(0);
  }
  return { trunks, leaves };
}

describe('erasing a client', () => {
  it('leaves neither her name nor any stored byte of her files in the raw bytes of a plain database with the vault schema', async () => {
    const dir = tempDir();
    const path = join(dir, 'plain.sqlite');
    const db = openPlain(path);
    configure(db); // the vault's pragmas: WAL, secure_delete, foreign keys
    migrate(db);
    loadLibrary(db);
    const amal = await addAmalCase(db, dir);
    const keptId = addKeptCase(db, amal.caseId);
    const excerptsBefore = count(db, 'SELECT count(*) AS n FROM excerpts');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = Buffer.concat([rawOf(path), rawOf(`${path}-wal`)]);
    // The control: the search sees her in clear, in both spellings SQLite would store here.
    expect(found(before, NEEDLES)).toEqual(expect.arrayContaining([0, 3]));
    for (const marker of amal.blobMarkers) expect(before.includes(marker)).toBe(true);

    const result = eraseCase(db, { caseId: amal.caseId, confirmReference: ERASED_REFERENCE });
    expect(result.deleted).toMatchObject({ cases: 1, case_sections: 6, attachments: 1, case_documents: 2, case_evidence: amal.excerptIds.length });
    expect(result.unlinked).toBe(1);

    expect(statSync(`${path}-wal`).size).toBe(0);
    const after = Buffer.concat([rawOf(path), rawOf(`${path}-wal`)]);
    expect(found(after, NEEDLES)).toEqual([]);
    for (const marker of amal.blobMarkers) expect(after.includes(marker)).toBe(false);
    // Only her: the other client, the library and its search index are still there.
    expect(after.includes(Buffer.from(KEPT_NAME))).toBe(true);
    expect(count(db, 'SELECT count(*) AS n FROM excerpts')).toBe(excerptsBefore);
    expect(count(db, `SELECT count(*) AS n FROM excerpt_search WHERE excerpt_search MATCH 'syria'`)).toBeGreaterThan(0);
    const household = JSON.parse(db.prepare(`SELECT data FROM case_sections WHERE case_id = ? AND section = 'household'`).pluck().get(keptId) as string) as { linkedCaseId: string | null }[];
    expect(household.map((m) => m.linkedCaseId)).toEqual([null]);
    db.close();
  });

  it('leaves no page of the encrypted vault or its -wal, decrypted, holding her name, wipes every free page to zeros and removes opened copies', async () => {
    const dir = tempDir();
    const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
    const { ok } = apiCalls(api);
    await ok('vault.create', { passphrase: PASSPHRASE });
    const path = api.vault.path!;
    const key = (await keyIfCorrect(PASSPHRASE, readKeyFile(path).current))!;
    const db = api.vault.db;
    loadLibrary(db);
    const amal = await addAmalCase(db, dir);
    await ok('cases.create', { clientName: KEPT_NAME, reference: KEPT_REFERENCE });

    const pagesBefore = [...decryptFile(rawOf(path), key), ...decryptWal(rawOf(`${path}-wal`), key)];
    // The decryption is right (page 1 reads as a SQLite header with 4096-byte pages)…
    expect(pagesBefore[0]!.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(pagesBefore[0]!.readUInt16BE(16)).toBe(PAGE);
    // …and it sees her name and her files before the erasure.
    const joinedBefore = Buffer.concat(pagesBefore);
    expect(found(joinedBefore, NEEDLES)).toEqual(expect.arrayContaining([0, 3]));
    for (const marker of amal.blobMarkers) expect(joinedBefore.includes(marker)).toBe(true);
    // The raw file alone shows nothing either way: it is encrypted.
    expect(found(rawOf(path), NEEDLES)).toEqual([]);

    // A copy of her attachment opened in a viewer (attachments/open.ts keeps them under opened/).
    const opened = join(dir, 'opened', 'a1b2c3');
    mkdirSync(opened, { recursive: true });
    writeFileSync(join(opened, 'statement.txt'), `Statement of ${ERASED_NAME}`);

    await ok('cases.erase', { caseId: amal.caseId, confirmReference: `  ${ERASED_REFERENCE} ` });
    expect(existsSync(join(dir, 'opened'))).toBe(false);

    // The -wal was checkpointed and cut to zero by the erasure; what it holds now was written after
    // it (the audit trail's entry, ids only), and is searched too.
    const walPages = decryptWal(rawOf(`${path}-wal`), key);
    expect(walPages.length).toBeLessThanOrEqual(2);
    const pages = decryptFile(rawOf(path), key);
    expect(pages.length).toBe(db.pragma('page_count', { simple: true }));
    const joined = Buffer.concat([...pages, ...walPages]);
    expect(found(joined, NEEDLES)).toEqual([]);
    for (const marker of amal.blobMarkers) expect(joined.includes(marker)).toBe(false);
    expect(joined.includes(Buffer.from(KEPT_NAME))).toBe(true);

    // Her attachment and documents freed megabytes of pages: every free-list leaf is zeros, and the
    // trunks hold nothing but page numbers (the search above covers them).
    const { trunks, leaves } = freeListPages(pages);
    expect(trunks.length + leaves.length).toBe(db.pragma('freelist_count', { simple: true }));
    expect(leaves.length).toBeGreaterThan(0);
    expect(leaves.filter((n) => !isZero(pages[n - 1]!))).toEqual([]);

    // Through SQLite: no row anywhere names her, and no table but the audit trail (which keeps
    // ids, never content, and survives erasure by design) still holds the case's id.
    expect(everyRow(db).includes(ERASED_NAME)).toBe(false);
    expect(everyRow(db, ['audit_log']).includes(amal.caseId)).toBe(false);
    expect((await api.call('cases.get', { id: amal.caseId })).ok).toBe(false);
    api.close();
  });

  it('removes an import being previewed that names the case, with its staged entries, and keeps the others', async () => {
    const db = openPlain(join(tempDir(), 'plain.sqlite'));
    configure(db);
    migrate(db);
    loadLibrary(db);
    const amal = await addAmalCase(db, tempDir(), { generate: false });
    const keptId = addKeptCase(db);
    // Two previewed imports as exchange/import.ts leaves them: the preview lists the case by id.
    for (const [importId, caseId, name] of [['import-hers', amal.caseId, ERASED_NAME], ['import-other', keptId, KEPT_NAME]] as const) {
      insertImport(db, importId, new Date().toISOString());
      markPreviewed(db, importId, { manifest: '{}', sender: '{}', preview: JSON.stringify({ preview: { cases: [{ caseId, clientName: name }] } }) });
      db.prepare('INSERT INTO import_staging (import_id, path, seq, data, created_at) VALUES (?, ?, 0, ?, ?)').run(importId, 'cases/case.json', Buffer.from(name), new Date().toISOString());
    }
    const result = eraseCase(db, { caseId: amal.caseId, confirmReference: ERASED_REFERENCE });
    expect(result.deleted).toMatchObject({ imports: 1, import_staging: 1 });
    expect(db.prepare('SELECT import_id FROM imports').pluck().all()).toEqual(['import-other']);
    expect(db.prepare('SELECT import_id FROM import_staging').pluck().all()).toEqual(['import-other']);
    db.close();
  });

  it('refuses without the exact case reference and changes nothing', async () => {
    const dir = tempDir();
    const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
    const { ok, failure } = apiCalls(api);
    await ok('vault.create', { passphrase: PASSPHRASE });
    const db = api.vault.db;
    loadLibrary(db);
    const amal = await addAmalCase(db, dir, { generate: false });
    addKeptCase(db);
    const before = snapshot(db);
    for (const typed of ['2026-70', `${ERASED_REFERENCE}1`, KEPT_REFERENCE, ERASED_REFERENCE.replace('-', '_'), ERASED_NAME]) {
      expect((await failure('cases.erase', { caseId: amal.caseId, confirmReference: typed })).code).toBe('CONFIRMATION_MISMATCH');
    }
    expect((await failure('cases.erase', { caseId: amal.caseId, confirmReference: '' })).code).toBe('INVALID_INPUT');
    expect((await failure('cases.erase', { caseId: '00000000-0000-4000-8000-000000000000', confirmReference: ERASED_REFERENCE })).code).toBe('NOT_FOUND');
    expect(snapshot(db)).toBe(before);
    api.close();
  });

  it('keeps the case in a copy of the vault made before the erasure, as an older backup does', async () => {
    const dir = tempDir();
    const api = createApi({ dataDir: dir, version: '0.0.0-test', kdfCost: FAST_KDF });
    const { ok } = apiCalls(api);
    await ok('vault.create', { passphrase: PASSPHRASE });
    const path = api.vault.path!;
    loadLibrary(api.vault.db);
    const amal = await addAmalCase(api.vault.db, dir, { generate: false });
    api.vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const older = join(dir, 'older-backup.vault');
    copyFileSync(path, older);
    await ok('cases.erase', { caseId: amal.caseId, confirmReference: ERASED_REFERENCE });
    api.close();
    const key = (await keyIfCorrect(PASSPHRASE, readKeyFile(path).current))!;
    const copy = openEncrypted(older, key);
    expect(copy.prepare('SELECT client_name FROM cases WHERE id = ?').pluck().get(amal.caseId)).toBe(ERASED_NAME);
    copy.close();
  });
});

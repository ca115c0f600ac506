// Making and checking backups: encrypted with the vault's key, kept beside the vault, all or nothing.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupCheck, BackupInfo } from '../../../preload/schemas/security';
import { keyIfCorrect } from '../../../main/core/vault/kdf';
import { keyFilePath, readKeyFile } from '../../../main/core/vault/keyfile';
import { openEncrypted, PLAIN_SQLITE_HEADER } from '../../../main/core/vault/sqlite';
import { createApi } from '../../../main/core/api';
import { apiCalls } from '../api-calls';
import { FAST_KDF, PASSPHRASE } from '../helpers';
import { afterFirstBackupCheck, openVault, snapshotTables } from './fixture';

const NEW_PASSPHRASE = 'another long clinic passphrase';

describe('backups', () => {
  it('writes a backup encrypted with the vault key: no SQLite header, no client name in clear, opens with the passphrase', async () => {
    const vault = await openVault();
    await vault.ok('cases.create', { clientName: 'Amal Testdatter' });
    const backup = await vault.ok<BackupInfo>('backups.create', {});
    expect(backup).toMatchObject({ kind: 'manual', schemaVersion: vault.api.vault.schemaVersion });

    const path = join(vault.backupsDir, backup.id);
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(backup.size);
    expect(bytes.subarray(0, PLAIN_SQLITE_HEADER.length).equals(PLAIN_SQLITE_HEADER)).toBe(false);
    expect(bytes.includes(Buffer.from('Amal Testdatter', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('Amal Testdatter', 'utf16le'))).toBe(false);

    const key = await keyIfCorrect(PASSPHRASE, readKeyFile(path).current);
    expect(key).not.toBeNull();
    const db = openEncrypted(path, key!, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(JSON.stringify(snapshotTables(db))).toContain('Amal Testdatter');
    } finally {
      db.close();
    }
  });

  it('keeps backups in a 0700 folder beside the vault, each with a copy of the key file of its time', async () => {
    const vault = await openVault();
    const backup = await vault.ok<BackupInfo>('backups.create', {});
    if (process.platform !== 'win32') expect(statSync(vault.backupsDir).mode & 0o777).toBe(0o700);
    expect(readdirSync(vault.backupsDir).sort()).toEqual([backup.id, `${backup.id}.keys.json`]);
    expect(readKeyFile(join(vault.backupsDir, backup.id))).toEqual(readKeyFile(vault.vaultPath));
    const { items } = await vault.ok<{ items: BackupInfo[] }>('backups.list', {});
    expect(items).toEqual([backup]);
  });

  it('leaves nothing behind when a backup fails after the copy was written', async () => {
    const vault = await openVault();
    const first = await vault.ok<BackupInfo>('backups.create', {});
    const keyFile = readFileSync(keyFilePath(vault.vaultPath));
    // The key file copy is the step after VACUUM INTO and the integrity check: make it fail.
    writeFileSync(keyFilePath(vault.vaultPath), 'not a key file');
    try {
      const error = await vault.failure('backups.create', {});
      expect(error.code).toBe('NOT_A_VAULT');
    } finally {
      writeFileSync(keyFilePath(vault.vaultPath), keyFile);
    }
    expect(readdirSync(vault.backupsDir).sort()).toEqual([first.id, `${first.id}.keys.json`]);
  });

  it('removes what an interrupted backup left and never lists it', async () => {
    const vault = await openVault();
    const first = await vault.ok<BackupInfo>('backups.create', {});
    // What a crash between VACUUM INTO and the rename leaves: a part file, and a key file's temporary.
    const part = `${first.id.replace('manual', 'daily')}.part-0a1b2c3d4e5f`;
    writeFileSync(join(vault.backupsDir, part), 'half a backup');
    writeFileSync(join(vault.backupsDir, `${first.id}.keys.json.tmp-4242`), '{');
    expect((await vault.ok<{ items: BackupInfo[] }>('backups.list', {})).items).toEqual([first]);
    const second = await vault.ok<BackupInfo>('backups.create', {});
    expect(readdirSync(vault.backupsDir).sort()).toEqual([first.id, `${first.id}.keys.json`, second.id, `${second.id}.keys.json`].sort());
  });

  it('checks a backup with its passphrase: ok with the case count, WRONG_PASSPHRASE otherwise', async () => {
    const vault = await openVault();
    await vault.ok('cases.create', { clientName: 'Samir Fiktiv' });
    const backup = await vault.ok<BackupInfo>('backups.create', {});
    expect(await vault.ok<BackupCheck>('backups.check', { id: backup.id, passphrase: PASSPHRASE })).toEqual({
      ok: true,
      problems: [],
      schemaVersion: backup.schemaVersion,
      cases: 1,
    });
    expect((await vault.failure('backups.check', { id: backup.id, passphrase: NEW_PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
  });

  it('reports a damaged backup and refuses to restore it, leaving the vault and the backups as they were', async () => {
    const vault = await openVault();
    await vault.ok('cases.create', { clientName: 'Amal Testdatter' });
    for (let n = 0; n < 40; n += 1) await vault.ok('cases.create', { clientName: `Samir Fiktiv ${n}` });
    const backup = await vault.ok<BackupInfo>('backups.create', {});
    const path = join(vault.backupsDir, backup.id);
    const bytes = readFileSync(path);
    bytes.fill(0x55, 3 * 4096 + 100, 3 * 4096 + 200); // inside page 4: its HMAC no longer matches
    writeFileSync(path, bytes);

    const check = await vault.ok<BackupCheck>('backups.check', { id: backup.id, passphrase: PASSPHRASE });
    expect(check.ok).toBe(false);
    expect(check.problems.length).toBeGreaterThan(0);
    expect(JSON.stringify(check)).not.toContain('Amal');

    const before = snapshotTables(vault.api.vault.db);
    const listed = await vault.ok<{ items: BackupInfo[] }>('backups.list', {});
    expect((await vault.failure('backups.restore', { id: backup.id, passphrase: PASSPHRASE })).code).toBe('BACKUP_DAMAGED');
    expect(vault.api.vault.isUnlocked).toBe(true);
    expect(snapshotTables(vault.api.vault.db)).toEqual(before);
    expect(await vault.ok('backups.list', {})).toEqual(listed);
    expect(readdirSync(join(vault.backupsDir, '..')).filter((name) => name.includes('restoring'))).toEqual([]);
  });

  it('opens a backup made before a passphrase change with the old passphrase, and restores it under that one', async () => {
    const vault = await openVault();
    await vault.ok('cases.create', { clientName: 'Amal Testdatter' });
    const backup = await vault.ok<BackupInfo>('backups.create', {});
    await vault.ok('vault.rekey', { passphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE });

    expect((await vault.failure('backups.check', { id: backup.id, passphrase: NEW_PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
    expect((await vault.ok<BackupCheck>('backups.check', { id: backup.id, passphrase: PASSPHRASE })).ok).toBe(true);

    await vault.ok('backups.restore', { id: backup.id, passphrase: PASSPHRASE });
    await vault.ok('vault.lock', {});
    expect((await vault.failure('vault.unlock', { path: vault.vaultPath, passphrase: NEW_PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
    await vault.ok('vault.unlock', { path: vault.vaultPath, passphrase: PASSPHRASE });
    expect((await vault.ok<{ total: number }>('cases.list', {})).total).toBe(1);
    // The state it replaced (under the new passphrase) is kept, and opens with that passphrase.
    const { items } = await vault.ok<{ items: BackupInfo[] }>('backups.list', {});
    const preRestore = items.find((item) => item.kind === 'pre-restore')!;
    expect((await vault.ok<BackupCheck>('backups.check', { id: preRestore.id, passphrase: NEW_PASSPHRASE })).ok).toBe(true);
  });

  it('records backups made on demand and restores in the audit log, not the daily ones', async () => {
    const vault = await openVault();
    type Log = { items: { action: string; method: string }[] };
    const entries = async (action: string) =>
      (await vault.ok<Log>('audit.list', { limit: 500 })).items.filter((entry) => entry.action === action).map((entry) => entry.method);
    await vault.ok('vault.lock', {});
    await vault.ok('vault.unlock', { path: vault.vaultPath, passphrase: PASSPHRASE });
    await afterFirstBackupCheck(); // makes the daily backup
    expect(await entries('backup')).toEqual([]);
    const manual = await vault.ok<BackupInfo>('backups.create', {});
    expect(await entries('backup')).toEqual(['backups.create']);

    await vault.ok('backups.restore', { id: manual.id, passphrase: PASSPHRASE });
    // The manual backup took the day's place in rotation, so the restored vault's first check
    // makes a daily one again.
    await afterFirstBackupCheck();
    const { items } = await vault.ok<{ items: BackupInfo[] }>('backups.list', {});
    expect(items.map((item) => item.kind).sort()).toEqual(['daily', 'manual', 'pre-restore']);
    // The restored log is the backup's (made before its own entry), followed by the restore.
    expect(await entries('backup')).toEqual([]);
    expect(await entries('restore')).toEqual(['backups.restore']);
    expect((await vault.ok<{ ok: boolean }>('audit.verify', {})).ok).toBe(true);
  });

  it('keeps the backups of two vaults in one folder apart: neither lists, checks nor rotates away the other', async () => {
    const first = await openVault();
    const otherPath = join(first.vaultPath, '..', 'other clinic.vault');
    const second = apiCalls(createApi({ dataDir: first.dir, version: '0.0.0-test', kdfCost: FAST_KDF }));
    await second.ok('vault.create', { path: otherPath, passphrase: PASSPHRASE });
    const theirs = await second.ok<BackupInfo>('backups.create', {});
    expect(theirs.id).toMatch(/\.other_clinic\.bcvault$/);
    // Theirs is a month old: the first vault's rotation, keeping one day, must not touch it.
    const aged = theirs.id.replace(/^[^Z]+Z/, new Date(Date.now() - 30 * 24 * 3_600_000).toISOString().replace(/[:.]/g, '-'));
    renameSync(join(first.backupsDir, theirs.id), join(first.backupsDir, aged));
    renameSync(join(first.backupsDir, `${theirs.id}.keys.json`), join(first.backupsDir, `${aged}.keys.json`));
    await first.ok('settings.update', { keepDaily: 1, keepWeekly: 0 });
    const mine = await first.ok<BackupInfo>('backups.create', {});

    expect((await first.ok<{ items: BackupInfo[] }>('backups.list', {})).items).toEqual([mine]);
    expect((await second.ok<{ items: BackupInfo[] }>('backups.list', {})).items.map((item) => item.id)).toEqual([aged]);
    expect((await first.failure('backups.check', { id: aged, passphrase: PASSPHRASE })).code).toBe('NOT_FOUND');
    expect((await first.failure('backups.restore', { id: aged, passphrase: PASSPHRASE })).code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for an id that names no backup, and refuses a path as an id', async () => {
    const vault = await openVault();
    expect((await vault.failure('backups.check', { id: '2026-01-01T00-00-00-000Z-manual-v11.briefcase.bcvault', passphrase: PASSPHRASE })).code).toBe('NOT_FOUND');
    expect((await vault.failure('backups.restore', { id: 'briefcase.vault', passphrase: PASSPHRASE })).code).toBe('NOT_FOUND');
    expect((await vault.failure('backups.check', { id: '../briefcase.vault', passphrase: PASSPHRASE })).code).toBe('INVALID_INPUT');
  });

  it('needs an unlocked vault for every backup method', async () => {
    const vault = await openVault();
    const backup = await vault.ok<BackupInfo>('backups.create', {});
    await vault.ok('vault.lock', {});
    expect((await vault.failure('backups.list', {})).code).toBe('VAULT_LOCKED');
    expect((await vault.failure('backups.create', {})).code).toBe('VAULT_LOCKED');
    expect((await vault.failure('backups.check', { id: backup.id, passphrase: PASSPHRASE })).code).toBe('VAULT_LOCKED');
    expect((await vault.failure('backups.restore', { id: backup.id, passphrase: PASSPHRASE })).code).toBe('VAULT_LOCKED');
  });

  it('makes a daily backup at unlock when none is newer than 24 hours, and only then', async () => {
    const vault = await openVault();
    const dailies = () => readdirSync(vault.backupsDir).filter((name) => name.includes('-daily-v') && name.endsWith('.bcvault'));
    await vault.ok('vault.lock', {});
    await vault.ok('vault.unlock', { path: vault.vaultPath, passphrase: PASSPHRASE });
    await afterFirstBackupCheck();
    expect(dailies()).toHaveLength(1);
    await vault.ok('vault.lock', {});
    await vault.ok('vault.unlock', { path: vault.vaultPath, passphrase: PASSPHRASE });
    await afterFirstBackupCheck();
    expect(dailies()).toHaveLength(1);

    // The same backup, as if made 25 hours ago.
    const [made] = dailies();
    const older = made!.replace(/^[^Z]+Z/, new Date(Date.now() - 25 * 3_600_000).toISOString().replace(/[:.]/g, '-'));
    renameSync(join(vault.backupsDir, made!), join(vault.backupsDir, older));
    renameSync(join(vault.backupsDir, `${made}.keys.json`), join(vault.backupsDir, `${older}.keys.json`));
    await vault.ok('vault.lock', {});
    await vault.ok('vault.unlock', { path: vault.vaultPath, passphrase: PASSPHRASE });
    await afterFirstBackupCheck();
    expect(dailies()).toHaveLength(2);
  });
});

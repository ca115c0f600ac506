// Before any migration runs on an older vault, a backup of it as it was is made.
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../main/core/backup/folder';
import { checkBackup } from '../../../main/core/backup/check';
import { newKey } from '../../../main/core/vault/kdf';
import { writeKeyFile } from '../../../main/core/vault/keyfile';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../main/core/vault/migrations';
import { openEncrypted } from '../../../main/core/vault/sqlite';
import { Vault } from '../../../main/core/vault/vault';
import { FAST_KDF, PASSPHRASE, tempDir } from '../helpers';

/** A vault file as an older Briefcase left it: at schema `version`, with one fictional case. */
async function vaultAt(version: number): Promise<string> {
  const dir = join(tempDir(), 'clinic');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'briefcase.vault');
  const { key, params } = await newKey(PASSPHRASE, FAST_KDF);
  const db = openEncrypted(path, key);
  migrate(db, version);
  db.prepare("INSERT INTO cases (id, reference, client_name, status, created_at, updated_at) VALUES ('c1', 'BC-2026-001', 'Amal Testdatter', 'intake', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')").run();
  db.close();
  writeKeyFile(path, { format: 'briefcase-vault-keys', version: 1, current: params });
  return path;
}

describe('pre-migration backup', () => {
  it('backs up a vault at schema N-1 as it was before migrating it to N', async () => {
    const path = await vaultAt(LATEST_SCHEMA_VERSION - 1);
    const vault = new Vault({ kdfCost: FAST_KDF });
    await vault.unlock(path, PASSPHRASE);
    expect(vault.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    vault.lock();

    const backups = listBackups(path);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ kind: 'pre-migration', schemaVersion: LATEST_SCHEMA_VERSION - 1 });
    const check = await checkBackup(join(path, '..', 'backups', backups[0]!.id), PASSPHRASE);
    expect(check).toEqual({ ok: true, problems: [], schemaVersion: LATEST_SCHEMA_VERSION - 1, cases: 1 });
  });

  it('makes none for a vault already at the latest schema', async () => {
    const path = await vaultAt(LATEST_SCHEMA_VERSION);
    const vault = new Vault({ kdfCost: FAST_KDF });
    await vault.unlock(path, PASSPHRASE);
    vault.lock();
    expect(readdirSync(join(path, '..'))).not.toContain('backups');
  });
});

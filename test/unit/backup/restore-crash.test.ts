// The two states a crash during a restore's file swap can leave (restore.ts): the key file names
// both parameter sets, and the vault file is either the old one or the restored one. Each opens
// with its own passphrase.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../preload/schemas/security';
import { readKeyFile, writeKeyFile } from '../../../main/core/vault/keyfile';
import { Vault } from '../../../main/core/vault/vault';
import { FAST_KDF, PASSPHRASE } from '../helpers';
import { openVault } from './fixture';

const NEW_PASSPHRASE = 'another long clinic passphrase';

/** A vault under NEW_PASSPHRASE with 2 cases, and a backup of it from under PASSPHRASE with 1 case. */
async function vaultAndOlderBackup() {
  const vault = await openVault();
  await vault.ok('cases.create', { clientName: 'Amal Testdatter' });
  const backup = await vault.ok<BackupInfo>('backups.create', {});
  await vault.ok('cases.create', { clientName: 'Samir Fiktiv' });
  await vault.ok('vault.rekey', { passphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE });
  await vault.ok('vault.lock', {});
  vault.api.close();
  const backupPath = join(vault.backupsDir, backup.id);
  const keyFile = { format: 'briefcase-vault-keys', version: 1, current: readKeyFile(vault.vaultPath).current, pending: readKeyFile(backupPath).current } as const;
  return { vaultPath: vault.vaultPath, backupPath, keyFile };
}

async function casesAfterUnlock(path: string, passphrase: string): Promise<number | string> {
  const vault = new Vault({ kdfCost: FAST_KDF });
  try {
    await vault.unlock(path, passphrase);
  } catch (error) {
    return (error as { code: string }).code;
  }
  const count = (vault.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  vault.lock();
  return count;
}

describe('restore interrupted', () => {
  it('opens the old vault with its passphrase when the crash came before the rename', async () => {
    const { vaultPath, keyFile } = await vaultAndOlderBackup();
    writeKeyFile(vaultPath, keyFile);
    expect(await casesAfterUnlock(vaultPath, PASSPHRASE)).toBe('WRONG_PASSPHRASE');
    expect(await casesAfterUnlock(vaultPath, NEW_PASSPHRASE)).toBe(2);
    expect(readKeyFile(vaultPath).pending).toBeUndefined();
  });

  it("opens the restored vault with the backup's passphrase when the crash came after the rename", async () => {
    const { vaultPath, backupPath, keyFile } = await vaultAndOlderBackup();
    writeKeyFile(vaultPath, keyFile);
    for (const suffix of ['-wal', '-shm']) rmSync(`${vaultPath}${suffix}`, { force: true });
    copyFileSync(backupPath, vaultPath);
    expect(await casesAfterUnlock(vaultPath, NEW_PASSPHRASE)).toBe('WRONG_PASSPHRASE');
    expect(await casesAfterUnlock(vaultPath, PASSPHRASE)).toBe(1);
    expect(readKeyFile(vaultPath)).toEqual({ format: 'briefcase-vault-keys', version: 1, current: keyFile.pending });
  });
});

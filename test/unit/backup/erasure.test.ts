// What erasure means for backups: an erased client stays in the backups made before the erasure
// (encrypted) until rotation removes them, and in none after that.
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../preload/schemas/security';
import { keyIfCorrect } from '../../../main/core/vault/kdf';
import { readKeyFile } from '../../../main/core/vault/keyfile';
import { openEncrypted } from '../../../main/core/vault/sqlite';
import { PASSPHRASE } from '../helpers';
import { openVault, snapshotTables } from './fixture';

/** Everything a backup holds, decrypted, as text. */
async function decryptedText(path: string): Promise<string> {
  const key = await keyIfCorrect(PASSPHRASE, readKeyFile(path).current);
  const db = openEncrypted(path, key!, { readonly: true });
  try {
    return JSON.stringify(snapshotTables(db));
  } finally {
    db.close();
  }
}

describe('backups and erasure', () => {
  it('keeps an erased client in older backups until they rotate out, and in none after', async () => {
    const vault = await openVault();
    await vault.ok('settings.update', { keepDaily: 1, keepWeekly: 0 });
    const amal = await vault.ok<{ id: string }>('cases.create', { clientName: 'Amal Testdatter', reference: 'BC-2026-301' });
    const before = await vault.ok<BackupInfo>('backups.create', {});
    await vault.ok('cases.erase', { caseId: amal.id, confirmReference: 'BC-2026-301' });
    expect(JSON.stringify(snapshotTables(vault.api.vault.db))).not.toContain('Amal Testdatter');
    expect(await decryptedText(join(vault.backupsDir, before.id))).toContain('Amal Testdatter');

    // The backup from before the erasure, as if made two days ago: older than keepDaily (1 day).
    const older = before.id.replace(/^[^Z]+Z/, new Date(Date.now() - 48 * 3_600_000).toISOString().replace(/[:.]/g, '-'));
    renameSync(join(vault.backupsDir, before.id), join(vault.backupsDir, older));
    renameSync(join(vault.backupsDir, `${before.id}.keys.json`), join(vault.backupsDir, `${older}.keys.json`));
    await vault.ok('backups.create', {}); // rotation runs after every backup

    const left = readdirSync(vault.backupsDir).filter((name) => name.endsWith('.bcvault'));
    expect(left).not.toContain(older);
    expect(left).toHaveLength(1);
    for (const name of left) expect(await decryptedText(join(vault.backupsDir, name))).not.toContain('Amal Testdatter');
  });
});

// Restoring a backup brings back exactly what the vault held when the backup was made.
import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../preload/schemas/security';
import { PASSPHRASE } from '../helpers';
import { openVault, snapshotTables } from './fixture';

describe('backup restore', () => {
  it('restores every row of every table as it was when the backup was made', async () => {
    const vault = await openVault();
    const amal = await vault.ok<{ id: string }>('cases.create', { clientName: 'Amal Testdatter' });
    await vault.ok('cases.create', { clientName: 'Samir Fiktiv', reference: 'BC-2026-101' });
    await vault.ok('settings.update', { keepDaily: 9, idleMinutes: 30 });
    await vault.ok('evidence.loadStarter', {});

    const atBackup = snapshotTables(vault.api.vault.db);
    const backup = await vault.ok<BackupInfo>('backups.create', {});

    // Changed, added and deleted after the backup.
    await vault.ok('cases.create', { clientName: 'Nadia Opdigtet' });
    await vault.ok('settings.update', { keepDaily: 3 });
    vault.api.vault.db.prepare('DELETE FROM cases WHERE id = ?').run(amal.id);
    expect(snapshotTables(vault.api.vault.db)).not.toEqual(atBackup);

    const status = await vault.ok<{ state: string; path: string }>('backups.restore', { id: backup.id, passphrase: PASSPHRASE });
    expect(status).toMatchObject({ state: 'unlocked', path: vault.vaultPath });

    const restored = snapshotTables(vault.api.vault.db);
    expect(Object.keys(restored)).toEqual(Object.keys(atBackup));
    const rows = Object.values(atBackup).reduce((sum, table) => sum + table.length, 0);
    expect(rows).toBeGreaterThan(20);
    for (const table of Object.keys(atBackup)) {
      if (table === 'audit_log') {
        // The trail is append-only: the restore records itself after the rows it brought back.
        expect(restored[table]!.slice(0, atBackup[table]!.length), table).toEqual(atBackup[table]);
        for (const extra of restored[table]!.slice(atBackup[table]!.length)) expect(JSON.parse(extra)).toMatchObject({ method: 'backups.restore' });
      } else {
        expect(restored[table], table).toEqual(atBackup[table]);
      }
    }
    const integrity = await vault.ok<{ ok: boolean }>('vault.check', {});
    expect(integrity.ok).toBe(true);
  });

  it('keeps the state it replaces as a pre-restore backup, which brings that state back', async () => {
    const vault = await openVault();
    await vault.ok('cases.create', { clientName: 'Amal Testdatter' });
    const backup = await vault.ok<BackupInfo>('backups.create', {});
    await vault.ok('cases.create', { clientName: 'Samir Fiktiv' });
    const beforeRestore = snapshotTables(vault.api.vault.db);

    await vault.ok('backups.restore', { id: backup.id, passphrase: PASSPHRASE });
    expect((await vault.ok<{ total: number }>('cases.list', {})).total).toBe(1);

    const { items } = await vault.ok<{ items: BackupInfo[] }>('backups.list', {});
    const preRestore = items.find((item) => item.kind === 'pre-restore');
    expect(preRestore).toBeDefined();
    await vault.ok('backups.restore', { id: preRestore!.id, passphrase: PASSPHRASE });
    const back = snapshotTables(vault.api.vault.db);
    for (const table of Object.keys(beforeRestore)) {
      if (table === 'audit_log') expect(back[table]!.slice(0, beforeRestore[table]!.length)).toEqual(beforeRestore[table]);
      else expect(back[table], table).toEqual(beforeRestore[table]);
    }
  });
});

// Backups in the app: "Back up now" lists an encrypted backup, Check answers with the passphrase it
// was made under (a wrong one is refused, translated), and Restore… asks for confirmation, replaces
// the vault and keeps the replaced state as a "Before restore" backup — in English and in Danish.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, WRONG_PASSPHRASE, caseRows, createCase, createVault, screenshot } from './actions';
import { expect, openApp, test } from './fixtures';

test('backs up, checks and restores a backup from the Security screen', async ({ page, harness }) => {
  await openApp(page, harness);
  await createVault(page);
  await createCase(page, '2026-201', 'Amal Testdatter');

  await page.getByRole('button', { name: 'Security' }).click();
  const panel = page.getByRole('region', { name: 'Backups' });
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Back up now' }).click();
  await expect(panel.getByTestId('backups-status')).toHaveText('Backup made.');
  const rows = panel.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Manual');
  await expect(rows.first()).toContainText('KiB');

  // The file on disk is encrypted: no plain SQLite header and no client name.
  const folder = join(harness.dataDir, 'backups');
  const [file] = readdirSync(folder).filter((name) => name.endsWith('.bcvault'));
  const bytes = readFileSync(join(folder, file!));
  expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  expect(bytes.includes(Buffer.from('Amal Testdatter'))).toBe(false);

  // Check: a wrong passphrase is refused, the right one reports the backup whole.
  await rows.first().getByRole('button', { name: 'Check' }).click();
  const check = page.getByRole('dialog', { name: 'Check backup' });
  await check.getByLabel('Passphrase the backup was made under').fill(WRONG_PASSPHRASE);
  await check.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(check.getByRole('alert')).toHaveText('The passphrase is not correct. Check it and try again.');
  await check.getByLabel('Passphrase the backup was made under').fill(PASSPHRASE);
  await check.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(check.getByTestId('backup-check-result')).toHaveText(/The backup is intact: 1 case,/);
  await check.getByRole('button', { name: 'Cancel' }).click();
  await expect(check).toBeHidden();

  // A change after the backup, then the restore takes it back.
  await page.getByRole('button', { name: 'Cases' }).click();
  await createCase(page, '2026-202', 'Samir Fiktiv');
  await page.getByRole('button', { name: 'Security' }).click();
  await rows.filter({ hasText: 'Manual' }).getByRole('button', { name: 'Restore…' }).click();
  const restore = page.getByRole('dialog', { name: 'Restore backup' });
  await expect(restore).toContainText('The current state is itself kept');
  await restore.getByLabel('Passphrase the backup was made under').fill(PASSPHRASE);
  const confirm = restore.getByRole('button', { name: 'Restore', exact: true });
  await expect(confirm).toBeDisabled(); // not before the person has confirmed the replacement
  await restore.getByLabel('I understand that the current state will be replaced').check();
  await screenshot(page, 'security-backup-restore');
  await confirm.click();
  await expect(restore).toBeHidden();

  await page.getByRole('button', { name: 'Cases' }).click();
  await expect(caseRows(page)).toHaveCount(1);
  await expect(caseRows(page).first()).toContainText('Amal Testdatter');

  // In Danish: the replaced state is listed as a backup of its own.
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByRole('button', { name: 'Sikkerhed' }).click();
  const panelDa = page.getByRole('region', { name: 'Sikkerhedskopier' });
  await expect(panelDa.getByRole('button', { name: 'Tag sikkerhedskopi nu' })).toBeVisible();
  await expect(panelDa.getByRole('row').filter({ hasText: 'Før gendannelse' })).toHaveCount(1);
  await expect(panelDa.getByRole('row').filter({ hasText: 'Manuel' })).toHaveCount(1);
});

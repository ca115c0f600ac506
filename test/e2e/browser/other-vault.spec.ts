// The unlock screen offers the suggested vault and lets a person type the path of another one.
import { join } from 'node:path';
import { PASSPHRASE, caseRows, unlock } from './actions';
import { expect, openApp, test } from './fixtures';
import { seedVault } from './seed';

test('a vault file elsewhere can be opened by typing its path', async ({ page, harness }) => {
  const otherPath = join(harness.dataDir, 'usb', 'clinic.vault');
  // The other vault first, then the default one, which the app will then suggest.
  await seedVault(harness.dataDir, [{ reference: 'USB-001', clientName: 'Amal Testdatter' }], { path: otherPath });
  await seedVault(harness.dataDir, [{ reference: 'HOME-001', clientName: 'Testa Fictiva' }], { path: harness.vaultPath });

  await openApp(page, harness);
  await expect(page.getByText(harness.vaultPath)).toBeVisible();

  const toggle = page.getByRole('button', { name: 'Open a different vault file' });
  await toggle.click();
  await expect(page.getByRole('button', { name: 'Use the suggested file' })).toHaveAttribute('aria-expanded', 'true');
  const pathField = page.getByLabel('Path to the vault file');

  // Empty path: required. A path with no vault: VAULT_NOT_FOUND, translated.
  await unlock(page);
  await expect(page.getByText('This field is required.')).toBeVisible();
  await pathField.fill(join(harness.dataDir, 'nowhere.vault'));
  await unlock(page);
  await expect(page.getByRole('alert')).toHaveText('No vault file was found at this location.');

  await pathField.fill(otherPath);
  await unlock(page, PASSPHRASE);
  await expect(caseRows(page)).toHaveCount(1);
  await expect(caseRows(page).first()).toContainText('USB-001');

  // Locking offers the vault last used.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByText(otherPath)).toBeVisible();
});

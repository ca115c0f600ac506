// Scenario (i): create a vault and a case; the harness is killed (a crash) and a new one starts on
// the same folder and port; after a reload the vault is locked, unlocks, and the case is there.
import { caseRows, createCase, createVault, screenshot, unlock } from './actions';
import { expect, openApp, test } from './fixtures';

const reference = '2026-017';
const clientName = 'Testa Fictiva';

test('a case survives a crash of the core and opens again after unlocking', async ({ page, harness }) => {
  await openApp(page, harness);
  await expect(page.getByText(harness.vaultPath)).toBeVisible();
  await screenshot(page, 'create-vault');

  await createVault(page);
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await expect(page.getByText('0 cases')).toBeVisible();
  await screenshot(page, 'case-list-empty');

  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await dialog.getByLabel('Reference').fill(reference);
  await dialog.getByLabel("Client's name").fill(clientName);
  await screenshot(page, 'new-case');
  await dialog.getByRole('button', { name: 'Create case' }).click();

  await expect(page.getByRole('heading', { name: reference, level: 1 })).toBeVisible();
  // The case opens as the intake workspace, filled from the dialog.
  await expect(page.getByRole('region', { name: 'Client', exact: true }).getByLabel('Name (Latin script)')).toHaveValue(clientName);
  const details = page.getByRole('region', { name: 'Case', exact: true });
  await expect(details.getByLabel('Reference')).toHaveValue(reference);
  await expect(details.getByLabel('Status')).toHaveValue('intake');
  await screenshot(page, 'case');

  await page.getByRole('button', { name: 'Back to cases' }).click();
  await expect(caseRows(page)).toHaveCount(1);

  await harness.restart('SIGKILL');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.getByText(harness.vaultPath)).toBeVisible();
  await screenshot(page, 'unlock');

  await unlock(page);
  const rows = caseRows(page);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(reference);
  await expect(rows.first()).toContainText(clientName);
  await expect(rows.first()).toContainText('Intake');

  await rows.first().getByRole('button', { name: reference }).click();
  await expect(page.getByRole('heading', { name: reference, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Client', exact: true }).getByLabel('Name (Latin script)')).toHaveValue(clientName);
});

test('the new-case dialog validates, reports a duplicate reference on its field, and closes with Escape', async ({
  page,
  harness,
}) => {
  await openApp(page, harness);
  await createVault(page);
  await createCase(page, '2026-001', 'Amal Testdatter');
  await page.getByRole('button', { name: 'Back to cases' }).click();

  const newCase = page.getByRole('button', { name: 'New case' });
  await newCase.click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog.getByLabel('Reference')).toBeFocused();

  // Empty form: the contract's schema answers, translated, on each field.
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog.getByText('This field is required.')).toHaveCount(2);
  await expect(dialog.getByLabel('Reference')).toHaveAttribute('aria-invalid', 'true');

  // The same reference again (case-insensitively, with spaces): the core's DUPLICATE_REFERENCE,
  // shown on the reference field.
  await dialog.getByLabel('Reference').fill('  2026-001 ');
  await dialog.getByLabel("Client's name").fill('Testa Fictiva');
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(dialog.getByText('Another case already has this reference.')).toBeVisible();
  await expect(dialog.getByLabel('Reference')).toHaveAccessibleDescription(/Another case already has this reference\./);
  await screenshot(page, 'new-case-duplicate');

  // Modal: Tab never leaves the dialog for the page behind it.
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    const inDialog = await page.evaluate(() => {
      const active = document.activeElement;
      return active === document.body || Boolean(active?.closest('dialog'));
    });
    expect(inDialog).toBe(true);
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(newCase).toBeFocused();
  await expect(caseRows(page)).toHaveCount(1);
});

// Scenario (ii): a wrong passphrase is refused with a translated message (English, then Danish
// after switching) and the vault file and its key file stay byte-for-byte as they were.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { PASSPHRASE, WRONG_PASSPHRASE, caseRows, createCase, createVault, screenshot, unlock } from './actions';
import { expect, openApp, test } from './fixtures';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('a wrong passphrase is refused in both languages and changes nothing on disk', async ({ page, harness }) => {
  await openApp(page, harness);
  await createVault(page);
  await createCase(page, '2026-009', 'Amal Testdatter');

  // Lock: back to the unlock screen, and the case is no longer anywhere in the page.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Amal Testdatter');
  await expect(page.locator('body')).not.toContainText('2026-009');

  const vaultFiles = () => readdirSync(harness.dataDir).filter((name) => name.startsWith('briefcase.vault')).sort();
  const keyFile = `${harness.vaultPath}.keys.json`;
  const before = { files: vaultFiles(), vault: sha256(harness.vaultPath), keys: sha256(keyFile) };
  expect(before.files).toEqual(['briefcase.vault', 'briefcase.vault.keys.json']);

  await unlock(page, WRONG_PASSPHRASE);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('The passphrase is not correct. Check it and try again.');
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  await screenshot(page, 'unlock-wrong-passphrase');

  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(alert).toHaveText('Adgangssætningen er forkert. Kontrollér den, og prøv igen.');
  await expect(page.getByRole('heading', { name: 'Lås din boks op' })).toBeVisible();

  // A second wrong try, in Danish.
  await page.getByLabel('Adgangssætning', { exact: true }).fill(`${WRONG_PASSPHRASE}x`);
  await page.getByRole('button', { name: 'Lås op' }).click();
  // The field is emptied when the answer has come back (the alert already had this text).
  await expect(page.getByLabel('Adgangssætning', { exact: true })).toHaveValue('');
  await expect(page.getByRole('alert')).toHaveText('Adgangssætningen er forkert. Kontrollér den, og prøv igen.');

  // The vault and its key file are untouched; the audit trail's note of the two failed unlocks
  // (time and seat user, no passphrase) lies beside them until the next unlock moves it into the log.
  const after = { files: vaultFiles(), vault: sha256(harness.vaultPath), keys: sha256(keyFile) };
  expect(after).toEqual({ ...before, files: [...before.files, 'briefcase.vault.failed-unlocks'].sort() });
  const note = readFileSync(`${harness.vaultPath}.failed-unlocks`, 'utf8');
  expect(note.trim().split('\n')).toHaveLength(2);
  expect(note).not.toContain(WRONG_PASSPHRASE);

  // And the right passphrase still opens it, with the case inside.
  await page.getByLabel('Adgangssætning', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås op' }).click();
  await expect(caseRows(page)).toHaveCount(1);
  await expect(caseRows(page).first()).toContainText('Amal Testdatter');
});

test('a passphrase shorter than 12 characters is refused before it reaches the core', async ({ page, harness }) => {
  await openApp(page, harness);
  await page.getByLabel('Passphrase', { exact: true }).fill('too-short');
  await page.getByLabel('Repeat the passphrase').fill('too-short');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('The passphrase must be at least 12 characters.')).toBeVisible();

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(`${PASSPHRASE}!`);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('The two passphrases are not the same.')).toBeVisible();
  expect(readdirSync(harness.dataDir).filter((name) => name.startsWith('briefcase.vault'))).toEqual([]);
});

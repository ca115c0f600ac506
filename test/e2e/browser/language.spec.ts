// Scenario (iii): the language switch applies at once, is saved by the core, and survives a reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE, caseRows, screenshot } from './actions';
import { expect, openApp, test } from './fixtures';
import { seedVault } from './seed';

test('the chosen language is saved and survives a reload', async ({ page, harness }) => {
  await openApp(page, harness);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { name: 'Opret en krypteret boks' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('group', { name: 'Sprog' })).toBeVisible();
  await expect
    .poll(() => JSON.parse(readFileSync(join(harness.dataDir, 'preferences.json'), 'utf8')).language)
    .toBe('da');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Opret en krypteret boks' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('button', { name: 'Dansk' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'English' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Create an encrypted vault' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the case list speaks Danish: headings, statuses and dates', async ({ page, harness }) => {
  await seedVault(harness.dataDir);
  await openApp(page, harness);
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByLabel('Adgangssætning', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås op' }).click();

  await expect(caseRows(page)).toHaveCount(5);
  await expect(page.getByRole('columnheader', { name: 'Sagsnummer' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Næste frist' })).toBeVisible();
  await expect(page.getByText('5 sager')).toBeVisible();
  const amal = caseRows(page).filter({ hasText: 'Amal Testdatter' });
  await expect(amal).toContainText('Modtagelse');
  const dueOn = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2027, 0, 19));
  await expect(amal).toContainText(dueOn);
  await expect(amal).toContainText('Nævnsmøde');
  await screenshot(page, 'case-list-da');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(amal).toContainText('19 Jan 2027');
  await expect(amal).toContainText('Board hearing');
  await expect(amal).toContainText('Intake');
});

test.describe('with a Danish browser', () => {
  test.use({ locale: 'da-DK' });

  test('a first start follows the browser language', async ({ page, harness }) => {
    await openApp(page, harness);
    await expect(page.getByRole('heading', { name: 'Opret en krypteret boks' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  });

  test('a saved English choice wins over the browser language', async ({ page, harness }) => {
    await openApp(page, harness);
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Create an encrypted vault' })).toBeVisible();
  });
});


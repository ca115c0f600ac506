// What a person does in the app, as steps the specs share. Roles and labels only, so the tests
// also check that every control has an accessible name.
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Fictional passphrases: long enough for the contract (≥ 12 characters). */
export const PASSPHRASE = 'fiktiv-sætning-til-test-42';
export const WRONG_PASSPHRASE = 'det-er-ikke-den-rigtige-1';

// Every run takes the screenshots (so a broken screen fails here); `npm run screenshots` writes them
// into docs/screenshots for the README, other runs into test-results so the work tree stays clean.
const screenshots = fileURLToPath(
  new URL(process.env.BRIEFCASE_UPDATE_SCREENSHOTS ? '../../../docs/screenshots/' : '../../../test-results/screenshots/', import.meta.url),
);

export async function createVault(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Create an encrypted vault' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat the passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

export async function createCase(page: Page, reference: string, clientName: string): Promise<void> {
  await page.getByRole('button', { name: 'New case' }).click();
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Reference').fill(reference);
  await dialog.getByLabel("Client's name").fill(clientName);
  await dialog.getByRole('button', { name: 'Create case' }).click();
  await expect(page.getByRole('heading', { name: reference, level: 1 })).toBeVisible();
}

export function caseRows(page: Page) {
  return page.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
}

/** <name>.png, for the README and for reviewing the UI. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(screenshots, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  // Park the mouse on empty background so no row is drawn hovered.
  await page.mouse.move(page.viewportSize()!.width - 1, page.viewportSize()!.height - 1);
  await page.screenshot({ path, caret: 'hide', animations: 'disabled' });
}

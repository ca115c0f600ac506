// Steps in the evidence library that the evidence specs share: roles and labels only.
import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/evidence/', import.meta.url));

export async function openEvidence(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Evidence', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Evidence library', level: 1 })).toBeVisible();
}

export async function importFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import…').setInputFiles(`${FIXTURES}${file}`);
}

/** The Search / Sources / Settings switch inside the library. */
export function evidenceTab(page: Page, name: 'Search' | 'Sources' | 'Settings') {
  return page.getByRole('navigation', { name: 'Evidence library sections' }).getByRole('button', { name });
}

// Steps for the case-exchange specs (issue 6): a second clinic on its own harness and data folder
// (each vault is its own clinic), the Clinic screen, cards and .briefcase files passed between the
// two pages as a person would: downloaded from one, chosen in the other's file field.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { injectBridge } from '../../harness/bridge';
import { spawnHarness, type HarnessProcess } from '../../harness/process';
import { unlock } from './actions';
import { seedVault, type SeedCase } from './seed';

export interface OtherClinic {
  page: Page;
  dataDir: string;
  harness: HarnessProcess;
  /** Errors the second page logged (the fixture only watches the first). */
  errors: string[];
  close(): Promise<number | null>;
}

/** A second clinic: its own data folder with a seeded vault, its own harness, its own page. */
export async function openOtherClinic(first: Page, cases: SeedCase[]): Promise<OtherClinic> {
  const dataDir = await mkdtemp(join(tmpdir(), 'briefcase-e2e-b-'));
  await seedVault(dataDir, cases);
  const harness = await spawnHarness({ dataDir });
  const page = await first.context().newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.name}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await injectBridge(page, harness.token);
  await page.goto(harness.url);
  await unlock(page);
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  return {
    page,
    dataDir,
    harness,
    errors,
    async close() {
      await page.close();
      const code = await harness.stop('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

export async function goToClinic(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clinic' }).click();
  await expect(page.getByRole('heading', { name: 'Clinic', level: 1 })).toBeVisible();
}

export async function goToCases(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
}

/** Sets up the clinic profile (which creates the keys) and returns the fingerprint shown. */
export async function setUpClinic(page: Page, profile: { name: string; address: string; contact: string }): Promise<string> {
  await goToClinic(page);
  await expect(page.getByRole('heading', { name: "Set up the clinic's profile" })).toBeVisible();
  await page.getByLabel('Clinic name').fill(profile.name);
  await page.getByLabel('Address').fill(profile.address);
  await page.getByLabel('Contact').fill(profile.contact);
  await page.getByRole('button', { name: 'Save and create keys' }).click();
  await expect(page.getByRole('heading', { name: profile.name, level: 2 })).toBeVisible();
  return ownFingerprint(page);
}

export async function ownFingerprint(page: Page): Promise<string> {
  const text = (await page.getByRole('group', { name: 'Fingerprint', exact: true }).textContent()) ?? '';
  expect(text).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
  return text;
}

/** A download started by `click`, saved into `dir`; returns its path. */
export async function downloadTo(page: Page, dir: string, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const name = download.suggestedFilename();
  const path = join(dir, name);
  await download.saveAs(path);
  return { path, name };
}

export async function exportCard(page: Page, dir: string): Promise<string> {
  const card = await downloadTo(page, dir, () => page.getByRole('button', { name: 'Export clinic card' }).click());
  await expect(page.getByRole('status').filter({ hasText: /^Saved “/ })).toBeVisible();
  return card.path;
}

export function addPartnerDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Add a partner clinic' });
}

export function addressBook(page: Page): Locator {
  return page.getByRole('table', { name: 'Address book' });
}

/** Adds a partner from its card after typing the fingerprint compared out of band. */
export async function trustCard(page: Page, cardPath: string, partnerName: string, fingerprint: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a partner from a card…' }).click();
  const dialog = addPartnerDialog(page);
  await dialog.getByLabel('Clinic card file').setInputFiles(cardPath);
  await expect(dialog.getByRole('region', { name: 'The card' })).toContainText(partnerName);
  await dialog.getByLabel('Fingerprint you compared with the clinic').fill(fingerprint);
  await dialog.getByRole('button', { name: 'Trust' }).click();
  await expect(dialog).toBeHidden();
  await expect(addressBook(page).getByRole('row', { name: new RegExp(partnerName) })).toBeVisible();
}

export function exportDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Export / });
}

export function importDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: /^(Import a case file|Case file imported)$/ });
}

/** Case list → "Import a case file…" → the file → its preview (the dialog is returned). */
export async function openCaseFile(page: Page, path: string): Promise<Locator> {
  await goToCases(page);
  await page.getByRole('button', { name: 'Import a case file…' }).click();
  const dialog = importDialog(page);
  await dialog.getByLabel('Case file (.briefcase)').setInputFiles(path);
  await dialog.getByRole('button', { name: 'Open the file' }).click();
  await expect(dialog.getByRole('heading', { name: 'Sender' })).toBeVisible({ timeout: 30_000 });
  return dialog;
}

// The first run (issue 8, onboarding): the app offers to create a vault or to look around in a
// demo of invented people. The demo shows its banner on every screen, its brief generates, and
// "Leave the demo" leads back to the first-run screen, where a real vault is created: no banner
// there, and the demo's case is nowhere in it.
import type { Page } from '@playwright/test';
import { caseRows, createVault } from './actions';
import { choose, documentsSection, generate, versionRows } from './documents-actions';
import { expect, openApp, test } from './fixtures';

/** The demo case (main/core/demo/case.ts): fictional, like every person in it. Named `clientName`
 * so the leak scan (test/e2e/leaks/names.ts) looks for it in logs and temp files too. */
const DEMO = { reference: '2026-200', clientName: 'Samir Testsen' };

const banner = (page: Page) => page.getByRole('status').filter({ hasText: 'DEMO — invented people only; nothing here is real' });

test('first run → demo with its banner on every screen → the brief → back to create a real vault without a banner', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await openApp(page, harness);
  await expect(page.getByRole('heading', { name: 'Create an encrypted vault' })).toBeVisible();
  const offer = page.getByRole('region', { name: 'Just looking?' });
  await expect(offer).toContainText('only invented people');
  await expect(banner(page)).toHaveCount(0);

  await offer.getByRole('button', { name: 'Look around in a demo' }).click();
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(banner(page)).toBeVisible();
  await expect(caseRows(page)).toHaveCount(1);
  await expect(caseRows(page).first()).toContainText(DEMO.clientName);

  // Every screen of the main navigation keeps the banner in view.
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Deadlines', 'Evidence', 'Clinic', 'Security', 'Cases']) {
    await nav.getByRole('button', { name, exact: true }).click();
    await expect(nav.getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(banner(page), `the banner on ${name}`).toBeVisible();
  }

  // In Danish too.
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'DEMO — kun opdigtede personer; intet her er virkeligt' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(banner(page)).toBeVisible();

  // The case page, and its brief: ready to generate, nothing missing (the starter sources are old).
  await caseRows(page).getByRole('button', { name: DEMO.reference }).click();
  await expect(page.getByRole('heading', { name: DEMO.reference, level: 1 })).toBeVisible();
  await expect(banner(page)).toBeVisible();
  const documents = documentsSection(page);
  await documents.scrollIntoViewIfNeeded();
  await choose(documents, { language: 'English', format: 'Word (DOCX)' });
  await expect(documents.getByRole('list', { name: /required field(s are| is) missing/ })).toHaveCount(0);
  await generate(page, documents, { confirmStale: true });
  await expect(versionRows(documents)).toHaveCount(1);
  await expect(banner(page)).toBeVisible();

  // The banner is where the demo is left: back to the first run, at the real vault's place.
  await banner(page).getByRole('button', { name: 'Leave the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Create an encrypted vault' })).toBeVisible();
  await expect(page.getByText(harness.vaultPath)).toBeVisible();
  await createVault(page);
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^DEMO/ })).toHaveCount(0);
  await expect(page.getByText(DEMO.clientName)).toHaveCount(0);
});

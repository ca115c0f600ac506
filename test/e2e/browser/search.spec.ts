// Scenario (iv): search-as-you-type filters the list through the core (cases.list with a query),
// debounced, folding case and diacritics, and shows an empty state when nothing matches.
import type { Request } from '@playwright/test';
import { caseRows, screenshot, unlock } from './actions';
import { expect, openApp, test } from './fixtures';
import { SEED_CASES, seedVault } from './seed';

test('search filters the list as you type', async ({ page, harness }) => {
  await seedVault(harness.dataDir);
  await openApp(page, harness);
  await unlock(page);

  const rows = caseRows(page);
  await expect(rows).toHaveCount(SEED_CASES.length);
  await expect(page.getByText(`${SEED_CASES.length} cases`)).toBeVisible();
  const testa = rows.filter({ hasText: 'Testa Fictiva' });
  await expect(testa).toContainText('4 Dec 2026');
  await expect(testa).toContainText('Appeal');
  await expect(rows.filter({ hasText: 'Søren Prøvesen' })).toContainText('None');
  await screenshot(page, 'case-list');

  const queries: string[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/__api')) return;
    const body = request.postDataJSON() as { method: string; input: { query?: string } };
    if (body.method === 'cases.list' && body.input.query) queries.push(body.input.query);
  });

  const search = page.getByLabel('Search cases');
  await search.pressSequentially('amal', { delay: 30 });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Amal Testdatter');
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  // Typed faster than the debounce: one request for the whole word, not one per letter.
  expect(queries).toEqual(['amal']);

  // Case and diacritics are folded by the core: "soren" finds "Søren".
  await search.fill('PROVESEN');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Søren Prøvesen');

  await search.fill('أمل');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('2026-004');

  await search.fill('2026-00');
  await expect(rows).toHaveCount(SEED_CASES.length);

  await search.fill('nobody-like-this');
  await expect(page.getByRole('heading', { name: 'No matching cases' })).toBeVisible();
  await expect(page.getByText('No case reference or client name contains “nobody-like-this”.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await screenshot(page, 'case-list-no-matches');

  await search.fill('');
  await expect(rows).toHaveCount(SEED_CASES.length);
});

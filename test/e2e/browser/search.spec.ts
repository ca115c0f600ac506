// Scenario (iv): search-as-you-type filters the list through the core (cases.list with a query),
// one request on its way at a time, folding case and diacritics, and an empty state when nothing matches.
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

  // Each keystroke asks at once, but never more than one question is on its way at a time.
  const queries: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const isList = (request: Request) => {
    if (!request.url().endsWith('/__api')) return false;
    return (request.postDataJSON() as { method: string }).method === 'cases.list';
  };
  page.on('request', (request: Request) => {
    if (!isList(request)) return;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const body = request.postDataJSON() as { input: { query?: string } };
    if (body.input.query) queries.push(body.input.query);
  });
  page.on('requestfinished', (request: Request) => {
    if (isList(request)) inFlight -= 1;
  });

  const search = page.getByLabel('Search cases');
  await search.pressSequentially('amal', { delay: 30 });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Amal Testdatter');
  await expect(page.getByText('1 case', { exact: true })).toBeVisible();
  await expect(page.getByRole('table')).toHaveAttribute('data-query', 'amal');
  expect(queries.at(-1)).toBe('amal');
  expect(queries.length).toBeLessThanOrEqual(4);
  expect(maxInFlight).toBe(1);

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

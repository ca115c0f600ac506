// Sorting follows the chosen language in the real renderer: the clinic's own place tags are listed
// in the search filters alphabetically in Danish (Æ, Ø after Z) and in English (Æ as "AE", Ø as O),
// after the shipped ones (unit tests: test/unit/renderer/collate.test.ts, format.test.ts).
import { createApi } from '../../../main/core/api';
import type { Envelope } from '../../../preload/contract';
import { HARNESS_KDF_COST } from '../../harness/app';
import { PASSPHRASE } from './actions';
import { evidenceTab, openEvidence } from './evidence-actions';
import { expect, openApp, test } from './fixtures';

/** A vault whose clinic added three place tags of its own, in an order that is neither alphabet. */
async function seedPlaceTags(dataDir: string): Promise<void> {
  const api = createApi({ dataDir, version: 'e2e-seed', kdfCost: HARNESS_KDF_COST });
  const call = async (method: string, input: unknown) => {
    const envelope = (await api.call(method, input)) as Envelope<unknown>;
    if (!envelope.ok) throw new Error(`seed: ${method} failed with ${envelope.error.code}`);
  };
  try {
    await call('vault.create', { passphrase: PASSPHRASE });
    await call('evidence.addTag', { axis: 'place', labels: { da: 'Østerbro', en: 'Osterbro' } });
    await call('evidence.addTag', { axis: 'place', labels: { da: 'Sjælland', en: 'Zealand' } });
    await call('evidence.addTag', { axis: 'place', labels: { da: 'Ærø', en: 'Ærø' } });
  } finally {
    api.close();
  }
}

test('the clinic’s own tags are listed in the alphabet of the chosen language', async ({ page, harness }) => {
  await seedPlaceTags(harness.dataDir);
  await openApp(page, harness);
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByLabel('Adgangssætning', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås op' }).click();

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Bevismateriale' }).click();
  await page.getByRole('navigation', { name: 'Bevisbibliotekets dele' }).getByRole('button', { name: 'Søg' }).click();
  await page.locator('summary').filter({ hasText: 'Filtre' }).click();
  const danish = await page.getByLabel('Sted', { exact: true }).locator('option').allTextContents();
  // "Alle", the shipped places in the catalogue's order, then the clinic's own.
  expect(danish[0]).toBe('Alle');
  expect(danish.slice(1, 3)).toEqual(['Damaskus', "Rif Dimashq (Damaskus' omegn)"]);
  expect(danish.slice(-3)).toEqual(['Sjælland', 'Ærø', 'Østerbro']);

  await page.getByRole('button', { name: 'English' }).click();
  await openEvidence(page);
  await evidenceTab(page, 'Search').click();
  if (!(await page.getByLabel('Place', { exact: true }).isVisible())) await page.locator('summary').filter({ hasText: 'Filters' }).click();
  const english = await page.getByLabel('Place', { exact: true }).locator('option').allTextContents();
  expect(english[0]).toBe('Any');
  expect(english.slice(-3)).toEqual(['Ærø', 'Osterbro', 'Zealand']);
});

// Issue 4 in Danish: a lawyer working in the Danish UI loads the starter library, finds a passage
// with its Danish pinpoint and currency warning, and names a new tag in both languages; the tag
// reads in the UI's language, in Danish and in English. Fictional test text only.
import { PASSPHRASE, screenshot } from './actions';
import { expect, openApp, test } from './fixtures';
import { typeInto } from './intake-actions';
import { seedVault } from './seed';

test('the evidence library in Danish: starter library, search, pinpoints, currency, a tag named in both languages', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seedVault(harness.dataDir, []);
  await openApp(page, harness);
  await page.getByRole('button', { name: 'Dansk' }).click();
  await page.getByLabel('Adgangssætning', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås op' }).click();

  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Bevismateriale' }).click();
  await expect(page.getByRole('heading', { name: 'Bevisbibliotek', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Indlæs startbiblioteket' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Startbiblioteket er importeret' })).toContainText(/Kilder: \d+ tilføjet, 0 flettet\./);

  // Search: a paragraph pinpoint reads "pkt.", a source older than the limit is flagged in Danish.
  const sections = page.getByRole('navigation', { name: 'Bevisbibliotekets dele' });
  await sections.getByRole('button', { name: 'Søg' }).click();
  await page.getByLabel('Søg i uddrag, titler og udgivere').fill('returning place of origin');
  const hit = page.getByRole('list', { name: 'Resultater' }).getByRole('article').first();
  await expect(hit).toContainText('pkt. 33');
  await expect(hit).toContainText('afsn. Additional information');
  await expect(hit).toContainText('27. apr. 2021');
  await expect(hit.getByRole('list', { name: 'Advarsel om aktualitet' })).toContainText('Ældre end 24 måneder');
  await hit.scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-search-da');

  // A new excerpt with a new profile tag, named in Danish (asked first) and in English.
  await sections.getByRole('button', { name: 'Kilder' }).click();
  await page.getByRole('table', { name: 'Kilder' }).getByRole('button', { name: 'Syria – Military service', exact: true }).first().click();
  await page.getByRole('button', { name: 'Tilføj et uddrag' }).click();
  const form = page.getByRole('form', { name: 'Tilføj et uddrag' });
  await typeInto(page, form.getByLabel('Citeret tekst'), 'Fiktiv testtekst om værnepligtige, der vender tilbage.');
  await typeInto(page, form.getByLabel('Side', { exact: true }), '14');
  const labels = form.getByRole('group', { name: 'Profil' }).getByRole('textbox');
  await expect(labels.first()).toHaveAccessibleName('Nyt mærke: Profil, på dansk');
  await typeInto(page, form.getByLabel('Nyt mærke: Profil, på dansk'), 'Fiktiv testprofil');
  await typeInto(page, form.getByLabel('Nyt mærke: Profil, på engelsk'), 'Fictional test profile');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('checkbox', { name: 'Fiktiv testprofil' })).toBeChecked();
  await form.getByRole('button', { name: 'Gem uddraget' }).click();
  await expect(page.getByText('s. 14', { exact: true })).toBeVisible();

  // The same tag in English, after switching the UI language.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Add an excerpt' }).click();
  const english = page.getByRole('form', { name: 'Add an excerpt' });
  await expect(english.getByRole('group', { name: 'Profile' }).getByRole('checkbox', { name: 'Fictional test profile' })).toBeVisible();
  await expect(english.getByRole('checkbox', { name: 'Fiktiv testprofil' })).toHaveCount(0);
});

// Issue 4, scenario: a lawyer imports a CSL-JSON export (three real reports from DOMAIN.md's
// table, metadata only), records an excerpt with its pinpoint and tags, finds it by searching
// "military service", links it to a client's draft-evasion risk (from the suggestions, with one
// key) and sees the stale warning (EASO, Apr 2021, is older than 24 months) on the case page.
// Also: the starter library loads into an empty vault; a malformed file shows every problem and
// adds nothing. The excerpt text typed here is fictional test text, not a quote from the report.
import { caseRows, screenshot, unlock } from './actions';
import { evidenceTab, importFile, openEvidence } from './evidence-actions';
import { expect, openApp, test } from './fixtures';
import { press, riskCard, saved, section, typeInto } from './intake-actions';
import { seedVault } from './seed';

const CASE = { reference: '2026-200', clientName: 'Samir Testsen' };
const EXCERPT = 'Fictional test text: men of military age who evaded military service may be arrested at checkpoints on return.';

test('import CSL-JSON, take an excerpt, search "military service", link it to a risk factor, see it is stale', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await seedVault(harness.dataDir, [CASE]);
  await openApp(page, harness);
  await unlock(page);
  await expect(caseRows(page)).toHaveCount(1);

  // Import the Zotero-style export.
  await openEvidence(page);
  await expect(page.getByRole('region', { name: 'The library is empty' })).toBeVisible();
  await importFile(page, 'easo-dis-military-service.csl.json');
  const summary = page.getByRole('status').filter({ hasText: 'Imported easo-dis-military-service.csl.json' });
  await expect(summary).toContainText('CSL-JSON');
  await expect(summary).toContainText('Sources: 3 added, 0 merged.');
  await expect(page.getByText('3 sources')).toBeVisible();

  // Importing the same file again merges, it does not double.
  await importFile(page, 'easo-dis-military-service.csl.json');
  await expect(page.getByRole('status').filter({ hasText: 'Sources: 0 added, 3 merged.' })).toBeVisible();
  await expect(page.getByText('3 sources')).toBeVisible();

  // The source list, with the stale sources flagged; open the EASO report.
  await evidenceTab(page, 'Sources').click();
  const table = page.getByRole('table', { name: 'Sources' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /Syria – Military service/ }).first()).toContainText('Older than 24 months');
  await table.getByRole('button', { name: 'Syria – Military service', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Syria – Military service', level: 2 })).toBeVisible();
  await expect(page.getByLabel('DOI')).toHaveValue('10.2847/461371');
  await expect(page.getByLabel('Publisher')).toHaveValue('EASO');
  await expect(page.getByLabel('Date of publication')).toHaveValue('2021-04');

  // Method notes, saved.
  await typeInto(page, page.getByLabel('Method notes'), 'Desk research: written sources and interviews.');
  await press(page, page.getByRole('button', { name: 'Save source' }), 'Enter');
  await expect(page.getByLabel('Method notes')).toHaveValue('Desk research: written sources and interviews.');

  // An excerpt, from the keyboard: text, page and section, a topic tag, a new profile tag.
  await press(page, page.getByRole('button', { name: 'Add an excerpt' }), 'Enter');
  const form = page.getByRole('form', { name: 'Add an excerpt' });
  await expect(form.getByLabel('Quoted text')).toBeFocused();
  await page.keyboard.type(EXCERPT);
  await typeInto(page, form.getByLabel('Page', { exact: true }), '27');
  await typeInto(page, form.getByLabel('Section', { exact: true }), '2.3');
  await press(page, form.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { name: 'Military service' }), 'Space');
  await typeInto(page, form.getByLabel('New Profile tag, in English'), 'Fictional test profile');
  await typeInto(page, form.getByLabel('New Profile tag, in Danish'), 'Fiktiv testprofil');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('group', { name: 'Profile' }).getByRole('checkbox', { name: 'Fictional test profile' })).toBeChecked();
  await screenshot(page, 'evidence-excerpt-editor');
  await press(page, form.getByRole('button', { name: 'Save excerpt' }), 'Enter');
  await expect(page.getByRole('heading', { name: '1 excerpt', level: 2 })).toBeVisible();
  await expect(page.getByText('p. 27, s. 2.3', { exact: true })).toBeVisible();

  // Search as you type.
  await evidenceTab(page, 'Search').click();
  await page.getByLabel('Search excerpts, titles and publishers').fill('military service');
  const results = page.getByRole('list', { name: 'Results' });
  const hit = results.getByRole('article', { name: 'Excerpt from Syria – Military service' });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('p. 27, s. 2.3');
  await expect(hit).toContainText('EASO');
  await expect(hit).toContainText('Apr 2021');
  await expect(hit.getByRole('list', { name: 'Currency warning' })).toContainText('Older than 24 months');
  await expect(hit.locator('mark').first()).toBeVisible();
  await screenshot(page, 'evidence-search');

  // A filter that excludes it: published from 2022 on.
  await press(page, page.locator('summary', { hasText: 'Filters' }), 'Enter');
  await page.getByLabel('Published from').fill('2022');
  await expect(results).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(hit).toBeVisible();

  // The case: draft evasion present; the excerpt is suggested, stale marked, and linked with Enter.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Cases' }).click();
  await press(page, caseRows(page).getByRole('button', { name: CASE.reference }), 'Enter');
  await expect(page.getByRole('heading', { name: CASE.reference, level: 1 })).toBeVisible();
  const card = riskCard(page, 'Draft evasion or desertion');
  await card.locator('summary').click();
  await card.getByRole('radio', { name: 'Present' }).check();
  await saved(section(page, 'Risk factors'));
  const suggestions = card.getByRole('list', { name: 'Suggested for Draft evasion or desertion' });
  const suggested = suggestions.getByRole('article', { name: 'Excerpt from Syria – Military service' });
  await expect(suggested).toBeVisible({ timeout: 15_000 });
  await expect(suggested).toContainText('Older than 24 months');
  await press(page, suggested.getByRole('button', { name: 'Link' }), 'Enter');
  const linked = card.getByRole('list', { name: 'Selected for Draft evasion or desertion' });
  await expect(linked.getByRole('article', { name: 'Excerpt from Syria – Military service' })).toContainText('Older than 24 months');
  await expect(card.getByText('1 excerpt selected')).toBeVisible();
  await linked.scrollIntoViewIfNeeded();
  await screenshot(page, 'evidence-risk-factor');

  // Still there after a reload; unlink takes it off.
  // (The core keeps the vault open across a reload of the page.)
  await page.reload();
  await press(page, caseRows(page).getByRole('button', { name: CASE.reference }), 'Enter');
  const again = riskCard(page, 'Draft evasion or desertion');
  await expect(again.getByRole('list', { name: 'Selected for Draft evasion or desertion' }).getByRole('article')).toHaveCount(1);
  // Marked absent, the factor keeps its link in sight, says it is not cited, and can still unlink it.
  await again.getByRole('radio', { name: 'Absent' }).check();
  await saved(section(page, 'Risk factors'));
  await expect(again.getByText('these excerpts are not cited in documents')).toBeVisible();
  await expect(again.getByRole('list', { name: 'Suggested for Draft evasion or desertion' })).toHaveCount(0);
  await again.getByRole('button', { name: 'Unlink' }).click();
  await expect(again.getByRole('list', { name: 'Selected for Draft evasion or desertion' })).toHaveCount(0);
});

test('an empty library loads the starter library', async ({ page, harness }) => {
  await seedVault(harness.dataDir, []);
  await openApp(page, harness);
  await unlock(page);
  await openEvidence(page);
  await screenshot(page, 'evidence-empty');
  await page.getByRole('button', { name: 'Load starter library' }).click();
  const summary = page.getByRole('status').filter({ hasText: 'Imported The starter library' });
  await expect(summary).toContainText(/Sources: \d+ added/);
  await expect(page.getByRole('region', { name: 'The library is empty' })).toHaveCount(0);
  await evidenceTab(page, 'Sources').click();
  await expect(page.getByRole('table', { name: 'Sources' }).getByRole('button', { name: 'Syria – Military service', exact: true })).toBeVisible();
  await screenshot(page, 'evidence-sources');
});

test('a malformed import shows every problem with its path and adds nothing', async ({ page, harness }) => {
  await seedVault(harness.dataDir, []);
  await openApp(page, harness);
  await unlock(page);
  await openEvidence(page);
  await importFile(page, 'malformed.csl.json');
  const alert = page.getByRole('alert').filter({ hasText: 'malformed.csl.json was not imported' });
  await expect(alert).toContainText('4 problems. Nothing was added.');
  // Every problem, by its JSON path in the file, with the rule it breaks.
  await expect(alert.locator('code')).toHaveText(['1.issued', '1.title', '2.publisher', '2.issued']);
  await expect(alert.getByRole('listitem').nth(0)).toContainText('Enter a date as a year');
  await expect(alert.getByRole('listitem').nth(1)).toContainText('This field is required.');
  await screenshot(page, 'evidence-import-problems');
  await expect(page.getByText('0 sources')).toBeVisible();
  await expect(page.getByRole('region', { name: 'The library is empty' })).toBeVisible();
});

// GDPR in the app: the Security screen lists a closed case past the retention period and opens it;
// on the case page "Access report" makes the PDF, which the Documents section lists, and "Save
// case JSON" downloads the case file; "Erase client…" explains that it cannot be undone and that
// older backups keep the data, refuses a reference typed wrong (translated, nothing erased) and
// erases with the right one: the case is gone from the list and the other client's case is still
// there. The same controls read in Danish.
import { readFileSync } from 'node:fs';
import { createApi } from '../../../main/core/api';
import { importCase } from '../../../main/core/cases/exchange';
import { HARNESS_KDF_COST } from '../../harness/app';
import { caseRows, PASSPHRASE, screenshot, unlock } from './actions';
import { documentsSection, versionRows } from './documents-actions';
import { expect, openApp, test } from './fixtures';

const HERS = { reference: '2016-701', clientName: 'Amal Testdatter' };
const OTHER = { reference: '2026-702', clientName: 'Samir Fiktiv' };

/** Two fictional cases: hers, closed and last changed ten years ago, and one still open. */
async function seed(dataDir: string): Promise<void> {
  const api = createApi({ dataDir, version: 'e2e-seed', kdfCost: HARNESS_KDF_COST });
  try {
    const created = await api.call('vault.create', { passphrase: PASSPHRASE });
    if (!created.ok) throw new Error(`seed: ${created.error.code}`);
    const file = (reference: string, name: string, status: 'closed' | 'intake') => ({
      format: 'briefcase-case',
      version: 1,
      details: { reference, status, jurisdiction: 'dk' },
      client: { name },
    });
    importCase(api.vault.db, file(HERS.reference, HERS.clientName, 'closed'), new Date('2016-03-01T10:00:00.000Z'));
    importCase(api.vault.db, file(OTHER.reference, OTHER.clientName, 'intake'));
  } finally {
    api.close();
  }
}

test('retention list → case → access report → erase with the reference typed again', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seed(harness.dataDir);
  await openApp(page, harness);
  await unlock(page);
  await expect(caseRows(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Security' }).click();
  const retention = page.getByRole('region', { name: 'Due for deletion' });
  await expect(retention).toContainText('more than 5 years');
  const rows = retention.getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(HERS.clientName);
  await rows.first().getByRole('button', { name: HERS.reference }).click();
  await expect(page.getByRole('heading', { name: HERS.reference, level: 1 })).toBeVisible();

  // The access report, made in English and listed under Documents.
  const access = page.getByRole('group', { name: 'Access report' });
  await access.getByLabel('Language of the access report').selectOption('en');
  await access.getByRole('button', { name: 'Access report' }).click();
  await expect(access.getByRole('status')).toContainText(`${HERS.reference} Access report (en).pdf`, { timeout: 30_000 });
  // The case JSON beside it, to the download.
  const [download] = await Promise.all([page.waitForEvent('download'), access.getByRole('button', { name: 'Save case JSON' }).click()]);
  expect(download.suggestedFilename()).toBe(`${HERS.reference} case.json`);
  const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { client: { name: string } };
  expect(json.client.name).toBe(HERS.clientName);
  const documents = documentsSection(page);
  await documents.scrollIntoViewIfNeeded();
  await expect(versionRows(documents).first()).toContainText(`${HERS.reference} Access report (en).pdf`);

  // Erase: the dialog says what happens, a wrong reference erases nothing.
  await page.getByRole('button', { name: 'Erase client…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Erase the client of case ${HERS.reference}` });
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog).toContainText('Older backups still hold the data until they rotate out');
  const confirm = dialog.getByRole('button', { name: 'Erase for good' });
  await expect(confirm).toBeDisabled();
  const field = dialog.getByLabel(`Type the case reference ${HERS.reference} to confirm`);
  await field.fill(OTHER.reference);
  await confirm.click();
  await expect(dialog).toContainText('The reference you typed does not match this case. Nothing was erased.');
  await screenshot(page, 'gdpr-erase-dialog');
  await field.fill(HERS.reference);
  await confirm.click();

  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(caseRows(page)).toHaveCount(1);
  await expect(caseRows(page).first()).toContainText(OTHER.clientName);
  await page.getByRole('button', { name: 'Security' }).click();
  await expect(page.getByRole('region', { name: 'Due for deletion' }).getByTestId('retention-empty')).toBeVisible();

  // In Danish: the panel, the access report and the dialog (closed again without erasing).
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('region', { name: 'Klar til sletning' })).toContainText('Ingen lukket sag er ældre end opbevaringsperioden.');
  await page.getByRole('button', { name: 'Sager' }).click();
  await caseRows(page).getByRole('button', { name: OTHER.reference }).click();
  await expect(page.getByRole('group', { name: 'Indsigtsrapport' }).getByRole('button', { name: 'Indsigtsrapport' })).toBeVisible();
  await page.getByRole('button', { name: 'Slet klient…' }).click();
  const danish = page.getByRole('alertdialog', { name: `Slet klienten i sag ${OTHER.reference}` });
  await expect(danish).toContainText('Det kan ikke fortrydes.');
  await expect(danish).toContainText('Ældre sikkerhedskopier indeholder stadig oplysningerne');
  await danish.getByRole('button', { name: 'Annuller' }).click();
  await expect(danish).toBeHidden();
  await expect(page.getByRole('heading', { name: OTHER.reference, level: 1 })).toBeVisible();
});

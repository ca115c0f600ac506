// Issue 4: taking an excerpt from a stored PDF. A new source gets a (generated, fictional) two-page
// PDF as its document; its text is shown page by page; a passage selected on page 2 becomes a new
// excerpt's text with page 2 as its pinpoint.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { screenshot, unlock } from './actions';
import { evidenceTab, openEvidence } from './evidence-actions';
import { expect, openApp, test } from './fixtures';
import { press, typeInto } from './intake-actions';
import { seedVault } from './seed';

const PAGE_TWO = 'Fictional test passage on page two about reserve service.';

async function twoPagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of ['Fictional test report, page one.', PAGE_TWO]) {
    pdf.addPage([595, 842]).drawText(line, { x: 50, y: 780, size: 12, font });
  }
  return Buffer.from(await pdf.save());
}

test('a passage selected in a stored PDF becomes an excerpt with its page', async ({ page, harness }) => {
  await seedVault(harness.dataDir, []);
  await openApp(page, harness);
  await unlock(page);
  await openEvidence(page);

  await page.getByRole('button', { name: 'New source' }).click();
  await typeInto(page, page.getByLabel('Publisher'), 'Fictional Research Unit');
  await typeInto(page, page.getByLabel('Title', { exact: true }), 'Fictional test report');
  await typeInto(page, page.getByLabel('Date of publication'), '2026-01');
  await press(page, page.getByRole('button', { name: 'Save source' }), 'Enter');
  await expect(page.getByRole('heading', { name: 'Fictional test report', level: 2 })).toBeVisible();

  await page.getByLabel('Attach the document').setInputFiles({ name: 'fictional-report.pdf', mimeType: 'application/pdf', buffer: await twoPagePdf() });
  await expect(page.getByText('fictional-report.pdf')).toBeVisible();
  await press(page, page.getByRole('button', { name: "Show the PDF's text" }), 'Enter');
  const pageTwo = page.getByRole('region', { name: 'Page 2' });
  await expect(pageTwo).toContainText('reserve service');

  // Select the passage on page 2 as a person would with the mouse (a DOM range over its text).
  await pageTwo.locator('.pdf__text').evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  });
  await screenshot(page, 'evidence-pdf-selection');
  await page.getByRole('button', { name: 'Use selection as excerpt' }).click();
  const form = page.getByRole('form', { name: 'Add an excerpt' });
  await expect(form.getByLabel('Quoted text')).toHaveValue(PAGE_TWO);
  await expect(form.getByLabel('Page', { exact: true })).toHaveValue('2');
  await press(page, form.getByRole('button', { name: 'Save excerpt' }), 'Enter');
  await expect(page.getByRole('heading', { name: '1 excerpt', level: 2 })).toBeVisible();

  await evidenceTab(page, 'Sources').click();
  await expect(page.getByRole('table', { name: 'Sources' }).getByRole('row', { name: /Fictional test report/ })).toContainText('Current');
});

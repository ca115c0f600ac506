// Issue 5, in the app: a lawyer makes the brief from a complete fictional case. The decision date
// is missing at first: the pre-flight report names it by its label and the section that holds it,
// and generation is disabled until it is filled in. The cited sources (the starter library's) are
// older than the clinic's limit: the report lists them, and generating asks "Generate anyway".
// A Danish PDF is listed with its template, language, format and SHA-256, previewed inside the
// app (pdf.js on canvases, in its worker) and saved as a copy; a bundle is made and previewed; an
// English DOCX is made too, "Open" answers that it is not available in the test harness, and the
// DOCX is deleted after confirmation. The section reads in Danish after the switch.
import { caseRows, screenshot, unlock } from './actions';
import { choose, documentsSection, DOCUMENTS_CASE, generate, seedDocumentsCase, versionRows } from './documents-actions';
import { expect, openApp, test } from './fixtures';
import { saved, section, typeInto } from './intake-actions';

test('missing field, stale sources, a Danish PDF previewed in the app and saved, a bundle, an English DOCX, delete', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await seedDocumentsCase(harness.dataDir, { withoutDecisionDate: true });
  await openApp(page, harness);
  await unlock(page);
  await caseRows(page).getByRole('button', { name: DOCUMENTS_CASE.reference }).click();
  await expect(page.getByRole('heading', { name: DOCUMENTS_CASE.reference, level: 1 })).toBeVisible();

  const documents = documentsSection(page);
  await documents.scrollIntoViewIfNeeded();
  await expect(documents.getByText('No documents have been made for this case yet.')).toBeVisible();
  await choose(documents, { language: 'Dansk', format: 'PDF' });

  // The missing decision date, by its label, with the section where it is filled in.
  const missing = documents.getByRole('list', { name: /required field(s are| is) missing/ });
  await expect(missing).toBeVisible();
  const decision = missing.getByRole('listitem').filter({ hasText: 'The date of the decision appealed' });
  await expect(decision).toContainText('in Case');
  const generateButton = documents.getByRole('button', { name: 'Generate', exact: true });
  await expect(generateButton).toBeDisabled();
  await expect(documents.getByText('Fill in the missing fields first.')).toBeVisible();
  await screenshot(page, 'documents-missing-field');

  // "Go to Case" puts the focus on the section's heading; the date is filled in there and saved.
  await decision.getByRole('button', { name: /^Go to Case/ }).click();
  await expect(page.getByRole('heading', { name: 'Case', level: 2, exact: true })).toBeFocused();
  const details = section(page, 'Case');
  await typeInto(page, details.getByLabel('Decision appealed'), '2021-03-04');
  await saved(details);

  // Back in Documents: checked again, nothing missing; the stale sources are listed.
  await documents.getByRole('button', { name: 'Check again' }).click();
  await expect(missing).toHaveCount(0);
  const stale = documents.getByRole('list', { name: /cited sources? (may|are)/ });
  await expect(stale).toBeVisible();
  await expect(stale.getByRole('listitem').first()).toContainText(/Older than \d+ months/);
  await expect(generateButton).toBeEnabled();
  await stale.scrollIntoViewIfNeeded();
  await screenshot(page, 'documents-stale');

  // Generate: the question about stale sources first, then the PDF.
  await generateButton.click();
  const question = page.getByRole('alertdialog', { name: 'Generate with out-of-date sources?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('list', { name: /cited sources?/ })).toBeVisible();
  await question.getByRole('button', { name: 'Generate anyway' }).click();
  await expect(documents.getByRole('status').filter({ hasText: /^Made “/ })).toBeVisible({ timeout: 30_000 });
  await expect(versionRows(documents)).toHaveCount(1);
  const pdfRow = versionRows(documents).first();
  await expect(pdfRow).toContainText('Dansk');
  await expect(pdfRow).toContainText('PDF');
  await expect(pdfRow).toContainText(/template version \d+\.\d+\.\d+/);
  const hash = pdfRow.locator('code');
  await expect(hash).toHaveAttribute('title', /^[0-9a-f]{64}$/);
  await expect(hash).toHaveText(/^[0-9a-f]{10}…$/);

  // Preview inside the app: a canvas per page, the page count shown.
  await pdfRow.getByRole('button', { name: /^Preview/ }).click();
  const preview = page.getByRole('region', { name: /^Preview: / });
  await expect(preview).toBeVisible();
  await expect(preview.getByText(/^\d+ pages?$/)).toBeVisible({ timeout: 30_000 });
  const count = Number((await preview.getByText(/^\d+ pages?$/).textContent())!.split(' ')[0]);
  expect(count).toBeGreaterThan(0);
  const firstPage = preview.getByRole('img', { name: `Page 1 of ${count}` });
  await expect(firstPage).toBeVisible();
  await expect.poll(() => firstPage.evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(100);
  // Something was drawn: not every pixel of the page is the same colour.
  await expect
    .poll(() =>
      firstPage.evaluate((canvas: HTMLCanvasElement) => {
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let dark = 0;
        for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark += 1;
        return dark;
      }),
    )
    .toBeGreaterThan(100);
  // pdf.js parsed it in its own worker, the bundled file, started under the app's CSP (no
  // fallback to the main thread; a CSP violation would have failed the test via the console).
  expect(page.workers().some((worker) => /\/assets\/pdf\.worker[^/]*\.mjs$/.test(worker.url()))).toBe(true);
  await preview.getByRole('button', { name: 'Zoom in' }).click();
  await expect(preview.getByRole('button', { name: 'Fit to width' })).toHaveAttribute('aria-pressed', 'false');
  await preview.getByRole('button', { name: 'Fit to width' }).click();
  await preview.scrollIntoViewIfNeeded();
  await screenshot(page, 'documents-preview');
  await preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toHaveCount(0);

  // "Save a copy": the browser's download, under the version's name, with the PDF's bytes.
  const [download] = await Promise.all([page.waitForEvent('download'), pdfRow.getByRole('button', { name: /^Save a copy/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^2026-300 .*\(da\)\.pdf$/);
  const copy = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect(copy.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The bundle: the list of annexes is shown before; the result is the cover letter, the brief and
  // the list of annexes in one PDF, so more pages than the brief alone.
  await choose(documents, { format: 'PDF bundle with annexes' });
  await expect(documents.getByRole('heading', { name: /^List of annexes/ })).toBeVisible();
  await generate(page, documents, { confirmStale: true });
  const bundleRow = versionRows(documents).first();
  await expect(bundleRow).toContainText('PDF bundle with annexes');
  await bundleRow.getByRole('button', { name: /^Preview/ }).click();
  const bundlePreview = page.getByRole('region', { name: /^Preview: / });
  await expect(bundlePreview.getByText(/^\d+ pages$/)).toBeVisible({ timeout: 30_000 });
  const bundlePages = Number((await bundlePreview.getByText(/^\d+ pages$/).textContent())!.split(' ')[0]);
  expect(bundlePages).toBeGreaterThan(count);
  await expect(bundlePreview.getByRole('img', { name: `Page 1 of ${bundlePages}` })).toBeVisible();
  await bundlePreview.getByRole('button', { name: 'Close preview' }).click();

  // An English DOCX: no preview; "Open" is not available in the harness and says so.
  await choose(documents, { language: 'English', format: 'Word (DOCX)' });
  await generate(page, documents, { confirmStale: true });
  await expect(versionRows(documents)).toHaveCount(3);
  const docxRow = versionRows(documents).first();
  await expect(docxRow).toContainText('English');
  await expect(docxRow).toContainText('Word (DOCX)');
  await expect(docxRow.getByRole('button', { name: /^Preview/ })).toHaveCount(0);
  await docxRow.getByRole('button', { name: /^Open/ }).click();
  await expect(documents.getByRole('alert').filter({ hasText: 'Opening documents in another program is not available here.' })).toBeVisible();
  await screenshot(page, 'documents-versions');

  // Delete the DOCX, after confirming.
  await docxRow.getByRole('button', { name: /^Delete/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this version?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete version' }).click();
  await expect(versionRows(documents)).toHaveCount(2);
  await expect(documents.getByRole('row', { name: /\(en\)\.docx/ })).toHaveCount(0);

  // Still there after a reload (kept on the case, in the vault); in Danish, the section's words are.
  await page.reload();
  await caseRows(page).getByRole('button', { name: DOCUMENTS_CASE.reference }).click();
  await expect(versionRows(documentsSection(page))).toHaveCount(2);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Dansk' }).click();
  const dokumenter = page.getByRole('region', { name: 'Dokumenter', exact: true });
  await expect(dokumenter.getByRole('heading', { name: 'Versioner på sagen' })).toBeVisible();
  await expect(dokumenter.getByRole('button', { name: 'Lav dokumentet' })).toBeVisible();
  await expect(versionRows(dokumenter).filter({ hasText: 'Samlet PDF med bilag' })).toHaveCount(1);
  await dokumenter.scrollIntoViewIfNeeded();
  await screenshot(page, 'documents-da');
  await page.getByRole('group', { name: 'Sprog' }).getByRole('button', { name: 'English' }).click();
});

// A clinic's own template: a broken one is refused with each problem as "file:line — reason" and
// nothing is added; a good one is listed, offered in its only language, and removed again.
const META = {
  id: 'clinic-note',
  title: { da: 'Notat til klienten', en: 'Note to the client' },
  kind: 'other',
  version: '1.0.0',
  languages: ['en'],
  requires: [{ path: 'client.name', label: { da: 'Klientens navn', en: "The client's name" } }],
};
const file = (name: string, text: string) => ({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/markdown', buffer: Buffer.from(text) });

test('a clinic template: refused with file:line when broken, added, offered, removed', async ({ page, harness }) => {
  await seedDocumentsCase(harness.dataDir);
  await openApp(page, harness);
  await unlock(page);
  await caseRows(page).getByRole('button', { name: DOCUMENTS_CASE.reference }).click();
  const documents = documentsSection(page);
  await documents.getByRole('button', { name: 'Templates…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Templates' });
  await expect(dialog.getByRole('row', { name: /Brief to the Refugee Appeals Board/ })).toContainText('Briefcase');
  await expect(dialog.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  await dialog.getByLabel('Add template from files…').setInputFiles([
    file('meta.json', JSON.stringify(META, null, 2)),
    file('en.md', '# Note\n\nDear {{ client.name }},\n\n{% include "elsewhere" %}\n\n{{ client.favouriteColour }}\n'),
  ]);
  const refused = dialog.getByRole('alert').filter({ hasText: 'The template was not added.' });
  await expect(refused).toBeVisible();
  await expect(refused.getByRole('listitem').filter({ hasText: /^en\.md:5 — / })).toBeVisible();
  await screenshot(page, 'documents-template-refused');
  await expect(dialog.getByRole('row', { name: /Note to the client/ })).toHaveCount(0);

  await dialog.getByLabel('Add template from files…').setInputFiles([
    file('meta.json', JSON.stringify(META, null, 2)),
    file('en.md', '# Note\n\nDear {{ client.name }},\n\nThis is a fictional test note.\n'),
  ]);
  await expect(dialog.getByRole('status')).toHaveText('Added the template “Note to the client”.');
  const row = dialog.getByRole('row', { name: /Note to the client/ });
  await expect(row).toContainText('the clinic');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // Offered in the Documents section, in English only.
  await choose(documents, { template: 'Note to the client (the clinic)' });
  const languages = documents.getByRole('group', { name: 'Language of the document' }).getByRole('radio');
  await expect(languages).toHaveCount(1);
  await expect(languages.first()).toHaveAccessibleName('English');
  await expect(languages.first()).toBeChecked();
  await expect(documents.getByText('The case has everything this template needs.')).toBeVisible();

  // Removed after confirming; the section falls back to the brief.
  await documents.getByRole('button', { name: 'Templates…' }).click();
  await dialog.getByRole('button', { name: 'Remove Note to the client' }).click();
  await page.getByRole('alertdialog', { name: 'Remove this template?' }).getByRole('button', { name: 'Remove template' }).click();
  await expect(dialog.getByRole('row', { name: /Note to the client/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(documents.getByLabel('Template', { exact: true })).toHaveValue('brief');
});

test('a citation of an excerpt the case does not have stops generation, naming the reference', async ({ page, harness }) => {
  await seedDocumentsCase(harness.dataDir, { citing: 'no-such-excerpt' });
  await openApp(page, harness);
  await unlock(page);
  await caseRows(page).getByRole('button', { name: DOCUMENTS_CASE.reference }).click();
  const documents = documentsSection(page);
  const unknown = documents.getByRole('list', { name: '1 citation is unknown' });
  await expect(unknown).toContainText('[@no-such-excerpt]');
  await expect(documents.getByRole('button', { name: 'Generate', exact: true })).toBeDisabled();
  await expect(documents.getByText('Correct the unknown citations first.')).toBeVisible();
  await unknown.scrollIntoViewIfNeeded();
  await screenshot(page, 'documents-unknown-citation');
});

// The README's walk-through (docs/walkthrough.md), shot from the real renderer in the demo vault:
// the first run, intake, evidence, the brief and the export, in that order. Like every screenshot
// in the suite (actions.ts), `npm run screenshots` writes them into docs/screenshots, other runs
// into test-results, so a broken screen fails here and the README's pictures never go stale.
// Names start with "walkthrough-" so they never overwrite another spec's pictures.
import { caseRows, screenshot } from './actions';
import { choose, documentsSection, generate, versionRows } from './documents-actions';
import { downloadTo, exportDialog } from './exchange-actions';
import { expect, openApp, test } from './fixtures';
import { riskCard, section } from './intake-actions';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The demo case (main/core/demo/case.ts); `clientName` so the leak scan looks for it too. */
const DEMO = { reference: '2026-200', clientName: 'Samir Testsen' };
/** Fictional: the passphrase a clinic would give the receiving clinic by phone. */
const FILE_PASSPHRASE = 'fiktiv-demo-fil-2026';

test('walk-through: first run → demo case intake → evidence → brief → export', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const files = await mkdtemp(join(tmpdir(), 'briefcase-e2e-files-'));
  try {
    await page.setViewportSize({ width: 1280, height: 1080 });
    await openApp(page, harness);
    await expect(page.getByRole('button', { name: 'Look around in a demo' })).toBeVisible();
    await screenshot(page, 'walkthrough-1-first-run');

    await page.getByRole('button', { name: 'Look around in a demo' }).click();
    await expect(caseRows(page)).toHaveCount(1, { timeout: 30_000 });
    await expect(caseRows(page).first()).toContainText(DEMO.clientName);
    await screenshot(page, 'walkthrough-2-cases');

    // Intake: the client, the family, the dates, the facts of each risk.
    await caseRows(page).getByRole('button', { name: DEMO.reference }).click();
    await expect(page.getByRole('heading', { name: DEMO.reference, level: 1 })).toBeVisible();
    await expect(section(page, 'Client').getByLabel('Name (Latin script)')).toHaveValue(DEMO.clientName);
    await screenshot(page, 'walkthrough-3-intake');

    // Evidence: excerpts of the starter library, linked to a present risk factor.
    // Present factors open by themselves.
    const card = riskCard(page, 'Family member of a draft evader');
    const linked = card.getByRole('list', { name: /^Selected for Family member of a draft evader/ });
    await expect(linked.getByRole('article')).toHaveCount(2);
    await linked.scrollIntoViewIfNeeded();
    await screenshot(page, 'walkthrough-4-evidence');

    // The brief: nothing missing; the old starter sources are confirmed, as a lawyer would.
    const documents = documentsSection(page);
    await documents.scrollIntoViewIfNeeded();
    await choose(documents, { language: 'English', format: 'PDF' });
    await generate(page, documents, { confirmStale: true });
    await expect(versionRows(documents)).toHaveCount(1);
    await documents.scrollIntoViewIfNeeded();
    await screenshot(page, 'walkthrough-5-brief');

    // Export: one encrypted file for another clinic, here for a passphrase given by phone.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = exportDialog(page);
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Passphrase for the file').fill(FILE_PASSPHRASE);
    await dialog.getByLabel('Repeat the passphrase').fill(FILE_PASSPHRASE);
    await screenshot(page, 'walkthrough-6-export');
    const { name } = await downloadTo(page, files, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(name).toMatch(/\.briefcase$/);
    await expect(dialog.getByRole('status')).toContainText('Saved');
  } finally {
    await rm(files, { recursive: true, force: true });
  }
});

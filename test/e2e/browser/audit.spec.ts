// The audit trail in the app: the Security screen lists what happened (a wrong passphrase, the
// unlock, the case created) without any client content, Verify announces a whole chain, and the
// log downloads as JSON (with its head hash) and CSV — in English and in Danish.
import { readFile } from 'node:fs/promises';
import { WRONG_PASSPHRASE, createCase, createVault, screenshot, unlock } from './actions';
import { expect, openApp, test } from './fixtures';

test('the audit log lists, verifies and exports what happened, without client content', async ({ page, harness }) => {
  await openApp(page, harness);
  await createVault(page);
  await createCase(page, '2026-101', 'Amal Testdatter');
  await page.getByRole('button', { name: 'Lock' }).click();
  await unlock(page, WRONG_PASSPHRASE);
  await expect(page.getByRole('alert')).toBeVisible();
  await unlock(page);
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Security' }).click();
  const panel = page.getByRole('region', { name: 'Audit log' });
  await expect(panel).toBeVisible();
  // By test id, so the same rows are found after the language changes.
  const rows = page.getByTestId('audit-panel').getByRole('table').getByRole('row').filter({ has: page.getByRole('cell') });
  // Newest first: unlock, the wrong passphrase (moved in at that unlock), lock, the case, the vault.
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(0)).toContainText('Unlocked');
  await expect(rows.nth(1)).toContainText('Wrong passphrase');
  await expect(rows.nth(2)).toContainText('Locked');
  await expect(rows.nth(3)).toContainText('Created');
  await expect(rows.nth(3)).toContainText('cases.create');
  await expect(panel).not.toContainText('Amal');
  await expect(panel).not.toContainText('Testdatter');

  await panel.getByRole('button', { name: 'Verify' }).click();
  const status = panel.getByTestId('audit-status');
  await expect(status).toContainText('The log is whole: 5 entries');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await screenshot(page, 'security-audit-log');

  const [json] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export (JSON)' }).click()]);
  expect(json.suggestedFilename()).toMatch(/^briefcase-audit-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8')) as { headHash: string; verification: { ok: boolean }; entries: { hash: string }[] };
  expect(exported.verification.ok).toBe(true);
  expect(exported.entries).toHaveLength(5);
  expect(exported.headHash).toBe(exported.entries.at(-1)!.hash);
  expect(JSON.stringify(exported)).not.toContain('Amal');
  // The export is itself recorded, and shows at once.
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0)).toContainText('Exported');

  const [csv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export (CSV)' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = await readFile(await csv.path(), 'utf8');
  expect(text.split('\r\n')[0]).toBe('seq,at,actor,action,method,ids,fields,hash');
  expect(text).not.toContain('Amal');

  await page.getByRole('button', { name: 'Dansk' }).click();
  const danish = page.getByRole('region', { name: 'Revisionslog' });
  await expect(danish.getByRole('button', { name: 'Kontrollér' })).toBeVisible();
  await expect(danish.getByRole('columnheader', { name: 'Handling' })).toBeVisible();
  await expect(rows.nth(0)).toContainText('Eksporteret');
  await danish.getByRole('button', { name: 'Kontrollér' }).click();
  await expect(danish.getByTestId('audit-status')).toContainText('Loggen er hel: 7 poster');
});

// Issue 3, three gaps:
// - "Open" an attachment: the harness, like the CLI, has no platform to open files with, so the
//   core answers NOT_SUPPORTED (and writes no decrypted copy); the page shows the translated message.
//   The copy-and-open path itself is unit-tested with a fake platform (test/unit/attachments/open.test.ts).
// - Closing the window keeps what was typed: the test plays main's part (window.briefcaseHarness,
//   the harness's side of window.briefcaseEvents) and asks for a flush mid-typing, before the
//   autosave timer fires; the value is stored when the answer comes.
// - A clinic factor with a structured (number) field, set on a case, there after a restart and reload.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CaseRecord, FlushDone } from '../../../preload/contract';
import { caseRows, unlock } from './actions';
import { expect, openApp, test } from './fixtures';
import { press, riskCard, saved, section, typeInto } from './intake-actions';
import { seedVault } from './seed';

const CASE = { reference: '2026-300', clientName: 'Testa Fictiva' };

async function openCase(page: Page) {
  await press(page, caseRows(page).filter({ hasText: CASE.reference }).getByRole('button', { name: CASE.reference }), 'Enter');
  await expect(page.getByRole('heading', { name: CASE.reference, level: 1 })).toBeVisible();
}

/** main's flush request, answered by the renderer; then what the core has stored. */
async function flushAndRead(page: Page): Promise<{ done: FlushDone; record: CaseRecord }> {
  return (await page.evaluate(async () => {
    const harness = (window as unknown as { briefcaseHarness: { requestFlush(): Promise<unknown> } }).briefcaseHarness;
    const done = await harness.requestFlush();
    const list = await window.briefcase!.cases.list({});
    if (!list.ok) throw new Error('list');
    const got = await window.briefcase!.cases.get({ id: list.value.items[0]!.id });
    if (!got.ok) throw new Error('get');
    return { done, record: got.value };
  })) as { done: FlushDone; record: CaseRecord };
}

test('"Open" answers that it is not available here, and nothing is decrypted to disk', async ({ page, harness }) => {
  await seedVault(harness.dataDir, [CASE]);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page);
  const attachments = section(page, 'Attachments');
  await attachments.getByLabel('Choose files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Fictional interview notes.\n') });
  await press(page, attachments.getByRole('listitem', { name: 'notes.txt' }).getByRole('button', { name: 'Add notes.txt' }), 'Enter');
  await expect(attachments.getByRole('row', { name: /notes\.txt/ })).toBeVisible();

  await press(page, attachments.getByRole('button', { name: 'Open notes.txt' }), 'Enter');
  await expect(attachments.getByRole('alert')).toHaveText('This is not available here. To read an attachment, use “Save a copy” and open the copy.');
  expect(existsSync(join(harness.dataDir, 'opened'))).toBe(false);

  await press(page, page.getByRole('button', { name: 'Dansk' }), 'Enter');
  await expect(section(page, 'Bilag').getByRole('alert')).toHaveText('Det er ikke muligt her. Brug “Gem en kopi” for at læse et bilag, og åbn kopien.');
});

test('a flush request (the window closing) saves what was just typed, and reports what cannot be saved', async ({ page, harness }) => {
  await seedVault(harness.dataDir, [CASE]);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page);
  const client = section(page, 'Client');

  // Typed, and the request comes at once: well inside the 600 ms the autosave waits.
  await typeInto(page, client.getByLabel('Ethnicity'), 'Fiktiv');
  await expect(client).toHaveAttribute('data-save-status', 'pending');
  const first = await flushAndRead(page);
  expect(first.done).toEqual({ requestId: 1, allSaved: true });
  expect(first.record.file.client.ethnicity).toBe('Fiktiv');
  await saved(client);

  // An invalid CPR number cannot be saved: the answer says so (main then asks "Close anyway / Stay").
  await typeInto(page, client.getByLabel('CPR number'), '12345');
  const second = await flushAndRead(page);
  expect(second.done).toEqual({ requestId: 2, allSaved: false });
  expect(second.record.file.client.cpr ?? null).toBeNull();
  await expect(client.getByLabel('CPR number')).toHaveValue('12345');

  // Corrected, it is saved by the next request.
  await typeInto(page, client.getByLabel('CPR number'), '0101841234');
  const third = await flushAndRead(page);
  expect(third.done).toEqual({ requestId: 3, allSaved: true });
  expect(third.record.file.client.cpr).toBe('010184-1234');
});

test('a clinic factor with a number field is added from the keyboard, set on a case and still there after a restart and reload', async ({ page, harness }) => {
  await seedVault(harness.dataDir, [CASE]);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page);
  const risks = section(page, 'Risk factors');

  await press(page, risks.getByRole('button', { name: 'Add a clinic factor' }), 'Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a clinic factor' });
  await dialog.getByLabel('Name in English', { exact: true }).focus();
  await page.keyboard.type('Former detainee');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tidligere tilbageholdt');

  // "Add a field" puts the focus in the new field's first input.
  await press(page, dialog.getByRole('button', { name: 'Add a field' }), 'Enter');
  const field = dialog.getByRole('group', { name: 'Field 1' });
  await expect(field.getByLabel('Field name in English')).toBeFocused();
  await page.keyboard.type('Months detained');
  await page.keyboard.press('Tab');
  await expect(field.getByLabel('Field name in Danish')).toBeFocused();
  await page.keyboard.type('Måneder i fangenskab');
  await page.keyboard.press('Tab');
  await expect(field.getByLabel('Kind of value')).toBeFocused();
  await field.getByLabel('Kind of value').selectOption('number');

  // A second field left empty is marked, and nothing is sent; removing it returns the focus.
  await press(page, dialog.getByRole('button', { name: 'Add a field' }), 'Enter');
  await press(page, dialog.getByRole('button', { name: 'Add factor' }), 'Enter');
  const empty = dialog.getByRole('group', { name: 'Field 2' });
  await expect(empty.getByLabel('Field name in English')).toBeFocused();
  await expect(empty.getByLabel('Field name in English')).toHaveAttribute('aria-invalid', 'true');
  await press(page, empty.getByRole('button', { name: 'Remove field 2' }), 'Enter');
  await expect(dialog.getByRole('button', { name: 'Add a field' })).toBeFocused();
  await press(page, dialog.getByRole('button', { name: 'Add factor' }), 'Enter');
  await expect(dialog).toBeHidden();

  const card = riskCard(page, 'Former detainee');
  await expect(card).toContainText("Clinic's own");
  await press(page, card.locator('summary'), 'Enter');
  await press(page, card.getByRole('radio', { name: 'Present' }), 'Space');
  await typeInto(page, card.getByLabel('Months detained'), '14');
  await saved(risks);

  // The core restarted (the vault locks), the page reloaded: the factor and the value come back.
  await harness.restart('SIGTERM');
  await page.reload();
  await unlock(page);
  await openCase(page);
  const restored = riskCard(page, 'Former detainee');
  await expect(restored.getByRole('radio', { name: 'Present' })).toBeChecked();
  await expect(restored.getByLabel('Months detained')).toHaveValue('14');

  const record = (await page.evaluate(async () => {
    const list = await window.briefcase!.cases.list({});
    if (!list.ok) throw new Error('list');
    const got = await window.briefcase!.cases.get({ id: list.value.items[0]!.id });
    if (!got.ok) throw new Error('get');
    const reference = await window.briefcase!.reference.get({});
    if (!reference.ok) throw new Error('reference');
    return { file: got.value.file, factors: reference.value.riskCatalogue.factors };
  })) as { file: CaseRecord['file']; factors: { id: string; origin: string; fields: unknown[] }[] };
  const factor = record.factors.find((f) => f.origin === 'clinic')!;
  expect(factor.fields).toEqual([{ id: 'monthsDetained', type: 'number', labels: { en: 'Months detained', da: 'Måneder i fangenskab' } }]);
  expect(record.file.risks.find((risk) => risk.factorId === factor.id)).toMatchObject({ state: 'present', fields: { monthsDetained: 14 } });
});

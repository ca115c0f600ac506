// Issue 3: a bad date is rejected on its field in English and Danish and nothing is stored (the
// form never sends it, and the core refuses it too); an edit conflict between two windows is
// reported and the person's text is kept until they choose.
import type { Page } from '@playwright/test';
import type { CaseRecord } from '../../../preload/contract';
import { injectBridge } from '../../harness/bridge';
import { caseRows, screenshot, unlock } from './actions';
import { expect, openApp, test } from './fixtures';
import { dayFromToday, press, saved, section, typeInto } from './intake-actions';
import { seedVault } from './seed';

const CASE = { reference: '2026-200', clientName: 'Testa Fictiva' };

async function openCase(page: Page, reference: string) {
  await press(page, caseRows(page).filter({ hasText: reference }).getByRole('button', { name: reference }), 'Enter');
  await expect(page.getByRole('heading', { name: reference, level: 1 })).toBeVisible();
}

async function stored(page: Page): Promise<CaseRecord> {
  return (await page.evaluate(async () => {
    const list = await window.briefcase!.cases.list({});
    if (!list.ok) throw new Error('list');
    const got = await window.briefcase!.cases.get({ id: list.value.items[0]!.id });
    if (!got.ok) throw new Error('get');
    return got.value;
  })) as CaseRecord;
}

test('a decision dated before the permit is rejected in both languages and nothing is stored', async ({ page, harness }) => {
  await seedVault(harness.dataDir, [CASE]);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page, CASE.reference);

  const details = section(page, 'Case');
  await typeInto(page, details.getByLabel('Permit granted'), '2020-01-01');
  await saved(details);
  await typeInto(page, details.getByLabel('Decision appealed'), '2019-05');
  const decision = details.getByLabel('Decision appealed');
  await expect(details.getByText('The decision cannot be dated before the permit was granted.')).toBeVisible();
  await expect(decision).toHaveAttribute('aria-invalid', 'true');
  await expect(decision).toHaveAccessibleDescription(/The decision cannot be dated before the permit was granted\./);
  await expect(details.getByText('Not saved: correct the marked fields.')).toBeVisible();
  // What was typed stays.
  await expect(decision).toHaveValue('2019-05');
  await screenshot(page, 'case-bad-date');

  await press(page, page.getByRole('button', { name: 'Dansk' }), 'Enter');
  const sag = section(page, 'Sag');
  await expect(sag.getByText('Afgørelsen kan ikke være dateret før opholdstilladelsen blev givet.')).toBeVisible();
  await expect(sag.getByText('Ikke gemt: ret de markerede felter.')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'English' }), 'Enter');

  // The core refuses the same thing, with the same key on the same path.
  const refused = await page.evaluate(async () => {
    const list = await window.briefcase!.cases.list({});
    if (!list.ok) throw new Error('list');
    const got = await window.briefcase!.cases.get({ id: list.value.items[0]!.id });
    if (!got.ok) throw new Error('get');
    const { file, revisions, id } = got.value;
    return window.briefcase!.cases.update({
      id,
      revision: revisions.details,
      update: { section: 'details', value: { ...file.details, dates: { ...file.details.dates, decision: '2019-05' } } },
    });
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(!refused.ok && refused.error.issues).toContainEqual({ path: 'update.value.dates.decision', message: 'validation.decisionBeforePermit' });

  // After a reload (the vault stays open in the core) nothing of the bad date is there; the good one is.
  await page.reload();
  await expect(caseRows(page)).toHaveCount(1);
  const record = await stored(page);
  expect(record.file.details.dates.permitGranted).toBe('2020-01-01');
  expect(record.file.details.dates.decision).toBeNull();
});

test('two windows editing the same section: the second save reports the conflict and keeps the text', async ({ page, harness, context }) => {
  await seedVault(harness.dataDir, [CASE]);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page, CASE.reference);

  const other = await context.newPage();
  await injectBridge(other, harness.token);
  await other.goto(harness.url);
  await openCase(other, CASE.reference);

  // The first window saves a phone number.
  const first = section(page, 'Client');
  await typeInto(page, first.getByLabel('Phone'), '+45 11 22 33 44');
  await saved(first);

  // The second window, still on the old revision, edits the same section.
  const second = section(other, 'Client');
  await typeInto(other, second.getByLabel('Phone'), '+45 99 88 77 66');
  await expect(second.getByRole('alert')).toContainText('This part of the case was changed elsewhere');
  await expect(second).toHaveAttribute('data-save-status', 'conflict');
  await expect(second.getByLabel('Phone')).toHaveValue('+45 99 88 77 66');
  await screenshot(other, 'case-conflict');
  expect((await stored(page)).file.client.contact.phone).toBe('+45 11 22 33 44');

  // Choosing the stored version shows the first window's text.
  await press(other, second.getByRole('button', { name: 'Discard mine and show the saved version' }), 'Enter');
  await expect(second.getByLabel('Phone')).toHaveValue('+45 11 22 33 44');
  await expect(second.getByRole('alert')).toHaveCount(0);
  await other.close();
});

test('the deadline dashboard lists overdue and upcoming deadlines across cases and leads to the case', async ({ page, harness }) => {
  await seedVault(harness.dataDir, [CASE, { reference: '2026-201', clientName: 'Amal Testdatter' }]);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page, CASE.reference);
  const deadlines = section(page, 'Deadlines');
  for (const [index, [kind, days]] of ([['brief', 3], ['appeal', -2], ['hearing', 40]] as const).entries()) {
    await press(page, deadlines.getByRole('button', { name: 'Add a deadline' }), 'Enter');
    const group = deadlines.getByRole('group', { name: `Deadline ${index + 1}` });
    await group.getByLabel('Kind').selectOption(kind);
    await group.getByLabel('Due date').fill(dayFromToday(days));
  }
  await saved(deadlines);

  await press(page, page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Deadlines' }), 'Enter');
  await expect(page.getByRole('heading', { name: 'Deadlines', level: 1 })).toBeVisible();
  const overdue = page.getByRole('region', { name: /Overdue/ });
  const upcoming = page.getByRole('region', { name: /Due in the next 14 days/ });
  await expect(overdue.getByRole('row').filter({ hasText: CASE.reference })).toContainText('Appeal');
  await expect(upcoming.getByRole('row').filter({ hasText: CASE.reference })).toContainText('Brief to the Board');
  await expect(page.getByText('Board hearing')).toHaveCount(0);
  await screenshot(page, 'deadlines');

  await press(page, upcoming.getByRole('button', { name: CASE.reference }), 'Enter');
  await expect(page.getByRole('heading', { name: CASE.reference, level: 1 })).toBeVisible();
});

test('locking mid-edit saves what was typed first', async ({ page, harness }) => {
  await seedVault(harness.dataDir, [CASE]);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page, CASE.reference);
  const client = section(page, 'Client');
  // Lock at once, well inside the autosave delay.
  await typeInto(page, client.getByLabel('Religion'), 'Fiktiv tro');
  await press(page, page.getByRole('button', { name: 'Lock' }), 'Enter');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  await unlock(page);
  await openCase(page, CASE.reference);
  await expect(section(page, 'Client').getByLabel('Religion')).toHaveValue('Fiktiv tro');
});

test('locking with a field that cannot be saved asks first', async ({ page, harness }) => {
  await seedVault(harness.dataDir, [CASE]);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page, CASE.reference);
  const client = section(page, 'Client');
  await typeInto(page, client.getByLabel('CPR number'), '999999-9999');
  await press(page, page.getByRole('button', { name: 'Lock' }), 'Enter');
  const ask = page.getByRole('alertdialog', { name: 'Some changes are not saved' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Stay and fix them' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(client.getByText('This is not a valid CPR number (DDMMYY-SSSS).')).toBeVisible();
  await expect(client.getByLabel('CPR number')).toHaveValue('999999-9999');
});

// Issue 6, in the app: two clinics, each its own vault on its own harness, exchange a case.
// Clinic A sets up its profile (which makes its keys) and exports its card; clinic B sets up,
// adds A's card once the fingerprint typed matches (a wrong one is refused), exports its own card,
// which A trusts. A exports a case to B (a progress bar with Cancel while it runs); B previews the
// file (sender trusted, one case to add), applies it and sees the case. Then both change the
// client's phone; A exports again, B's preview shows the one conflict, "Take theirs" is chosen and
// B's case has A's value. The exchange log on each side lists what happened.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseRows, screenshot, unlock } from './actions';
import {
  addPartnerDialog,
  addressBook,
  downloadTo,
  exportCard,
  exportDialog,
  goToCases,
  goToClinic,
  importDialog,
  openCaseFile,
  openOtherClinic,
  setUpClinic,
  trustCard,
} from './exchange-actions';
import { expect, openApp, test } from './fixtures';
import { saved, section, typeInto } from './intake-actions';
import { seedVault } from './seed';
import type { Page } from '@playwright/test';

const CASE = { reference: '2026-200', clientName: 'Samir Testsen' };
const CLINIC_A = { name: 'Fiktiv Retshjælp Nord', address: 'Testvej 1\n9000 Aalborg', contact: '+45 00 00 00 01' };
/** Fictional: the passphrase a clinic would give the receiver by phone. */
const PASSPHRASE_FOR_FILE = 'fiktiv-fil-sætning-2026';
const CLINIC_B = { name: 'Example Law Clinic South', address: 'Example Street 2\n6000 Kolding', contact: 'south@example.org' };

async function openCase(page: Page, reference: string): Promise<void> {
  await goToCases(page);
  await caseRows(page).getByRole('button', { name: reference }).click();
  await expect(page.getByRole('heading', { name: reference, level: 1 })).toBeVisible();
}

async function setPhone(page: Page, phone: string): Promise<void> {
  await openCase(page, CASE.reference);
  const client = section(page, 'Client');
  await typeInto(page, client.getByLabel('Phone'), phone);
  await saved(client);
}

/** Case page → Export… → to clinic B (and ourselves) → the downloaded file's path. */
async function exportCaseToB(page: Page, dir: string, options: { screenshot?: string } = {}): Promise<string> {
  await openCase(page, CASE.reference);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Also this clinic (so you can open the file yourself)')).toBeChecked();
  await dialog.getByLabel(CLINIC_B.name).check();
  // The export of one small case takes milliseconds: its answer is held back for a moment so the
  // progress bar and its Cancel can be seen (the core's own progress answers still arrive).
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/__api', async (route) => {
    const body = route.request().postDataJSON() as { method?: string } | null;
    if (body?.method !== 'exchange.export') return route.fallback();
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const file = downloadTo(page, dir, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  await expect(dialog.getByRole('progressbar', { name: 'Exporting' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel export' })).toBeVisible();
  if (options.screenshot) await screenshot(page, options.screenshot);
  release();
  const { path, name } = await file;
  await page.unroute('**/__api');
  expect(name).toMatch(/\.briefcase$/);
  await expect(dialog.getByRole('status')).toContainText(`Saved “${name}”`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return path;
}

test('two clinics trust each other, exchange a case, and resolve a conflict field by field', async ({ page, harness }) => {
  test.setTimeout(180_000);
  const files = await mkdtemp(join(tmpdir(), 'briefcase-e2e-files-'));
  await seedVault(harness.dataDir, [CASE]);
  const b = await openOtherClinic(page, []);
  try {
    await openApp(page, harness);
    await unlock(page);
    await expect(caseRows(page)).toHaveCount(1);

    // Clinic A: profile and keys, the fingerprint shown large, the card exported.
    const fingerprintA = await setUpClinic(page, CLINIC_A);
    await expect(page.getByText(/^age1[0-9a-z]+$/).first()).toBeVisible();
    await screenshot(page, 'exchange-clinic');
    const cardA = await exportCard(page, files);

    // Clinic B: its own keys; A's card is trusted only with A's fingerprint typed.
    const fingerprintB = await setUpClinic(b.page, CLINIC_B);
    expect(fingerprintB).not.toBe(fingerprintA);
    await b.page.getByRole('button', { name: 'Add a partner from a card…' }).click();
    const adding = addPartnerDialog(b.page);
    await adding.getByLabel('Clinic card file').setInputFiles(cardA);
    const card = adding.getByRole('region', { name: 'The card' });
    await expect(card).toContainText(CLINIC_A.name);
    await expect(card).toContainText(fingerprintA);
    await expect(card.getByRole('status')).toHaveText('This clinic is not in your address book yet.');
    const typed = adding.getByLabel('Fingerprint you compared with the clinic');
    const trust = adding.getByRole('button', { name: 'Trust' });
    await expect(trust).toBeDisabled();
    await typed.fill(fingerprintB);
    await trust.click();
    await expect(adding.getByRole('alert')).toHaveText(/is not the one on this card/);
    await screenshot(b.page, 'exchange-fingerprint-mismatch');
    // Case and spaces do not matter: the fingerprint as it might be noted down on the phone.
    await typed.fill(fingerprintA.replace(/ /g, '').toLowerCase());
    await trust.click();
    await expect(adding).toBeHidden();
    await expect(b.page.getByRole('table', { name: 'Address book' }).getByRole('row', { name: new RegExp(CLINIC_A.name) })).toContainText('Trusted since');

    // B's card, trusted by A.
    const cardB = await exportCard(b.page, files);
    await trustCard(page, cardB, CLINIC_B.name, fingerprintB);

    // A exports the case to B, with the progress bar while it runs.
    const first = await exportCaseToB(page, files, { screenshot: 'exchange-export-progress' });

    // B previews it: from a trusted partner, one case to add; applies; the case is in B's list.
    let dialog = await openCaseFile(b.page, first);
    await expect(dialog.getByText(`${CLINIC_A.name} is a trusted partner clinic`)).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: 'I trust this sender' })).toHaveCount(0);
    const caseTable = dialog.getByRole('table', { name: '1 case' });
    await expect(caseTable.getByRole('row', { name: new RegExp(CASE.reference) })).toContainText('Added');
    await expect(caseTable.getByRole('row', { name: new RegExp(CASE.reference) })).toContainText(CASE.clientName);
    await screenshot(b.page, 'exchange-import-preview');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog.getByRole('heading', { name: 'Case file imported' })).toBeVisible();
    await expect(dialog.getByRole('status')).toContainText('added');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(caseRows(b.page)).toHaveCount(1);
    await expect(caseRows(b.page).first()).toContainText(CASE.clientName);

    // Both clinics change the client's phone; A exports again.
    await setPhone(page, '+45 11 11 11 11');
    await setPhone(b.page, '+45 22 22 22 22');
    const second = await exportCaseToB(page, files);

    // B: one conflict, shown as mine and theirs; "Take theirs" is needed before Apply.
    dialog = await openCaseFile(b.page, second);
    await expect(dialog.getByRole('table', { name: '1 case' }).getByRole('row', { name: new RegExp(CASE.reference) })).toContainText('1 difference');
    const phone = dialog.getByRole('group', { name: /Client › Phone/ });
    await expect(phone).toHaveCount(1);
    const keepMine = phone.getByRole('radio', { name: 'Keep mine' });
    const takeTheirs = phone.getByRole('radio', { name: 'Take theirs' });
    await expect(keepMine).toHaveAccessibleDescription(/\+45 22 22 22 22/);
    await expect(takeTheirs).toHaveAccessibleDescription(/\+45 11 11 11 11/);
    const apply = dialog.getByRole('button', { name: 'Apply' });
    await expect(apply).toBeDisabled();
    await takeTheirs.check();
    await expect(apply).toBeEnabled();
    await phone.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'exchange-conflict');
    await apply.click();
    await expect(dialog.getByRole('status')).toContainText('updated');
    await dialog.getByRole('button', { name: `Open ${CASE.reference}` }).click();
    await expect(b.page.getByRole('heading', { name: CASE.reference, level: 1 })).toBeVisible();
    await expect(section(b.page, 'Client').getByLabel('Phone')).toHaveValue('+45 11 11 11 11');

    // The exchange log: two exports on A's side, two imports on B's, naming the other clinic.
    await goToClinic(b.page);
    const logB = b.page.getByRole('table', { name: 'Exchange log' });
    await expect(logB.getByRole('row').filter({ hasText: 'Import' })).toHaveCount(2);
    await expect(logB.getByRole('row').filter({ hasText: 'Import' }).first()).toContainText(CASE.reference);
    await expect(logB.getByRole('row').filter({ hasText: 'Import' }).first()).toContainText(CLINIC_A.name);
    await logB.scrollIntoViewIfNeeded();
    await screenshot(b.page, 'exchange-log');
    await goToClinic(page);
    const logA = page.getByRole('table', { name: 'Exchange log' });
    await expect(logA.getByRole('row').filter({ hasText: 'Export' })).toHaveCount(2);
    await expect(logA.getByRole('row').filter({ hasText: 'Export' }).first()).toContainText(CLINIC_B.name);
    expect(b.errors, 'the second page logged errors').toEqual([]);
  } finally {
    const code = await b.close();
    await rm(files, { recursive: true, force: true });
    expect(code, 'the second harness exits cleanly on SIGTERM').toBe(0);
  }
});

test('a file for a passphrase, from a sender the receiver does not know; revoking a partner', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const files = await mkdtemp(join(tmpdir(), 'briefcase-e2e-files-'));
  await seedVault(harness.dataDir, [CASE]);
  const b = await openOtherClinic(page, []);
  try {
    await openApp(page, harness);
    await unlock(page);
    const fingerprintA = await setUpClinic(page, CLINIC_A);
    const cardA = await exportCard(page, files);
    await setUpClinic(b.page, CLINIC_B);

    // A has no partners: the passphrase is the only way, typed twice and long enough.
    await openCase(page, CASE.reference);
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = exportDialog(page);
    await expect(dialog.getByRole('radio', { name: 'Partner clinics' })).toBeDisabled();
    await expect(dialog.getByRole('radio', { name: 'Anyone with a passphrase' })).toBeChecked();
    await dialog.getByLabel('Passphrase for the file').fill('too short');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByText('The passphrase must be at least 12 characters.')).toBeVisible();
    await dialog.getByLabel('Passphrase for the file').fill(PASSPHRASE_FOR_FILE);
    await dialog.getByLabel('Repeat the passphrase').fill(`${PASSPHRASE_FOR_FILE}x`);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByText('The two passphrases are not the same.')).toBeVisible();
    await dialog.getByLabel('Repeat the passphrase').fill(PASSPHRASE_FOR_FILE);
    const { path } = await downloadTo(page, files, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    await expect(dialog.getByRole('status')).toContainText('Saved');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // B: without the passphrase, and with a wrong one, the file does not open (translated).
    await goToCases(b.page);
    await b.page.getByRole('button', { name: 'Import a case file…' }).click();
    const importing = importDialog(b.page);
    await importing.getByLabel('Case file (.briefcase)').setInputFiles(path);
    await importing.getByRole('button', { name: 'Open the file' }).click();
    await expect(importing.getByRole('alert')).toHaveText(/not made for this clinic, or the passphrase is wrong/);
    const passphrase = importing.getByLabel('Passphrase (optional)');
    await expect(passphrase).toBeFocused();
    await passphrase.fill('not-the-right-passphrase');
    await importing.getByRole('button', { name: 'Open the file' }).click();
    await expect(importing.getByRole('alert')).toHaveText(/passphrase is wrong/);
    await passphrase.fill(PASSPHRASE_FOR_FILE);
    await importing.getByRole('button', { name: 'Open the file' }).click();

    // An unknown sender: shown with its fingerprint and a warning; Apply needs explicit trust.
    await expect(importing.getByRole('alert')).toContainText('This sender is not in your address book.');
    await expect(importing).toContainText(fingerprintA);
    const apply = importing.getByRole('button', { name: 'Apply' });
    await expect(apply).toBeDisabled();
    await screenshot(b.page, 'exchange-unknown-sender');
    await importing.getByRole('checkbox', { name: 'I trust this sender' }).check();
    await apply.click();
    await expect(importing.getByRole('status')).toContainText('added');
    await importing.getByRole('button', { name: 'Close' }).click();
    await expect(caseRows(b.page)).toHaveCount(1);

    // B trusts A's card, then revokes it (after the question).
    await goToClinic(b.page);
    await trustCard(b.page, cardA, CLINIC_A.name, fingerprintA);
    const row = addressBook(b.page).getByRole('row', { name: new RegExp(CLINIC_A.name) });
    await row.getByRole('button', { name: `Revoke ${CLINIC_A.name}` }).click();
    const question = b.page.getByRole('alertdialog', { name: `Revoke ${CLINIC_A.name}?` });
    await question.getByRole('button', { name: 'Revoke' }).click();
    await expect(question).toBeHidden();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
    const log = b.page.getByRole('table', { name: 'Exchange log' });
    await expect(log.getByRole('row').filter({ hasText: 'Import' })).toHaveCount(1);
    expect(b.errors, 'the second page logged errors').toEqual([]);
  } finally {
    const code = await b.close();
    await rm(files, { recursive: true, force: true });
    expect(code, 'the second harness exits cleanly on SIGTERM').toBe(0);
  }
});

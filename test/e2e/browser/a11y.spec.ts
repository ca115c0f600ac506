// Accessibility (issue 8, item 4). Every screen and dialog, in English and in Danish, passes axe-core
// (WCAG 2.0/2.1 A and AA) with no serious or critical violation; a main flow works by keyboard alone
// with a visible focus on every control it reaches; and the fields for names and free text follow
// the script typed into them (Arabic right to left, Latin left to right).
import { FIXTURES } from './evidence-actions';
import { PASSPHRASE, WRONG_PASSPHRASE, caseRows, createCase, createVault } from './actions';
import { expectAccessible, expectVisibleFocus, tabTo, textDirection, tr, type Lang } from './a11y-axe';
import { seedVault } from './seed';
import { expect, openApp, test } from './fixtures';
import type { Page } from '@playwright/test';

const nav = (page: Page, lang: Lang, key: string) =>
  page.getByRole('navigation', { name: tr(lang, 'header.navigation') }).getByRole('button', { name: tr(lang, key), exact: true });

/** Opens a dialog with its button, checks it, and closes it with Escape. */
async function checkDialog(page: Page, opener: ReturnType<Page['getByRole']>, screen: string): Promise<void> {
  await opener.click();
  // Native modal <dialog>s: some are alertdialogs, so by element rather than by role.
  const dialog = page.locator('dialog[open]');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, screen);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

// English in the light scheme, Danish in the dark one (styles.css follows the system's choice),
// so both languages and both colour schemes meet the contrast rules.
for (const [lang, scheme] of [
  ['en', 'light'],
  ['da', 'dark'],
] as const) {
  test(`every screen passes axe-core in ${lang === 'en' ? 'English' : 'Danish'} (${scheme} scheme)`, async ({ page, harness }) => {
    await page.emulateMedia({ colorScheme: scheme });
    test.setTimeout(180_000);
    const t = (key: string) => tr(lang, key);
    await openApp(page, harness);
    if (lang === 'da') await page.getByRole('button', { name: 'Dansk' }).click();

    // Create vault.
    await expect(page.getByRole('heading', { name: t('vault.create.title') })).toBeVisible();
    await expectAccessible(page, 'create vault');
    await page.getByLabel(t('vault.create.passphrase'), { exact: true }).fill(PASSPHRASE);
    await page.getByLabel(t('vault.create.confirm')).fill(PASSPHRASE);
    await page.getByRole('button', { name: t('vault.create.submit') }).click();

    // Case list, empty; the import and new-case dialogs.
    await expect(page.getByRole('heading', { name: t('cases.title'), level: 1 })).toBeVisible();
    await expectAccessible(page, 'case list, empty');
    await checkDialog(page, page.getByRole('button', { name: t('exchange.import.open') }), 'import a case file');
    await page.getByRole('button', { name: t('cases.new') }).click();
    const newCase = page.getByRole('dialog', { name: t('newCase.title') });
    await expect(newCase).toBeVisible();
    await expectAccessible(page, 'new case dialog');
    await newCase.getByLabel(t('newCase.reference')).fill('2026-801');
    await newCase.getByLabel(t('newCase.clientName')).fill('Amal Testdatter');
    await newCase.getByRole('button', { name: t('newCase.submit') }).click();

    // The case page: every section, attachments and documents are on it; then its dialogs.
    await expect(page.getByRole('heading', { name: '2026-801', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: t('documents.title') })).toBeVisible();
    await expectAccessible(page, 'case page');
    await checkDialog(page, page.getByRole('button', { name: t('documents.templates.open') }), 'templates dialog');
    await checkDialog(page, page.getByRole('button', { name: t('exchange.export.open') }), 'export dialog');
    await checkDialog(page, page.getByRole('button', { name: t('gdpr.erase.open') }), 'erase dialog');

    // The case list with a case, deadlines.
    await nav(page, lang, 'header.cases').click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectAccessible(page, 'case list with cases');
    await nav(page, lang, 'header.deadlines').click();
    await expect(page.getByRole('heading', { name: t('header.deadlines'), level: 1 })).toBeVisible();
    await expectAccessible(page, 'deadlines');

    // Evidence: the empty library, the starter library in search, the source editor, import problems.
    await nav(page, lang, 'header.evidence').click();
    await expect(page.getByRole('heading', { name: t('evidence.title'), level: 1 })).toBeVisible();
    await expectAccessible(page, 'evidence, empty');
    await page.getByRole('button', { name: t('evidence.starter.load') }).click();
    await expect(page.getByRole('button', { name: t('evidence.starter.load') })).toBeHidden();
    await page.getByLabel(t('evidence.search.label')).fill('military');
    await expect(page.locator('mark').first()).toBeVisible();
    await expectAccessible(page, 'evidence search with results');
    await page.getByRole('navigation', { name: t('evidence.sections') }).getByRole('button', { name: t('evidence.sources.title') }).click();
    await expectAccessible(page, 'evidence sources');
    await page.getByLabel(t('evidence.import.choose')).setInputFiles(`${FIXTURES}malformed.csl.json`);
    await expect(page.getByRole('alert').filter({ hasText: 'malformed.csl.json' })).toBeVisible();
    await expectAccessible(page, 'evidence import problems');
    await page.getByRole('button', { name: t('evidence.sources.new') }).click();
    await expect(page.getByRole('heading', { name: t('evidence.sources.new') })).toBeVisible();
    await expectAccessible(page, 'source editor');

    // Clinic: the profile, identity, address book, and the add-partner dialog.
    await nav(page, lang, 'exchange.nav').click();
    await expect(page.getByRole('heading', { name: t('exchange.title'), level: 1 })).toBeVisible();
    await expectAccessible(page, 'clinic, not set up');
    await page.getByLabel(t('exchange.profile.name')).fill('Testklinikken');
    await page.getByLabel(t('exchange.profile.address'), { exact: true }).fill('Prøvevej 1, 9999 Fiktivby');
    await page.getByLabel(t('exchange.profile.contact'), { exact: true }).fill('klinik@example.org');
    await page.getByRole('button', { name: t('exchange.profile.create') }).click();
    await expect(page.getByRole('button', { name: t('exchange.partners.add') })).toBeVisible();
    await expectAccessible(page, 'clinic');
    await checkDialog(page, page.getByRole('button', { name: t('exchange.partners.add') }), 'add partner dialog');

    // Security: settings, backups, audit trail, retention; the restore dialog.
    await nav(page, lang, 'security.nav').click();
    const backups = page.getByRole('region', { name: t('backups.title') });
    await expect(backups).toBeVisible();
    await expectAccessible(page, 'security');
    await backups.getByRole('button', { name: t('backups.now') }).click();
    await expect(backups.getByTestId('backups-status')).toHaveText(t('backups.made'));
    await checkDialog(page, backups.getByRole('button', { name: t('backups.restore') }).first(), 'restore dialog');

    // Locked, and unlock with a wrong passphrase: the error is shown.
    await page.getByRole('button', { name: t('header.lock') }).click();
    await expect(page.getByRole('heading', { name: t('vault.unlock.title') })).toBeVisible();
    await page.getByLabel(t('vault.unlock.passphrase'), { exact: true }).fill(WRONG_PASSPHRASE);
    await page.getByRole('button', { name: t('vault.unlock.submit') }).click();
    await expect(page.getByRole('alert')).toHaveText(t('errors.WRONG_PASSPHRASE'));
    await expectAccessible(page, 'unlock with an error');
  });
}

test('a main flow works by keyboard alone, with a visible focus on every control', async ({ page, harness }) => {
  test.setTimeout(120_000);
  await seedVault(harness.dataDir, [{ reference: '2026-811', clientName: 'Samir Fiktiv' }]);
  await openApp(page, harness);

  // Unlock: Tab to the passphrase, type it, Enter.
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await tabTo(page, passphrase, 'the passphrase field');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  // Open the case from the list.
  await tabTo(page, caseRows(page).first().getByRole('button', { name: '2026-811' }), 'the case in the list');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '2026-811', level: 1 })).toBeVisible();

  // Edit a field and let it save (sections save themselves; the status line says so).
  const client = page.getByRole('region', { name: 'Client' });
  const ethnicity = client.getByLabel('Ethnicity');
  await tabTo(page, ethnicity, 'the ethnicity field');
  await page.keyboard.type('Fiktiv gruppe');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page, 'the control after the ethnicity field');
  await expect(client.getByRole('status')).toHaveText('Saved');
  await expect(ethnicity).toHaveValue('Fiktiv gruppe');

  // Back up the page to "Export…", open its dialog with Enter, close it with Escape: the focus
  // returns to the button that opened it.
  const exportButton = page.getByRole('button', { name: 'Export…' });
  await tabTo(page, exportButton, 'the Export… button', { back: true });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(':focus')).toHaveCount(1); // the focus moved into the dialog
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exportButton).toBeFocused();
  await expectVisibleFocus(page, 'the Export… button after the dialog closed');

  // Space works on a button too: the erase dialog, closed with Escape, focus back on its opener.
  const eraseButton = page.getByRole('button', { name: 'Erase client…' });
  await tabTo(page, eraseButton, 'the Erase client… button');
  await page.keyboard.press('Space');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await expect(eraseButton).toBeFocused();
});

test('name and free-text fields run right to left for Arabic script and left to right for Latin', async ({ page, harness }) => {
  test.setTimeout(90_000);
  await openApp(page, harness);
  await createVault(page);

  // The new-case dialog's client name.
  await page.getByRole('button', { name: 'New case' }).click();
  const clientName = page.getByRole('dialog', { name: 'New case' }).getByLabel("Client's name");
  await clientName.fill('أمل اختبار');
  expect(await textDirection(clientName)).toBe('rtl');
  await clientName.fill('Amal Testdatter');
  expect(await textDirection(clientName)).toBe('ltr');
  await page.keyboard.press('Escape');

  await createCase(page, '2026-812', 'أمل اختبار');
  // The client's name in the page head and the list follow the script too.
  expect(await textDirection(page.locator('.case-head__client'))).toBe('rtl');

  const client = page.getByRole('region', { name: 'Client' });
  const fields = [client.getByLabel('Other spellings'), client.getByLabel('Ethnicity')];
  for (const field of fields) {
    await field.fill('أمل اختبار');
    expect(await textDirection(field)).toBe('rtl');
    await field.fill('Amal Testdatter');
    expect(await textDirection(field)).toBe('ltr');
  }
  // The name in original script is Arabic whatever is typed.
  expect(await textDirection(client.getByLabel('Name in original script'))).toBe('rtl');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Cases' }).click();
  expect(await textDirection(caseRows(page).first().locator('.client-name'))).toBe('rtl');

  // The clinic profile: name and address.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clinic' }).click();
  for (const field of [page.getByLabel('Clinic name'), page.getByLabel('Address', { exact: true })]) {
    await field.fill('أمل اختبار');
    expect(await textDirection(field)).toBe('rtl');
    await field.fill('Testklinikken');
    expect(await textDirection(field)).toBe('ltr');
  }
});

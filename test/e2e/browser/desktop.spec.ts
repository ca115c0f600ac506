// Desktop conventions in the real renderer (issue 8, item 1):
// - files dropped onto a case's attachments area are staged and added through the same upload
//   path as the file picker; a drop that holds no file says so and changes nothing;
// - the application menu's commands (played by the harness, as main/menu.ts sends them on
//   MENU_CHANNEL) reach the screen: New case, Find, Preferences, Save a copy, Lock; nothing happens
//   while the vault is locked;
// - "Recently opened" on the case list lists the case opened last, and follows the language.
// The menu's labels and accelerators themselves are unit-tested (test/unit/main/menu.test.ts):
// there is no Electron runtime here.
import type { Page } from '@playwright/test';
import type { MenuCommand } from '../../../preload/contract';
import { caseRows, unlock } from './actions';
import { expect, openApp, test } from './fixtures';
import { press, section } from './intake-actions';
import { seedVault } from './seed';

const CASES = [
  { reference: '2026-410', clientName: 'Amal Testdatter' },
  { reference: '2026-411', clientName: 'Samir Fiktiv' },
];
const PDF = '%PDF-1.4\n% fictional statement for a drag-and-drop test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n';

async function openCase(page: Page, reference: string) {
  await press(page, caseRows(page).filter({ hasText: reference }).getByRole('button', { name: reference }), 'Enter');
  await expect(page.getByRole('heading', { name: reference, level: 1 })).toBeVisible();
}

/** What main does when a menu item (or its accelerator) is chosen. */
async function menu(page: Page, command: MenuCommand) {
  await page.evaluate((name) => {
    (window as unknown as { briefcaseHarness: { menuCommand(command: string): void } }).briefcaseHarness.menuCommand(name);
  }, command);
}

/** Drag and drop as the browser delivers it: dragenter, dragover, drop with a DataTransfer. */
async function drop(page: Page, target: string, item: { file?: { name: string; type: string; text: string }; text?: string }) {
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    if (content.file) data.items.add(new File([content.file.text], content.file.name, { type: content.file.type }));
    if (content.text) data.setData('text/plain', content.text);
    return data;
  }, item);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(target, type, { dataTransfer: transfer });
}

test('a PDF dropped onto the attachments area is staged and added to the case; dropped text is refused', async ({ page, harness }) => {
  await seedVault(harness.dataDir, CASES);
  await openApp(page, harness);
  await unlock(page);
  await openCase(page, '2026-410');
  const attachments = section(page, 'Attachments');

  await drop(page, '[data-testid="dropzone"]', { text: 'not a file' });
  await expect(attachments.getByRole('alert')).toHaveText('Only files can be dropped here.');
  await expect(attachments.getByRole('list', { name: 'Files to add' })).toHaveCount(0);

  await drop(page, '[data-testid="dropzone"]', { file: { name: 'statement.pdf', type: 'application/pdf', text: PDF } });
  await expect(attachments.getByText('Only files can be dropped here.')).toHaveCount(0);
  const staged = attachments.getByRole('listitem', { name: 'statement.pdf' });
  await expect(staged).toBeVisible();
  await press(page, staged.getByRole('button', { name: 'Add statement.pdf' }), 'Enter');
  await expect(attachments.getByRole('row', { name: /statement\.pdf/ })).toBeVisible();

  // Stored in the vault, byte for byte.
  const stored = await page.evaluate(async () => {
    const list = await window.briefcase!.cases.list({ query: '2026-410' });
    if (!list.ok) throw new Error('list');
    const got = await window.briefcase!.cases.get({ id: list.value.items[0]!.id });
    if (!got.ok) throw new Error('get');
    return got.value.file.attachments.map((meta) => ({ name: meta.name, size: meta.size }));
  });
  expect(stored).toEqual([{ name: 'statement.pdf', size: Buffer.byteLength(PDF) }]);
});

test('menu commands: new case, find, preferences, save a copy, lock; ignored while locked', async ({ page, harness }) => {
  await seedVault(harness.dataDir, CASES);
  await openApp(page, harness);
  // Locked: a menu command changes nothing (and does not throw in the page).
  await menu(page, 'newCase');
  await expect(page.getByRole('dialog', { name: 'New case' })).toHaveCount(0);
  await unlock(page);
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

  await menu(page, 'newCase');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // From another screen, Find goes to the case list with the search box focused.
  await openCase(page, '2026-411');
  await menu(page, 'find');
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Search cases')).toBeFocused();

  await menu(page, 'preferences');
  await expect(page.getByRole('heading', { name: 'Security', level: 1 })).toBeVisible();

  // Nothing open to save: it says what to open first.
  await menu(page, 'saveCopy');
  await expect(page.getByRole('status').filter({ hasText: 'Save a copy saves the one that is open' })).toBeVisible();

  await menu(page, 'lock');
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
  const status = await page.evaluate(async () => window.briefcase!.vault.status());
  expect(status.ok && status.value.state).toBe('locked');
});

test('"Recently opened" lists the case opened last, first, in English and Danish', async ({ page, harness }) => {
  await seedVault(harness.dataDir, CASES);
  await openApp(page, harness);
  await unlock(page);
  await expect(page.getByRole('navigation', { name: 'Recently opened' })).toHaveCount(0);

  await openCase(page, '2026-411');
  await menu(page, 'find');
  const recent = page.getByRole('navigation', { name: 'Recently opened' });
  await expect(recent.getByRole('button')).toHaveText(['2026-411Samir Fiktiv']);
  await expect(recent.getByRole('button', { name: 'Open case 2026-411, Samir Fiktiv' })).toBeVisible();

  await press(page, page.getByRole('button', { name: 'Dansk' }), 'Enter');
  await press(page, page.getByRole('navigation', { name: 'Senest åbnede' }).getByRole('button', { name: 'Åbn sag 2026-411, Samir Fiktiv' }), 'Enter');
  await expect(page.getByRole('heading', { name: '2026-411', level: 1 })).toBeVisible();
});

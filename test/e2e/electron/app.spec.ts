// The real app: Electron, the preload bridge, IPC and the Electron build of the SQLite addon.
// Create a vault and a case, quit, start again, unlock, and the case is there.
//
// Needs the Electron runtime, which `npm install` downloads unless ELECTRON_SKIP_BINARY_DOWNLOAD=1.
// Where it is missing the test is reported as skipped, with the reason, rather than failing.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const mainEntry = join(root, 'out', 'main', 'index.js');

/** What `require('electron')` resolves to: node_modules/electron/path.txt names the binary in dist/. */
function electronRuntimeInstalled(): boolean {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

const SKIP_REASON = 'Electron runtime not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1); runs where npm install fetched it';

const PASSPHRASE = 'fiktiv-sætning-til-electron-7';
const reference = '2026-031';
const clientName = 'Amal Testdatter';

async function launch(home: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    args: [
      // Chromium refuses its sandbox as root (containers, CI); the app's own settings are unchanged.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      mainEntry,
    ],
    env: { ...process.env, BRIEFCASE_HOME: home, ELECTRON_ENABLE_LOGGING: '0' },
    cwd: root,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test('create a vault and a case, restart the app, unlock, and the case is there', async () => {
  if (!electronRuntimeInstalled()) {
    // Printed as well, so the reason shows in the list reporter's output, not only in the report.
    console.log(`SKIPPED: ${SKIP_REASON}`);
    test.skip(true, SKIP_REASON);
  }
  expect(existsSync(mainEntry), 'out/main/index.js: run "npx electron-vite build" first').toBe(true);
  const home = await mkdtemp(join(tmpdir(), 'briefcase-electron-'));
  try {
    await createThenReopen(home);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
});

async function createThenReopen(home: string): Promise<void> {
  const first = await launch(home);
  try {
    const { page } = first;
    await expect(page.getByRole('heading', { name: 'Create an encrypted vault' })).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'New case' }).click();
    const dialog = page.getByRole('dialog', { name: 'New case' });
    await dialog.getByLabel('Reference').fill(reference);
    await dialog.getByLabel("Client's name").fill(clientName);
    await dialog.getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByRole('heading', { name: reference, level: 1 })).toBeVisible();

    // The preload's bridge, not a stand-in: the contract's groups, and no Node in the page.
    const exposed = await page.evaluate(() => ({
      groups: Object.keys(window.briefcase ?? {}).sort(),
      node: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ groups: ['app', 'cases', 'prefs', 'vault'], node: 'undefined' });
  } finally {
    await first.app.close();
  }
  expect(existsSync(join(home, 'briefcase.vault')), 'the vault is in BRIEFCASE_HOME').toBe(true);

  const second = await launch(home);
  try {
    const { page } = second;
    await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row).toContainText(clientName);
    await row.getByRole('button', { name: reference }).click();
    await expect(page.getByRole('heading', { name: reference, level: 1 })).toBeVisible();
  } finally {
    await second.app.close();
  }
}

// Locking in the window: after the clinic's idle time without activity the unlock screen comes
// back with a polite notice, and nothing of the open case is left in the page; a lock made behind
// the window's back is noticed at its next call and handled the same way. The
// harness shortens a "minute" for these tests only (BRIEFCASE_IDLE_MINUTE_MS; the app never
// reads it).
import type { Page } from '@playwright/test';
import { createCase, createVault, unlock } from './actions';
import { expect, openApp, test, type Harness } from './fixtures';

// Named clientName so the leak scan (test/e2e/leaks/names.ts) looks for it too.
const clientName = 'Amal Testdatter';
const REFERENCE = '2026-701';
/** One idle "minute" of the harness, in ms. */
const MINUTE_MS = 3_000;

/** Restart the harness with a short idle minute (the page is not open yet). */
async function withShortMinute(harness: Harness): Promise<void> {
  process.env.BRIEFCASE_IDLE_MINUTE_MS = String(MINUTE_MS);
  try {
    await harness.restart('SIGTERM');
  } finally {
    delete process.env.BRIEFCASE_IDLE_MINUTE_MS;
  }
}

/** Every text, attribute and form value in the page, as one string. */
function everythingInThePage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map((element) => (element as HTMLInputElement).value);
    return [document.documentElement.outerHTML, document.body.innerText, ...values].join('\n');
  });
}

async function vaultState(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const envelope = await window.briefcase!.vault.status();
    return envelope.ok ? envelope.value.state : envelope.error.code;
  });
}

async function setIdleMinutes(page: Page, minutes: number): Promise<void> {
  await page.getByRole('button', { name: 'Security' }).click();
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form.getByLabel('Lock after minutes without activity')).toHaveValue('10');
  await form.getByLabel('Lock after minutes without activity').fill(String(minutes));
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Cases' }).click();
}

test('locks after the idle time: unlock screen with a notice, the case gone from the page, the vault locked', async ({ page, harness }) => {
  await withShortMinute(harness);
  await openApp(page, harness);
  await createVault(page);
  await setIdleMinutes(page, 1);
  await createCase(page, REFERENCE, clientName);
  await expect(page.getByRole('region', { name: 'Client', exact: true }).getByLabel('Name (Latin script)')).toHaveValue(clientName);

  // No input from here on: locked within the idle time (plus the 5 s poll at worst).
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible({ timeout: MINUTE_MS + 10_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Locked after 1 minute without activity' })).toBeVisible();
  expect(await everythingInThePage(page)).not.toContain(clientName);
  expect(await everythingInThePage(page)).not.toContain(REFERENCE);
  expect(await vaultState(page)).toBe('locked');

  // The harness has no keychain: remembering is offered, disabled, with the reason.
  await expect(page.getByLabel('Remember on this computer')).toBeDisabled();
  await expect(page.getByText('This computer has no keychain Briefcase can use')).toBeVisible();

  // Nothing was lost: the case is there after unlocking.
  await unlock(page);
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: clientName })).toHaveCount(1);
});

test('activity keeps the vault open past the idle time', async ({ page, harness }) => {
  await withShortMinute(harness);
  await openApp(page, harness);
  await createVault(page);
  await setIdleMinutes(page, 1);
  // Two idle "minutes" of moving about the window: still open.
  const until = Date.now() + 2 * MINUTE_MS;
  while (Date.now() < until) {
    await page.mouse.move(100 + (Date.now() % 200), 200);
    await page.waitForTimeout(250);
  }
  await expect(page.getByRole('heading', { name: 'Cases', level: 1 })).toBeVisible();
  expect(await vaultState(page)).toBe('unlocked');
});

test('a lock made behind the window empties the page at the next call', async ({ page, harness }) => {
  await openApp(page, harness);
  await createVault(page);
  await createCase(page, REFERENCE, clientName);
  // Locked by another caller (in the app, main also reloads the window itself on suspend and
  // screen lock: test/unit/main/system-lock.test.ts); the window finds out at its next call.
  await page.evaluate(() => window.briefcase!.vault.lock());
  await page.getByRole('button', { name: 'Back to cases' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock your vault' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('status').filter({ hasText: 'The vault was locked' })).toBeVisible();
  expect(await everythingInThePage(page)).not.toContain(clientName);
});

test('the settings panel keeps the clinic settings and this seat’s name, and refuses out-of-range numbers', async ({ page, harness }) => {
  await openApp(page, harness);
  await createVault(page);
  await page.getByRole('button', { name: 'Security' }).click();
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByLabel('Daily backups kept').fill('0');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Enter a whole number within the range given below.')).toBeVisible();

  await form.getByLabel('Daily backups kept').fill('14');
  await form.getByLabel('Retention period in years').fill('7');
  await form.getByLabel('Your name on this computer').fill('Jonas Eksempel');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();

  // A reload keeps the vault open: the values come back from the vault and the preferences.
  await page.reload();
  await page.getByRole('button', { name: 'Security' }).click();
  await expect(form.getByLabel('Daily backups kept')).toHaveValue('14');
  await expect(form.getByLabel('Retention period in years')).toHaveValue('7');
  await expect(form.getByLabel('Lock after minutes without activity')).toHaveValue('10');
  await expect(form.getByLabel('Your name on this computer')).toHaveValue('Jonas Eksempel');
});

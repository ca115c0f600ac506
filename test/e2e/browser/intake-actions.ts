// Keyboard steps for the intake workspace: focus a control (as Tab would reach it), then type,
// press Enter or Space. Selects are set with selectOption (a keyboard user picks with the arrows;
// no mouse is involved either way).
import { expect, type Locator, type Page } from '@playwright/test';

/** Select what is in the field and type over it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') await page.keyboard.press('Delete');
  else await page.keyboard.type(text);
}

export async function press(page: Page, control: Locator, key: 'Enter' | 'Space'): Promise<void> {
  await control.focus();
  await page.keyboard.press(key);
}

export function section(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** Wait until a section has saved everything typed into it. */
export async function saved(region: Locator): Promise<void> {
  await expect(region).toHaveAttribute('data-save-status', 'saved', { timeout: 15_000 });
}

export function riskCard(page: Page, factor: string): Locator {
  return section(page, 'Risk factors')
    .locator('details')
    .filter({ has: page.locator('.risk__title', { hasText: factor }) });
}

/** A day `days` from today, as YYYY-MM-DD in the test's time zone. */
export function dayFromToday(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(date);
}

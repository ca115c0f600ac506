// The accessibility checks the a11y spec shares (issue 8, item 4): axe-core over the whole page,
// the app's own strings in either language (so one walk serves English and Danish), and the
// visible-focus test for the control that has the keyboard focus.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export type Lang = 'en' | 'da';

const catalogue = (lang: Lang): unknown =>
  JSON.parse(readFileSync(new URL(`../../../renderer/src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const catalogues = { en: catalogue('en'), da: catalogue('da') };

/** WCAG 2.0 and 2.1, levels A and AA: what the issue asks for. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A string from the app's own catalogue, so the walk needs no copy of either language. */
export function tr(lang: Lang, key: string): string {
  let node: unknown = catalogues[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`a11y: no string ${key} in ${lang}.json`);
  return node;
}

/**
 * No serious or critical violation on the page as it is now. The failure names the rule and the
 * element's selector only: never the page's text, which may hold a (fictional) client's name.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${screen}`).toEqual([]);
}

/** The focused element draws a focus indicator: an outline or a box-shadow, not "none". */
export async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const style = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const computed = getComputedStyle(element);
    return {
      focusVisible: element.matches(':focus-visible'),
      outline: computed.outlineStyle === 'none' || computed.outlineWidth === '0px' ? 'none' : computed.outlineStyle,
      shadow: computed.boxShadow,
      tag: element.tagName.toLowerCase(),
    };
  });
  expect(style, `something has the focus (${what})`).not.toBeNull();
  expect(style!.focusVisible, `${what} (${style!.tag}) matches :focus-visible`).toBe(true);
  expect(style!.outline !== 'none' || style!.shadow !== 'none', `${what} (${style!.tag}) shows a focus indicator`).toBe(true);
}

/**
 * Press Tab (or Shift+Tab) until `target` has the focus, checking on every stop that the focused
 * control shows a focus indicator. Fails after `limit` presses: the control is not reachable.
 */
export async function tabTo(page: Page, target: Locator, what: string, options: { back?: boolean; limit?: number } = {}): Promise<void> {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  const focused = () => target.evaluate((element) => element === document.activeElement);
  if (await focused()) return; // already there (a screen that focuses its first field)
  for (let presses = 0; presses < (options.limit ?? 120); presses += 1) {
    await page.keyboard.press(key);
    // Past the last control the focus leaves the page for the browser's own UI and comes back.
    const onPage = await page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body);
    if (onPage) await expectVisibleFocus(page, `stop ${presses + 1} on the way to ${what}`);
    if (await focused()) return;
  }
  throw new Error(`a11y: ${what} is not reachable with ${key}`);
}

/** The direction the browser lays the field's text out in (dir="auto" resolves it from the text). */
export function textDirection(field: Locator): Promise<string> {
  return field.evaluate((element) => getComputedStyle(element).direction);
}

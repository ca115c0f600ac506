// Dates, numbers, sizes and percentages in the chosen language's conventions; a stored calendar day
// never shifts with the time zone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialLanguage, localeFor } from '../../../renderer/src/i18n';
import {
  formatDateTime,
  formatDay,
  formatMoment,
  formatNumber,
  formatPartialDate,
  formatPercent,
  formatShortDay,
  formatSize,
  formatTime,
} from '../../../renderer/src/i18n/format';

const rendererSources = readdirSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.endsWith('i18n'))
  .map((entry) => ({ file: entry.name, text: readFileSync(join(entry.parentPath, entry.name), 'utf8') }));

// Moments are shown in the computer's own time zone: pin it so the expected clock times hold anywhere.
process.env.TZ = 'UTC';

describe('renderer formatting', () => {
  it('formats a due day in Danish and British English', () => {
    expect(formatDay('2027-01-19', localeFor('da'))).toBe('19. jan. 2027');
    expect(formatDay('2027-01-19', localeFor('en'))).toBe('19 Jan 2027');
  });

  it('keeps a calendar day the same day in every time zone', () => {
    expect(formatDay('2026-12-31', 'en-GB')).toBe('31 Dec 2026');
    expect(formatDay('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
  });

  it('leaves text that is not a date as it is', () => {
    expect(formatDay('soon', 'en-GB')).toBe('soon');
    expect(formatMoment('not a time', 'en-GB')).toBe('not a time');
  });

  it('shows a moment with its time the Danish way (14.05) and the British way (14:05)', () => {
    const moment = '2027-01-19T14:05:09Z';
    expect(formatDateTime(moment, 'da')).toBe('19. jan. 2027, 14.05');
    expect(formatDateTime(moment, 'en')).toBe('19 Jan 2027, 14:05');
    expect(formatDateTime(moment, 'da', true)).toBe('19. jan. 2027, 14.05.09');
    expect(formatTime(moment, 'en')).toBe('14:05');
    expect(formatShortDay(moment, 'da')).toBe('19. jan. 2027');
    expect(formatMoment(moment, 'da')).toBe('19. januar 2027');
  });

  it('takes the UI language as i18n gives it, never falling back to American dates', () => {
    // 'en' alone would mean en-US in Intl: "January 19, 2027".
    expect(formatMoment('2027-01-19T14:05:09Z', 'en')).toBe('19 January 2027');
    expect(formatDay('2027-01-19', 'en')).toBe(formatDay('2027-01-19', 'en-GB'));
    expect(localeFor('da-DK')).toBe('da-DK');
    expect(localeFor('en-US')).toBe('en-GB');
  });

  it("formats a source's partial date as far as it is known", () => {
    expect(formatPartialDate('2021', 'da')).toBe('2021');
    expect(formatPartialDate('2021-04', 'da')).toBe('apr. 2021');
    expect(formatPartialDate('2021-04', 'en')).toBe('Apr 2021');
    expect(formatPartialDate('2021-04-09', 'en')).toBe('9 Apr 2021');
    expect(formatPartialDate(null, 'en')).toBe('');
  });

  it("writes numbers, sizes and percentages with each language's separators", () => {
    expect(formatNumber(1234.56, 'da', 1)).toBe('1.234,6');
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(1234.56, 'en')).toBe('1,235');
    expect(formatSize(1_536_000, 'da')).toBe('1,5 MB');
    expect(formatSize(1_536_000, 'en')).toBe('1.5 MB');
    expect(formatSize(999, 'da')).toBe('999 B');
    expect(formatSize(2_500_000_000, 'en')).toBe('2.5 GB');
    expect(formatPercent(45, 'da')).toBe('45\u00a0%');
    expect(formatPercent(45, 'en')).toBe('45%');
  });

  it('is the only place in the renderer that formats dates and numbers', () => {
    // A component calling Intl or toLocaleString itself is how American dates ('en') and "45%" in
    // Danish crept in before: everything goes through renderer/src/i18n/format.ts.
    expect(rendererSources.length).toBeGreaterThan(50);
    const byHand = rendererSources.filter(({ text }) => /\bIntl\.|\.toLocale\w*\(|\.toFixed\(/.test(text)).map(({ file }) => file);
    expect(byHand).toEqual([]);
  });

  it('picks the saved language, else Danish for a Danish browser, else English', () => {
    expect(initialLanguage('en', 'da-DK')).toBe('en');
    expect(initialLanguage(null, 'da-DK')).toBe('da');
    expect(initialLanguage(null, 'DA')).toBe('da');
    expect(initialLanguage(null, 'sv-SE')).toBe('en');
    expect(initialLanguage(null, undefined)).toBe('en');
  });
});

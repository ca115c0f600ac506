// Dates in the chosen language's conventions; a stored calendar day never shifts with the time zone.
import { describe, expect, it } from 'vitest';
import { initialLanguage, localeFor } from '../../../renderer/src/i18n';
import { formatDay, formatMoment } from '../../../renderer/src/i18n/format';

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

  it('picks the saved language, else Danish for a Danish browser, else English', () => {
    expect(initialLanguage('en', 'da-DK')).toBe('en');
    expect(initialLanguage(null, 'da-DK')).toBe('da');
    expect(initialLanguage(null, 'DA')).toBe('da');
    expect(initialLanguage(null, 'sv-SE')).toBe('en');
    expect(initialLanguage(null, undefined)).toBe('en');
  });
});

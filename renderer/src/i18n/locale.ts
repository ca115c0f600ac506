// The locale behind each UI language, for Intl (dates, numbers, sorting). British English gives
// day-month order and a 24-hour clock, closer to Danish practice than American English.

/** 'da', 'da-DK' → 'da-DK'; anything else ('en', 'en-GB', 'en-US') → 'en-GB'. */
export function localeFor(language: string): string {
  return language.toLowerCase().startsWith('da') ? 'da-DK' : 'en-GB';
}

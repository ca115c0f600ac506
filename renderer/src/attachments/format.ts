// File sizes for people (kB, MB) in the UI language's number format.
export function formatSize(bytes: number, language: string): string {
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

// How a source and a pinpoint read in a list: "EASO, Syria – Military service, Apr 2021" and
// "p. 12, para. 3.1, s. 2.4", in the UI's language (the source's date: formatPartialDate in i18n/format).
import type { Pinpoint } from '../../../preload/contract';

type T = (key: string, options?: Record<string, unknown>) => string;

export function formatPinpoint(pinpoint: Pinpoint, t: T): string {
  const parts: string[] = [];
  if (pinpoint.page) parts.push(t('evidence.pinpoint.pageShort', { page: pinpoint.page }));
  if (pinpoint.paragraph) parts.push(t('evidence.pinpoint.paragraphShort', { paragraph: pinpoint.paragraph }));
  if (pinpoint.section) parts.push(t('evidence.pinpoint.sectionShort', { section: pinpoint.section }));
  return parts.join(', ');
}

/** "a, b , c" → ["a", "b", "c"]: lists typed as comma-separated text. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

// Sorting text for display in the chosen language. Danish puts Æ, Ø, Å after Z (and Aa with Å);
// English files them under A and O. String.prototype.localeCompare without a locale, or < on code
// points, gets one of the two wrong, so every list sorted by a name or a title goes through here.
import { localeFor } from './locale';

const collators = new Map<string, Intl.Collator>();

/** The collator of a UI language: case and accents matter only after the letters, numbers by value ("Sag 2" before "Sag 10"). */
export function collatorFor(language: string): Intl.Collator {
  const locale = localeFor(language);
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'variant', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

/** A copy of items sorted by the text of each, in the language's alphabet. */
export function sortByText<T>(items: readonly T[], text: (item: T) => string, language: string): T[] {
  const { compare } = collatorFor(language);
  return [...items].sort((a, b) => compare(text(a), text(b)));
}

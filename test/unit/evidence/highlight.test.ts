import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snippet } from '../../../main/core/evidence/highlight';
import { foldForSearch } from '../../../main/core/text';

const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('search snippets', () => {
  it('marks a folded query word in the text as written: Danish, diacritics, upper case', () => {
    const parts = snippet('Returnees to SJÆLSMARK and Ḥomṣ were questioned.', ['sjaelsmark', 'homs']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['SJÆLSMARK', 'Ḥomṣ']);
    expect(joined(parts)).toBe('Returnees to SJÆLSMARK and Ḥomṣ were questioned.');
  });

  it('shows an exact slice of the text, and every marked part folds to a query word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.nat(), (text, at) => {
        const words = foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        const word = words.length > 0 ? words[at % words.length]! : 'x';
        const parts = snippet(text, [word]);
        const shown = joined(parts).replace(/^…/, '').replace(/…$/, '');
        expect(text.includes(shown)).toBe(true);
        for (const part of parts.filter((p) => p.match)) expect(foldForSearch(part.text).includes(word) || word.includes(foldForSearch(part.text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

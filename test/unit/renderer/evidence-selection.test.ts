// Taking an excerpt from a PDF's extracted text: line breaks from the layout are joined, words
// hyphenated over a line break mended, paragraphs kept; the page pinpoint spans a page break.
import { describe, expect, it } from 'vitest';
import { pageRange, tidyExcerpt } from '../../../renderer/src/evidence/selection';

describe('excerpt from a selection', () => {
  it('joins layout line breaks and mends hyphenated words', () => {
    expect(tidyExcerpt('Men of military age who evaded conscrip-\ntion may be\n  arrested at checkpoints.')).toBe(
      'Men of military age who evaded conscription may be arrested at checkpoints.',
    );
  });

  it('keeps paragraph breaks and a real hyphen before a capital', () => {
    expect(tidyExcerpt('First line\nsame paragraph.\n\n\nSecond Rif-\nDimashq paragraph.')).toBe(
      'First line same paragraph.\n\nSecond Rif-Dimashq paragraph.',
    );
  });

  it('folds Danish and Arabic text without losing letters', () => {
    expect(tidyExcerpt('  Flygtningenævnet\r\nfandt   ')).toBe('Flygtningenævnet fandt');
    expect(tidyExcerpt('دمشق\nوريفها')).toBe('دمشق وريفها');
  });

  it('gives one page or a range', () => {
    expect(pageRange({ page: 12, endPage: 12 })).toBe('12');
    expect(pageRange({ page: 12, endPage: 13 })).toBe('12–13');
  });
});

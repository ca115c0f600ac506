// The Word styles, list numbering and page set-up of every generated DOCX. Real named styles (not
// direct formatting) so a lawyer who polishes the document in Word changes one style and the whole
// brief follows, and so Word's navigation pane and table of contents see the headings.
import { AlignmentType, LevelFormat, LineRuleType, convertMillimetersToTwip } from 'docx';
import type { ILevelsOptions, INumberingOptions, IStylesOptions } from 'docx';

/**
 * A serif installed with Word on Windows and macOS. It is also the complex-script font: Times New
 * Roman has Arabic glyphs on both systems, so a client's name in Arabic script needs no other font.
 */
export const FONT = 'Times New Roman';
export const FONTS = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };

/** Word's language tags for the document's two languages (w:lang wants a region). */
export const WORD_LANGUAGE = { da: 'da-DK', en: 'en-GB' } as const;
/** The language Word assumes for right-to-left runs: spell-checks and shapes them as Arabic. */
export const BIDI_LANGUAGE = 'ar-SA';

const pt = (points: number): number => points * 2; // run sizes are in half-points
const twipPt = (points: number): number => points * 20; // spacing is in twentieths of a point

/** 1.15 lines: Word measures "auto" line spacing in 240ths of a line. */
const LINE = { line: 276, lineRule: LineRuleType.AUTO };

export const PAGE = {
  // A4 as Word writes it (210 × 297 mm rounded to whole twips).
  size: { width: 11906, height: 16838 },
  margin: {
    top: convertMillimetersToTwip(25),
    right: convertMillimetersToTwip(25),
    bottom: convertMillimetersToTwip(25),
    left: convertMillimetersToTwip(25),
    header: convertMillimetersToTwip(12.5),
    footer: convertMillimetersToTwip(12.5),
    gutter: 0,
  },
};

function heading(points: number, before: number, outlineLevel: number, italics = false) {
  return {
    run: { font: FONTS, size: pt(points), sizeComplexScript: pt(points), bold: true, boldComplexScript: true, ...(italics ? { italics, italicsComplexScript: italics } : {}), color: '000000' },
    paragraph: {
      // A heading alone at the foot of a page, its section on the next, is the classic layout fault.
      keepNext: true,
      keepLines: true,
      outlineLevel,
      spacing: { before: twipPt(before), after: twipPt(6), ...LINE },
    },
  };
}

export function styles(language: 'da' | 'en'): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: FONTS,
          size: pt(12),
          sizeComplexScript: pt(12),
          language: { value: WORD_LANGUAGE[language], eastAsia: WORD_LANGUAGE[language], bidirectional: BIDI_LANGUAGE },
        },
        paragraph: { spacing: { before: 0, after: twipPt(8), ...LINE } },
      },
      title: heading(18, 0, 0),
      heading1: heading(16, 12, 0),
      heading2: heading(13, 12, 1),
      heading3: heading(12, 10, 2, true),
      listParagraph: { paragraph: { contextualSpacing: true } },
      footnoteText: { run: { size: pt(10), sizeComplexScript: pt(10) }, paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      footnoteTextChar: { run: { size: pt(10), sizeComplexScript: pt(10) } },
    },
    paragraphStyles: [
      {
        // Word's built-in "Quote" id: a block quotation of a COI passage, set off by indentation.
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: pt(11), sizeComplexScript: pt(11) },
        paragraph: { indent: { left: convertMillimetersToTwip(10), right: convertMillimetersToTwip(10) }, spacing: { before: twipPt(4), after: twipPt(10), ...LINE } },
      },
      {
        id: 'Header',
        name: 'header',
        basedOn: 'Normal',
        run: { size: pt(10), sizeComplexScript: pt(10) },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { size: pt(10), sizeComplexScript: pt(10) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
  };
}

/** The references of the two list definitions in numbering.xml. */
export const BULLET = 'bullet';
export const DECIMAL = 'decimal';

const LEVELS = 9; // Word's maximum nesting
const BULLETS = ['•', '–', '▪'];
const NUMBERS: { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (level: number) => string }[] = [
  { format: LevelFormat.DECIMAL, text: (l) => `%${l + 1}.` },
  { format: LevelFormat.LOWER_LETTER, text: (l) => `%${l + 1})` },
  { format: LevelFormat.LOWER_ROMAN, text: (l) => `%${l + 1}.` },
];

/** Where the text of a list item at `level` starts (the number hangs to its left). */
export function listIndent(level: number): { left: number; hanging: number } {
  return { left: convertMillimetersToTwip(8 + 8 * level), hanging: convertMillimetersToTwip(6) };
}

function levels(make: (level: number) => Pick<ILevelsOptions, 'format' | 'text'>): ILevelsOptions[] {
  return Array.from({ length: LEVELS }, (_, level) => ({
    level,
    ...make(level),
    alignment: AlignmentType.START,
    style: { paragraph: { indent: listIndent(level) } },
  }));
}

export const numbering: INumberingOptions = {
  config: [
    {
      reference: BULLET,
      levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length] ?? '•' })),
    },
    {
      reference: DECIMAL,
      levels: levels((level) => {
        const kind = NUMBERS[level % NUMBERS.length] ?? NUMBERS[0]!;
        return { format: kind.format, text: kind.text(level) };
      }),
    },
  ],
};

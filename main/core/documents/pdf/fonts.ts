// The four faces of the PDF's one font family (Amiri: Latin with the transliteration diacritics,
// and Arabic script), found in templates/fonts and embedded as subsets.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { BriefcaseError } from '../../errors';
import { FaceEmbedder } from './embedder';

export type FaceName = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The faces, each usable by our layout engine and by pdf-lib's page.drawText (font.pdfFont). */
export type Fonts = Record<FaceName, FaceEmbedder>;

const FILES: Record<FaceName, string> = {
  regular: 'Amiri-Regular.ttf',
  bold: 'Amiri-Bold.ttf',
  italic: 'Amiri-Slanted.ttf',
  boldItalic: 'Amiri-BoldSlanted.ttf',
};

/**
 * templates/fonts. The templates root is found by walking up from this module (it sits at
 * different depths in the source tree and in the built app); BRIEFCASE_TEMPLATES overrides it.
 */
export function fontsDir(): string {
  const override = process.env.BRIEFCASE_TEMPLATES;
  if (override) return join(resolve(override), 'fonts');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'templates', 'fonts');
    if (existsSync(join(candidate, FILES.regular))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new BriefcaseError('INTERNAL'); // an installation without its fonts
    dir = parent;
  }
}

// Parsed fonts are kept for the process: parsing is lazy but not free, and a warm render (the
// second brief of a session) should not pay it again. The embedders themselves are per document.
const parsed = new Map<string, { font: Font; bytes: Uint8Array }>();

function parse(path: string): { font: Font; bytes: Uint8Array } {
  let entry = parsed.get(path);
  if (!entry) {
    const bytes = new Uint8Array(readFileSync(path));
    entry = { font: fontkit.create(bytes), bytes };
    parsed.set(path, entry);
  }
  return entry;
}

/** The font files of a face, for tests that check coverage. */
export function fontFile(face: FaceName, dir: string = fontsDir()): string {
  return join(dir, FILES[face]);
}

/** Parsed font of a face (shared, read-only). */
export function parsedFont(face: FaceName, dir: string = fontsDir()): Font {
  return parse(fontFile(face, dir)).font;
}

/**
 * Embed the four faces in `pdf`. Each is a subset holding only the glyphs drawn, written when
 * the document is saved; faces never used are still written (a tiny subset), so a stamp added
 * later by another module can use any of them.
 */
export async function loadFonts(pdf: PDFDocument, dir: string = fontsDir()): Promise<Fonts> {
  const make = (face: FaceName): FaceEmbedder => {
    const { font, bytes } = parse(fontFile(face, dir));
    return FaceEmbedder.attach(pdf, font, bytes, face === 'italic' || face === 'boldItalic');
  };
  return { regular: make('regular'), bold: make('bold'), italic: make('italic'), boldItalic: make('boldItalic') };
}

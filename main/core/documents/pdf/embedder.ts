// One face embedded as a subset TrueType CID font (Type0, Identity-H) with a ToUnicode map.
//
// Why not pdf-lib's own subset embedder: it runs fontkit's full OpenType layout for every string it
// measures or draws. Amiri's layout tables are large (about 0.5 ms a word), which would make a
// 20-page brief take seconds, and pdf-lib throws the layout's positions (kerning, mark offsets)
// away. So text without complex script takes a fast path (character map and advance widths, the
// way a word processor sets Latin text without kerning), text with Arabic script or combining
// marks goes through fontkit's layout (contextual forms, ligatures, mark positions), and both
// are cached. The class extends pdf-lib's CustomFontEmbedder so that a pdf-lib PDFFont wraps it:
// page.drawText (the bundle's page stamps) works with the same subset, and pdf-lib embeds it
// when the document is saved.
import { createHash } from 'node:crypto';
import type { Font, Glyph, Subset } from '@pdf-lib/fontkit';
import { CustomFontEmbedder, PDFFont, PDFHexString, PDFString } from 'pdf-lib';
import type { PDFContext, PDFDocument, PDFRef } from 'pdf-lib';
import { flateStream } from './streams';

/** One glyph as shaped: advances in font units; `text` is what it stands for (for ToUnicode). */
export interface ShapedGlyph {
  gid: number;
  /** Advance with kerning/positioning applied. */
  advance: number;
  /** The glyph's own advance width (what the PDF's /W array says). */
  natural: number;
  xOffset: number;
  yOffset: number;
  text: string;
}

export interface Shaped {
  glyphs: ShapedGlyph[];
  /** Sum of advances, font units. */
  width: number;
  /** True when some glyph is offset from its pen position (marks): drawn glyph by glyph. */
  offsets: boolean;
}

// Scripts and marks that need OpenType shaping: any combining mark, Hebrew, Arabic (with its
// supplements and presentation forms), joiners and directional marks.
const COMPLEX = /[\p{M}\u0590-\u08FF\u200C-\u200F\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function hasRtl(text: string): boolean {
  return STRONG_RTL.test(text);
}

// fontkit's layout takes script, language and direction; its bundled typings omit them.
type LayoutFn = (
  text: string,
  features: string[] | undefined,
  script: string | undefined,
  language: string | undefined,
  direction: 'ltr' | 'rtl',
) => { glyphs: Glyph[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };

/**
 * fontkit's TrueType subsetter copies each glyph's bytes as they are and may then write a short
 * 'loca' table, which stores offsets divided by two. Amiri's glyphs have odd lengths (its own
 * loca is the long format), so every offset after the first odd glyph points one byte off and
 * viewers draw garbage. Padding each glyph to four bytes, as the TrueType spec recommends, keeps
 * all offsets even. The subsetter's internals are pinned with @pdf-lib/fontkit 1.1.1.
 */
function padGlyphs(subset: Subset): Subset {
  const internal = subset as unknown as {
    _addGlyph?: (gid: number) => number;
    glyf: Uint8Array[];
    offset: number;
  };
  const addGlyph = internal._addGlyph;
  if (typeof addGlyph !== 'function') throw new Error('fontkit internals changed: TTFSubset._addGlyph');
  internal._addGlyph = function padded(this: typeof internal, gid: number): number {
    const index = addGlyph.call(this, gid);
    const bytes = this.glyf[index];
    const pad = bytes ? (4 - (bytes.length % 4)) % 4 : 0;
    if (bytes && pad) {
      // The bundled stream accepts only its own Buffer class: allocate through the same class.
      const out = (bytes.constructor as unknown as { alloc(size: number): Uint8Array }).alloc(bytes.length + pad);
      out.set(bytes);
      this.glyf[index] = out;
      this.offset += pad;
    }
    return index;
  };
  return subset;
}

export class FaceEmbedder extends CustomFontEmbedder {
  /** The pdf-lib font wrapping this embedder (for page.drawText). */
  readonly pdfFont: PDFFont;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  private readonly fk: Font;
  private readonly slanted: boolean;
  private readonly subset: Subset;
  private readonly cidOfGid = new Map<number, number>();
  private readonly unicodeOfCid: string[] = [''];
  private readonly widthOfCid: number[] = [];
  private readonly gids: number[] = [0];
  private readonly chars = new Map<number, { gid: number; advance: number }>();
  private readonly complex = new Map<string, Shaped>();

  /** Make the embedder and register its PDFFont with `pdf`, so saving the document embeds it. */
  static attach(pdf: PDFDocument, font: Font, bytes: Uint8Array, slanted: boolean): FaceEmbedder {
    const embedder = new FaceEmbedder(pdf, font, bytes, slanted);
    // pdf-lib has no public way to hand it a ready embedder; embedFont() does exactly this push.
    // pdf-lib is pinned (1.17.1); the check makes a future change fail loudly, not silently.
    const fonts = (pdf as unknown as { fonts?: PDFFont[] }).fonts;
    if (!Array.isArray(fonts)) throw new Error('pdf-lib internals changed: PDFDocument.fonts');
    fonts.push(embedder.pdfFont);
    return embedder;
  }

  private constructor(pdf: PDFDocument, font: Font, bytes: Uint8Array, slanted: boolean) {
    // pdf-lib's typings name their own copy of the fontkit types; the object is the same.
    super(font as never, bytes);
    this.fk = font;
    this.slanted = slanted;
    this.unitsPerEm = font.unitsPerEm;
    this.ascent = font.ascent;
    this.descent = font.descent;
    this.subset = padGlyphs(font.createSubset());
    this.widthOfCid[0] = font.getGlyph(0).advanceWidth * this.scale;
    this.pdfFont = PDFFont.of(pdf.context.nextRef(), pdf, this);
  }

  /** Shape `text` (in logical order). RTL text comes back in visual order, left to right. */
  shape(text: string, rtl: boolean = hasRtl(text)): Shaped {
    if (!rtl && !COMPLEX.test(text)) return this.shapeSimple(text);
    const key = (rtl ? 'r' : 'l') + text;
    let shaped = this.complex.get(key);
    if (!shaped) {
      shaped = this.shapeComplex(text, rtl);
      this.complex.set(key, shaped);
    }
    return shaped;
  }

  /** Width of `text` in font units (the cheap path for line breaking). */
  measure(text: string): number {
    if (COMPLEX.test(text)) return this.shape(text).width;
    let width = 0;
    for (const char of text) width += this.char(char.codePointAt(0) ?? 0).advance;
    return width;
  }

  /** The CID (subset glyph id) of a glyph, adding it to the subset on first use. */
  cid(glyph: ShapedGlyph): number {
    let cid = this.cidOfGid.get(glyph.gid);
    if (cid === undefined) {
      cid = this.subset.includeGlyph(glyph.gid);
      this.cidOfGid.set(glyph.gid, cid);
      this.gids[cid] = glyph.gid;
      this.unicodeOfCid[cid] = glyph.text;
      this.widthOfCid[cid] = glyph.natural * this.scale;
    }
    return cid;
  }

  /** Hex string (4 digits a glyph) of the glyphs' CIDs, for Tj/TJ. */
  hex(glyphs: readonly ShapedGlyph[]): string {
    let out = '';
    for (const glyph of glyphs) out += this.cid(glyph).toString(16).padStart(4, '0');
    return out;
  }

  override encodeText(text: string): PDFHexString {
    return PDFHexString.of(this.hex(this.shape(text).glyphs));
  }

  override widthOfTextAtSize(text: string, size: number): number {
    return (this.measure(text) * size) / this.unitsPerEm;
  }

  override async embedIntoContext(context: PDFContext, ref?: PDFRef): Promise<PDFRef> {
    const bytes = await this.serialize();
    const name = `${this.subsetTag()}+${this.fk.postscriptName ?? 'Font'}`;
    const scale = this.scale;
    const bbox = this.fk.bbox;
    const fontFile = flateStream(context, bytes, { Length1: bytes.length });
    const descriptor = context.register(
      context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        // Symbolic (4, required for a CID font's own encoding) + serif (2) + italic (64).
        Flags: 4 + 2 + (this.slanted ? 64 : 0),
        FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
        ItalicAngle: this.fk.italicAngle,
        Ascent: this.fk.ascent * scale,
        Descent: this.fk.descent * scale,
        CapHeight: (this.fk.capHeight || this.fk.ascent) * scale,
        XHeight: (this.fk.xHeight || 0) * scale,
        StemV: 80,
        FontFile2: fontFile,
      }),
    );
    const cidFont = context.register(
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        W: [0, this.widthOfCid.map((w) => Math.round(w * 100) / 100)],
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = flateStream(context, this.toUnicodeCMap());
    const dict = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    });
    if (ref) {
      context.assign(ref, dict);
      return ref;
    }
    return context.register(dict);
  }

  private char(codePoint: number): { gid: number; advance: number } {
    let entry = this.chars.get(codePoint);
    if (!entry) {
      const glyph = this.fk.glyphForCodePoint(codePoint);
      entry = { gid: glyph.id, advance: glyph.advanceWidth };
      this.chars.set(codePoint, entry);
    }
    return entry;
  }

  private shapeSimple(text: string): Shaped {
    const glyphs: ShapedGlyph[] = [];
    let width = 0;
    for (const char of text) {
      const { gid, advance } = this.char(char.codePointAt(0) ?? 0);
      glyphs.push({ gid, advance, natural: advance, xOffset: 0, yOffset: 0, text: char });
      width += advance;
    }
    return { glyphs, width, offsets: false };
  }

  private shapeComplex(text: string, rtl: boolean): Shaped {
    const layout = (this.fk.layout as unknown as LayoutFn).bind(this.fk);
    const run = layout(text, undefined, undefined, undefined, rtl ? 'rtl' : 'ltr');
    const glyphs: ShapedGlyph[] = [];
    let width = 0;
    let offsets = false;
    run.glyphs.forEach((glyph, index) => {
      const position = run.positions[index] ?? { xAdvance: glyph.advanceWidth, xOffset: 0, yOffset: 0 };
      glyphs.push({
        gid: glyph.id,
        advance: position.xAdvance,
        natural: glyph.advanceWidth,
        xOffset: position.xOffset,
        yOffset: position.yOffset,
        text: String.fromCodePoint(...glyph.codePoints),
      });
      width += position.xAdvance;
      if (position.xOffset !== 0 || position.yOffset !== 0) offsets = true;
    });
    return { glyphs, width, offsets };
  }

  private serialize(): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const parts: Uint8Array[] = [];
      const stream = this.subset.encodeStream();
      stream.on('data', (bytes: Uint8Array) => parts.push(bytes));
      stream.on('end', () => {
        const total = parts.reduce((sum, part) => sum + part.length, 0);
        const out = new Uint8Array(total);
        let offset = 0;
        for (const part of parts) {
          out.set(part, offset);
          offset += part.length;
        }
        resolve(out);
      });
      (stream as unknown as { on(event: 'error', callback: (error: unknown) => void): void }).on('error', reject);
    });
  }

  /** Six capital letters naming the subset (PDF 9.6.4), derived from its glyphs: deterministic. */
  private subsetTag(): string {
    const digest = createHash('sha256').update(this.gids.join(',')).digest();
    return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  }

  /** CID → Unicode, in blocks of at most 100 entries (the CMap format's limit). */
  private toUnicodeCMap(): string {
    const entries: string[] = [];
    this.unicodeOfCid.forEach((text, cid) => {
      if (!text) return;
      let utf16 = '';
      for (let i = 0; i < text.length; i++) utf16 += text.charCodeAt(i).toString(16).padStart(4, '0');
      entries.push(`<${cid.toString(16).padStart(4, '0')}> <${utf16}>`);
    });
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

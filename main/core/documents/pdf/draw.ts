// Placed lines → PDF content-stream operators. Text is drawn a run at a time (a run: cells of
// one style and one direction), spaces included, so pdftotext and copy-paste see words and
// their order. Lines holding right-to-left script are reordered with the Unicode bidi
// algorithm; each RTL run is shaped by fontkit, which returns its glyphs in visual order.
import bidiFactory from 'bidi-js';
import { hasRtl } from './embedder';
import type { FaceName, Fonts } from './fonts';
import { sameStyle } from './linebreak';
import type { Rgb } from './style';
import type { Cell, CellStyle, LineBox } from './types';

const bidi = bidiFactory();

export interface LinkArea {
  rect: [number, number, number, number];
  url: string;
}

function num(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function rgb(color: Rgb): string {
  return `${num(color[0])} ${num(color[1])} ${num(color[2])} rg`;
}

export class PageWriter {
  readonly ops: string[] = [];
  readonly links: LinkArea[] = [];

  constructor(
    private readonly fonts: Fonts,
    private readonly keys: Record<FaceName, string>,
  ) {}

  /** Width of cells in points (logical order; direction does not change the sum). */
  width(cells: readonly Cell[]): number {
    return cells.reduce((sum, cell) => sum + this.measure(cell.text, cell.style), 0);
  }

  measure(text: string, style: CellStyle): number {
    const face = this.fonts[style.face];
    return (face.measure(text) * style.size) / face.unitsPerEm;
  }

  line(line: LineBox, baseline: number): void {
    if (line.label) this.cells(line.label.cells, line.label.x, baseline);
    this.cells(line.cells, line.x, baseline);
  }

  /** Draw cells from `x` on `baseline`; returns the width drawn. */
  cells(cells: readonly Cell[], x: number, baseline: number): number {
    const text = cells.map((cell) => cell.text).join('');
    const runs = hasRtl(text) ? visualRuns(cells, text) : logicalRuns(cells);
    let pen = x;
    for (const run of runs) pen += this.run(run.text, run.style, pen, baseline, run.rtl);
    return pen - x;
  }

  rule(x1: number, x2: number, y: number, thickness: number, color: Rgb): void {
    this.ops.push(`q ${num(color[0])} ${num(color[1])} ${num(color[2])} RG ${num(thickness)} w ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S Q`);
  }

  private run(text: string, style: CellStyle, x: number, baseline: number, rtl: boolean): number {
    const face = this.fonts[style.face];
    const shaped = face.shape(text, rtl);
    const scale = style.size / face.unitsPerEm;
    const y = baseline + style.rise;
    const head = `BT ${rgb(style.color)} ${this.keys[style.face]} ${num(style.size)} Tf`;
    if (!shaped.offsets) {
      // One TJ: glyph codes with kerning adjustments (thousandths of an em, subtracted).
      const parts: string[] = [];
      let hex = '';
      for (const glyph of shaped.glyphs) {
        hex += face.hex([glyph]);
        if (glyph.advance !== glyph.natural) {
          parts.push(`<${hex}>`, num(((glyph.natural - glyph.advance) * 1000) / face.unitsPerEm));
          hex = '';
        }
      }
      if (hex) parts.push(`<${hex}>`);
      const show = parts.length === 1 ? `${parts[0]} Tj` : `[${parts.join(' ')}] TJ`;
      this.ops.push(`${head} 1 0 0 1 ${num(x)} ${num(y)} Tm ${show} ET`);
    } else {
      // Marks placed by the font's positioning: each glyph at its own point.
      const parts: string[] = [head];
      let pen = x;
      for (const glyph of shaped.glyphs) {
        parts.push(`1 0 0 1 ${num(pen + glyph.xOffset * scale)} ${num(y + glyph.yOffset * scale)} Tm <${face.hex([glyph])}> Tj`);
        pen += glyph.advance * scale;
      }
      parts.push('ET');
      this.ops.push(parts.join(' '));
    }
    const width = shaped.width * scale;
    if (style.link) this.links.push({ rect: [x, baseline - style.size * 0.25, x + width, baseline + style.size * 0.85], url: style.link });
    return width;
  }
}

interface Run {
  text: string;
  style: CellStyle;
  rtl: boolean;
}

/** Left-to-right lines: neighbouring cells of one style become one run. */
function logicalRuns(cells: readonly Cell[]): Run[] {
  const runs: Run[] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last && sameStyle(last.style, cell.style)) last.text += cell.text;
    else runs.push({ text: cell.text, style: cell.style, rtl: false });
  }
  return runs;
}

/** Lines with RTL script: the bidi algorithm's visual order, cut into runs of one cell and one
 *  level. Each run keeps its characters in logical order; an RTL run is reversed by shaping. */
function visualRuns(cells: readonly Cell[], text: string): Run[] {
  const owner: number[] = [];
  cells.forEach((cell, index) => {
    for (let i = 0; i < cell.text.length; i++) owner.push(index);
  });
  const levels = bidi.getEmbeddingLevels(text, 'ltr');
  const order = bidi.getReorderedIndices(text, levels);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const runs: Run[] = [];
  let start = 0;
  while (start < order.length) {
    const first = order[start] as number;
    const level = levels.levels[first] ?? 0;
    const rtl = level % 2 === 1;
    let end = start + 1;
    while (end < order.length) {
      const index = order[end] as number;
      const previous = order[end - 1] as number;
      if (owner[index] !== owner[first] || levels.levels[index] !== level || index !== previous + (rtl ? -1 : 1)) break;
      end++;
    }
    const a = Math.min(first, order[end - 1] as number);
    const b = Math.max(first, order[end - 1] as number);
    let chunk = '';
    for (let i = a; i <= b; i++) chunk += mirrored.get(i) ?? text[i];
    const cell = cells[owner[first] as number] as Cell;
    const last = runs[runs.length - 1];
    if (last && !rtl && !last.rtl && sameStyle(last.style, cell.style)) last.text += chunk;
    else runs.push({ text: chunk, style: cell.style, rtl });
    start = end;
  }
  return runs;
}

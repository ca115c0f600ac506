// Inline content → lines. Words break at spaces and after a hyphen or slash inside a word (URLs,
// "s.7(1)/(2)"); a word wider than the line is cut where it must. Greedy first fit: a brief is
// set ragged right, as the lawyer's Word template would be.
import type { Inline } from '../model';
import { SUPERSCRIPT, COLORS } from './style';
import type { Cell, CellStyle } from './types';
import type { FaceName } from './fonts';

/** Width of `text` in points in `style`. */
export type Measure = (text: string, style: CellStyle) => number;

interface Word {
  cells: Cell[];
  width: number;
  /** The space that follows the word (dropped at a line's end), or null when none does. */
  space: Cell | null;
}

type Token = Word | 'break';

export interface BrokenLine {
  cells: Cell[];
  width: number;
  footnotes: number[];
}

const BREAK_AFTER = new Set(['-', '/', '–', '—']);

function faceOf(base: FaceName, bold: boolean, italic: boolean): FaceName {
  const isBold = bold || base === 'bold' || base === 'boldItalic';
  const isItalic = italic || base === 'italic' || base === 'boldItalic';
  if (isBold && isItalic) return 'boldItalic';
  if (isBold) return 'bold';
  return isItalic ? 'italic' : 'regular';
}

/** Split inline runs into words (cells of one or more styles) and forced breaks. */
export function tokenize(content: readonly Inline[], base: CellStyle, measure: Measure): Token[] {
  const tokens: Token[] = [];
  let cells: Cell[] = [];
  const finish = (space: Cell | null): void => {
    if (cells.length === 0) {
      // A space after nothing (a run starting with a space): attach it to the previous word.
      const last = tokens[tokens.length - 1];
      if (space && last && last !== 'break' && !last.space) last.space = space;
      return;
    }
    const width = cells.reduce((sum, cell) => sum + measure(cell.text, cell.style), 0);
    tokens.push({ cells, width, space });
    cells = [];
  };
  const append = (text: string, style: CellStyle): void => {
    const last = cells[cells.length - 1];
    if (last && last.footnote === undefined && sameStyle(last.style, style)) last.text += text;
    else cells.push({ text, style });
  };

  for (const run of content) {
    if (run.type === 'break') {
      finish(null);
      tokens.push('break');
      continue;
    }
    if (run.type === 'footnote') {
      const size = base.size * SUPERSCRIPT.scale;
      cells.push({ text: String(run.number), style: { ...base, face: faceOf(base.face, false, false), size, rise: base.size * SUPERSCRIPT.rise }, footnote: run.number });
      continue;
    }
    const style: CellStyle =
      run.type === 'link'
        ? { ...base, color: COLORS.link, link: run.url }
        : { ...base, face: faceOf(base.face, run.bold === true, run.italic === true) };
    const text = run.text;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string;
      if (char === ' ' || char === '\t' || char === '\n') {
        if (i > start) append(text.slice(start, i), style);
        finish(char === '\n' ? null : { text: ' ', style });
        if (char === '\n') tokens.push('break');
        // Runs of spaces count once: the text was written, not typeset.
        while (text[i + 1] === ' ') i++;
        start = i + 1;
      } else if (BREAK_AFTER.has(char) && i > start && i + 1 < text.length && text[i + 1] !== ' ') {
        append(text.slice(start, i + 1), style);
        finish(null);
        start = i + 1;
      }
    }
    if (start < text.length) append(text.slice(start), style);
  }
  finish(null);
  return tokens;
}

/** Greedy line filling. Every token lands on some line; no line is wider than `width` unless
 *  a single character is. */
export function breakLines(tokens: readonly Token[], width: number, measure: Measure): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let cells: Cell[] = [];
  let used = 0;
  let pendingSpace: Cell | null = null;

  const emit = (): void => {
    lines.push({ cells, width: used, footnotes: cells.filter((c) => c.footnote !== undefined).map((c) => c.footnote as number) });
    cells = [];
    used = 0;
    pendingSpace = null;
  };

  for (const token of tokens) {
    if (token === 'break') {
      emit();
      continue;
    }
    const gap = pendingSpace ? measure(pendingSpace.text, pendingSpace.style) : 0;
    if (cells.length > 0 && used + gap + token.width > width) emit();
    if (cells.length > 0) {
      if (pendingSpace) cells.push(pendingSpace);
      used += gap;
    }
    if (cells.length === 0 && token.width > width) {
      // Too long for any line (a long URL): cut it, filling lines to the edge.
      const pieces = cutWord(token.cells, width, measure);
      pieces.slice(0, -1).forEach((piece) => {
        cells = piece.cells;
        used = piece.width;
        emit();
      });
      const last = pieces[pieces.length - 1];
      cells = last ? last.cells : [];
      used = last ? last.width : 0;
    } else {
      cells.push(...token.cells);
      used += token.width;
    }
    pendingSpace = token.space;
  }
  if (cells.length > 0 || lines.length === 0) emit();
  return lines;
}

/** Cut a word's cells into pieces no wider than `width` (at least one character each). */
function cutWord(cells: readonly Cell[], width: number, measure: Measure): { cells: Cell[]; width: number }[] {
  const pieces: { cells: Cell[]; width: number }[] = [];
  let current: Cell[] = [];
  let used = 0;
  for (const cell of cells) {
    // Combining marks stay with their base character.
    const units = cell.footnote !== undefined ? [cell.text] : (cell.text.match(/\P{M}\p{M}*/gu) ?? [cell.text]);
    for (const unit of units) {
      const w = measure(unit, cell.style);
      if (used + w > width && used > 0) {
        pieces.push({ cells: current, width: used });
        current = [];
        used = 0;
      }
      const last = current[current.length - 1];
      if (last && last.style === cell.style && last.footnote === undefined && cell.footnote === undefined) last.text += unit;
      else current.push({ ...cell, text: unit });
      used += w;
    }
  }
  if (current.length > 0) pieces.push({ cells: current, width: used });
  return pieces;
}

export function sameStyle(a: CellStyle, b: CellStyle): boolean {
  return a.face === b.face && a.size === b.size && a.rise === b.rise && a.link === b.link && a.color === b.color;
}

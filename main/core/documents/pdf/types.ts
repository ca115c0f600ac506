// What the layout produces and the drawing consumes: lines of styled cells, placed on pages.
import type { FaceName } from './fonts';
import type { Rgb } from './style';

export interface CellStyle {
  face: FaceName;
  size: number;
  color: Rgb;
  /** Baseline shift up, in points (superscript footnote marks). */
  rise: number;
  /** Target of a link: the cell is clickable. */
  link?: string;
}

/** A piece of a line in logical order: a word fragment, a space, or a footnote mark. */
export interface Cell {
  text: string;
  style: CellStyle;
  /** Set on a footnote mark: the number it cites. */
  footnote?: number;
}

export interface LineBox {
  kind: 'line';
  /** Left edge of the text, points from the page's left edge. */
  x: number;
  /** Width available (for RTL-only lines, which are still set from the left: the document is LTR). */
  width: number;
  cells: Cell[];
  size: number;
  leading: number;
  /** Space above the line when it is not the first on its page. */
  spaceBefore: number;
  /** The line must stand on the same page as the next one (headings; orphan/widow control). */
  keepWithNext: boolean;
  /** Footnotes whose marks stand in this line. */
  footnotes: number[];
  /** A list marker or footnote number, set at its own x (hanging indent). */
  label?: { cells: Cell[]; x: number };
  /** Set on every line of a heading (a heading must not end a page). */
  inHeading?: boolean;
  /** On the first line of a heading: what the outline shows. */
  heading?: { level: 1 | 2 | 3; title: string };
}

export interface PageBreakBox {
  kind: 'pageBreak';
}

export type FlowItem = LineBox | PageBreakBox;

/** A footnote laid out at the page's width, ready to be placed. */
export interface NoteBox {
  number: number;
  lines: LineBox[];
}

export interface PlacedLine {
  line: LineBox;
  /** Baseline, points from the page's bottom edge. */
  baseline: number;
}

export interface PageLayout {
  body: PlacedLine[];
  notes: PlacedLine[];
  /** Top of the footnote area (the separator rule sits here); null when the page has no notes. */
  notesTop: number | null;
  /** Numbers of the footnotes that begin on this page (their marks are on this page). */
  noteNumbers: number[];
}

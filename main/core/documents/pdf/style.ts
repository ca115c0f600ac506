// The page and type sizes of a brief: A4, 2.5 cm margins, 11.5 pt body. One place, so the layout
// and the drawing agree and a test can read the geometry back.
import type { FaceName } from './fonts';

export const PAGE = {
  width: 595.28,
  height: 841.89,
  margin: 70.87, // 2.5 cm
} as const;

export const CONTENT = {
  left: PAGE.margin,
  right: PAGE.width - PAGE.margin,
  top: PAGE.height - PAGE.margin,
  bottom: PAGE.margin,
  width: PAGE.width - 2 * PAGE.margin,
  height: PAGE.height - 2 * PAGE.margin,
} as const;

export type Rgb = readonly [number, number, number];

export const COLORS = {
  text: [0, 0, 0] as Rgb,
  link: [0.05, 0.25, 0.6] as Rgb,
  muted: [0.35, 0.35, 0.35] as Rgb,
};

export interface BlockMetrics {
  size: number;
  leading: number;
  spaceBefore: number;
  spaceAfter: number;
  face: FaceName;
}

export const BODY: BlockMetrics = { size: 11.5, leading: 15.5, spaceBefore: 0, spaceAfter: 7, face: 'regular' };
export const QUOTE: BlockMetrics & { indent: number } = { size: 11, leading: 14.5, spaceBefore: 2, spaceAfter: 9, face: 'regular', indent: 28 };
export const HEADINGS: Record<1 | 2 | 3, BlockMetrics> = {
  1: { size: 17, leading: 21, spaceBefore: 4, spaceAfter: 10, face: 'bold' },
  2: { size: 14, leading: 18, spaceBefore: 14, spaceAfter: 5, face: 'bold' },
  3: { size: 12, leading: 15.5, spaceBefore: 10, spaceAfter: 3, face: 'bold' },
};
export const LIST = { indent: 18, itemGap: 2 } as const;
export const NOTE = { size: 9.5, leading: 12, gap: 2, labelWidth: 16, separator: 10, ruleWidth: 150 } as const;
export const SUPERSCRIPT = { scale: 0.62, rise: 0.38 } as const;
export const RUNNING = { size: 9, headerBaseline: PAGE.height - 46, ruleY: PAGE.height - 54, footerBaseline: 40 } as const;

/** Baseline below a line's top edge: most of the leading sits above the baseline. */
export function baselineOffset(leading: number, size: number): number {
  return (leading - size) / 2 + size * 0.8;
}

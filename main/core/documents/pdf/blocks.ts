// Blocks → a flow of lines with their spacing and keep rules; footnotes → note boxes.
import { inlineText } from '../model';
import type { Block, Footnote, Inline } from '../model';
import { breakLines, tokenize } from './linebreak';
import type { Measure } from './linebreak';
import { BODY, COLORS, CONTENT, HEADINGS, LIST, NOTE, QUOTE } from './style';
import type { BlockMetrics } from './style';
import type { Cell, CellStyle, FlowItem, LineBox, NoteBox } from './types';

interface Frame {
  x: number;
  width: number;
}

// Amiri has no white bullet (U+25E6): the third level uses a middle dot.
export const BULLETS = ['•', '–', '·'];

function styleOf(metrics: BlockMetrics): CellStyle {
  return { face: metrics.face, size: metrics.size, color: COLORS.text, rise: 0 };
}

/** Lines of one paragraph-like block. The caller sets spacing between blocks. */
function paragraphLines(content: readonly Inline[], metrics: BlockMetrics, frame: Frame, measure: Measure): LineBox[] {
  const tokens = tokenize(content, styleOf(metrics), measure);
  return breakLines(tokens, frame.width, measure).map((line) => ({
    kind: 'line',
    x: frame.x,
    width: frame.width,
    cells: line.cells,
    size: metrics.size,
    leading: metrics.leading,
    spaceBefore: 0,
    keepWithNext: false,
    footnotes: line.footnotes,
  }));
}

/** Orphans and widows: a paragraph's first two and last two lines stay together. */
function keepTogetherAtEnds(lines: LineBox[]): void {
  if (lines.length < 2) return;
  (lines[0] as LineBox).keepWithNext = true;
  if (lines.length >= 3) (lines[lines.length - 2] as LineBox).keepWithNext = true;
}

function listMarker(ordered: boolean, index: number, depth: number): string {
  if (!ordered) return BULLETS[depth % BULLETS.length] as string;
  switch (depth % 3) {
    case 0:
      return `${index + 1}.`;
    case 1:
      return `${String.fromCharCode(97 + (index % 26))})`;
    default:
      return `${roman(index + 1)}.`;
  }
}

function roman(n: number): string {
  const table: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, glyphs] of table) while (n >= value) {
    out += glyphs;
    n -= value;
  }
  return out;
}

interface Laid {
  items: FlowItem[];
  spaceBefore: number;
  spaceAfter: number;
}

function layoutBlock(block: Block, frame: Frame, measure: Measure, depth: number): Laid {
  switch (block.type) {
    case 'pageBreak':
      return { items: [{ kind: 'pageBreak' }], spaceBefore: 0, spaceAfter: 0 };
    case 'heading': {
      const metrics = HEADINGS[block.level];
      const lines = paragraphLines(block.content, metrics, frame, measure);
      for (const line of lines) {
        line.keepWithNext = true;
        line.inHeading = true;
      }
      if (lines[0]) lines[0].heading = { level: block.level, title: inlineText(block.content).replace(/\s+/g, ' ').trim() };
      return { items: lines, spaceBefore: metrics.spaceBefore, spaceAfter: metrics.spaceAfter };
    }
    case 'paragraph': {
      const quote = block.style === 'quote';
      const metrics = quote ? QUOTE : BODY;
      const inner = quote ? { x: frame.x + QUOTE.indent, width: frame.width - 2 * QUOTE.indent } : frame;
      const lines = paragraphLines(block.content, metrics, inner, measure);
      keepTogetherAtEnds(lines);
      return { items: lines, spaceBefore: metrics.spaceBefore, spaceAfter: metrics.spaceAfter };
    }
    case 'list': {
      const items: FlowItem[] = [];
      const inner = { x: frame.x + LIST.indent, width: frame.width - LIST.indent };
      block.items.forEach((itemBlocks, index) => {
        const laid = stack(itemBlocks, inner, measure, depth + 1, LIST.itemGap);
        const first = laid.items.find((item): item is LineBox => item.kind === 'line');
        if (first) {
          const marker = listMarker(block.ordered, index, depth);
          first.label = { cells: [{ text: marker, style: { ...styleOf(BODY), size: first.size } }], x: frame.x };
          if (index > 0) first.spaceBefore = Math.max(first.spaceBefore, LIST.itemGap);
        }
        items.push(...laid.items);
      });
      return { items, spaceBefore: BODY.spaceBefore, spaceAfter: depth === 0 ? BODY.spaceAfter : LIST.itemGap };
    }
  }
}

/** Blocks one under another; the gap between two is the larger of their spacings. */
function stack(blocks: readonly Block[], frame: Frame, measure: Measure, depth: number, innerGap: number): Laid {
  const items: FlowItem[] = [];
  let previousAfter: number | null = null;
  let first = 0;
  let last = 0;
  blocks.forEach((block, index) => {
    const laid = layoutBlock(block, frame, measure, depth);
    const head = laid.items[0];
    if (head && head.kind === 'line' && previousAfter !== null) {
      // Inside a list item the blocks sit close; between top-level blocks the larger spacing wins.
      const gap = depth > 0 ? innerGap : Math.max(previousAfter, laid.spaceBefore);
      head.spaceBefore = Math.max(head.spaceBefore, gap);
    }
    if (index === 0) first = laid.spaceBefore;
    last = laid.spaceAfter;
    previousAfter = laid.spaceAfter;
    items.push(...laid.items);
  });
  return { items, spaceBefore: first, spaceAfter: last };
}

/** The document's body as a flow of lines at the content width. */
export function layoutBlocks(blocks: readonly Block[], measure: Measure): FlowItem[] {
  return stack(blocks, { x: CONTENT.left, width: CONTENT.width }, measure, 0, 0).items;
}

/** Each footnote: its number hanging in the margin of the note, its text wrapped beside it. */
export function layoutNotes(notes: readonly Footnote[], measure: Measure): Map<number, NoteBox> {
  const metrics: BlockMetrics = { size: NOTE.size, leading: NOTE.leading, spaceBefore: NOTE.gap, spaceAfter: 0, face: 'regular' };
  const frame = { x: CONTENT.left + NOTE.labelWidth, width: CONTENT.width - NOTE.labelWidth };
  const boxes = new Map<number, NoteBox>();
  for (const note of notes) {
    const lines = paragraphLines(note.content, metrics, frame, measure);
    const first = lines[0];
    if (first) {
      const label: Cell = { text: String(note.number), style: styleOf(metrics) };
      first.label = { cells: [label], x: CONTENT.left };
      first.spaceBefore = NOTE.gap;
    }
    boxes.set(note.number, { number: note.number, lines });
  }
  return boxes;
}

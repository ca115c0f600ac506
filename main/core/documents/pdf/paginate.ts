// Lines → pages, with each footnote at the bottom of the page whose text cites it.
//
// Rules, in order:
// - A line and the footnotes first cited in it go on the same page. If they do not fit, the line
//   moves to the next page (its notes with it).
// - Exception, a very long footnote (over a third of the page) or a line that starts a page: the
//   line stays, the note begins here with at least two of its lines, and the rest continues at the
//   top of the next page's note area (before that page's own notes), as in printed law reports.
//   Continued lines carry no number. Continuations take at most half of a page, so body text always
//   moves on.
// - A chain of lines marked keep-with-next (a heading and the line after it; a paragraph's first
//   two and last two lines) starts a new page rather than be split, unless it would not fit on an
//   empty page either.
// - A page break starts a new page unless the current one is still empty.
import { CONTENT, NOTE, baselineOffset } from './style';
import type { FlowItem, LineBox, NoteBox, PageLayout } from './types';

const EPSILON = 0.01;

interface PageState {
  body: { line: LineBox; top: number }[];
  notes: LineBox[];
  noteNumbers: number[];
  bodyUsed: number;
  notesUsed: number;
}

function emptyPage(): PageState {
  return { body: [], notes: [], noteNumbers: [], bodyUsed: 0, notesUsed: 0 };
}

function bodyCost(page: PageState, line: LineBox): number {
  return (page.body.length > 0 ? line.spaceBefore : 0) + line.leading;
}

/** Height the note area grows by when `lines` are appended to it. */
function noteCost(hasNotes: boolean, lines: readonly LineBox[]): number {
  let cost = hasNotes || lines.length === 0 ? 0 : NOTE.separator;
  lines.forEach((line, index) => {
    cost += line.leading + (index === 0 && !hasNotes ? 0 : line.label ? line.spaceBefore : 0);
  });
  return cost;
}

/** The longest prefix of `lines` whose cost stays within `room`. */
function prefixThatFits(hasNotes: boolean, lines: readonly LineBox[], room: number): number {
  let count = 0;
  while (count < lines.length && noteCost(hasNotes, lines.slice(0, count + 1)) <= room + EPSILON) count++;
  return count;
}

export function paginate(flow: readonly FlowItem[], notes: ReadonlyMap<number, NoteBox>): PageLayout[] {
  const pages: PageLayout[] = [];
  let page = emptyPage();
  let carry: LineBox[] = [];

  const room = (): number => CONTENT.height - page.bodyUsed - page.notesUsed;
  const addNotes = (lines: readonly LineBox[]): void => {
    page.notesUsed += noteCost(page.notes.length > 0, lines);
    page.notes.push(...lines);
  };
  const addLine = (line: LineBox): void => {
    const cost = bodyCost(page, line);
    page.body.push({ line, top: CONTENT.top - page.bodyUsed - (page.body.length > 0 ? line.spaceBefore : 0) });
    page.bodyUsed += cost;
  };
  const newPage = (): void => {
    pages.push(finish(page));
    page = emptyPage();
    if (carry.length > 0) {
      const take = Math.max(1, prefixThatFits(false, carry, CONTENT.height / 2));
      addNotes(carry.slice(0, take));
      carry = carry.slice(take);
    }
  };
  const notesOf = (line: LineBox): NoteBox[] =>
    line.footnotes.map((number) => notes.get(number)).filter((box): box is NoteBox => box !== undefined);

  /** Cost of a keep chain starting at `from`, counting its notes whole. */
  const chainCost = (from: number, onEmpty: boolean): number => {
    let cost = 0;
    let hasNotes = onEmpty ? false : page.notes.length > 0;
    let first = onEmpty || page.body.length === 0;
    for (let i = from; i < flow.length; i++) {
      const item = flow[i] as FlowItem;
      if (item.kind !== 'line') break;
      cost += (first ? 0 : item.spaceBefore) + item.leading;
      first = false;
      const lines = notesOf(item).flatMap((box) => box.lines);
      cost += noteCost(hasNotes, lines);
      hasNotes = hasNotes || lines.length > 0;
      if (!item.keepWithNext) break;
    }
    return cost;
  };

  const place = (line: LineBox): void => {
    for (;;) {
      const boxes = notesOf(line);
      const noteLines = boxes.flatMap((box) => box.lines);
      const lineCost = bodyCost(page, line);
      if (lineCost + noteCost(page.notes.length > 0, noteLines) <= room() + EPSILON) {
        addLine(line);
        addNotes(noteLines);
        page.noteNumbers.push(...boxes.map((box) => box.number));
        return;
      }
      const startsPage = page.body.length === 0;
      const tall = noteCost(false, noteLines) > CONTENT.height / 3;
      if (noteLines.length > 0 && (startsPage || tall)) {
        const fit = prefixThatFits(page.notes.length > 0, noteLines, room() - lineCost);
        if (fit >= Math.min(2, noteLines.length) || (startsPage && fit >= 1)) {
          addLine(line);
          addNotes(noteLines.slice(0, fit));
          page.noteNumbers.push(...boxes.map((box) => box.number));
          carry = [...noteLines.slice(fit), ...carry];
          return;
        }
      }
      if (startsPage && page.notes.length === 0) {
        // Nothing else can make room: set the line anyway rather than loop.
        addLine(line);
        addNotes(noteLines);
        page.noteNumbers.push(...boxes.map((box) => box.number));
        return;
      }
      newPage();
    }
  };

  flow.forEach((item, index) => {
    if (item.kind === 'pageBreak') {
      if (page.body.length > 0) newPage();
      return;
    }
    if (item.keepWithNext && page.body.length > 0) {
      const onEmpty = chainCost(index, true);
      if (chainCost(index, false) > room() + EPSILON && onEmpty <= CONTENT.height + EPSILON) newPage();
    }
    place(item);
  });
  while (carry.length > 0) newPage();
  if (page.body.length > 0 || page.notes.length > 0 || pages.length === 0) pages.push(finish(page));
  return pages;
}

/** Baselines for the page's lines; notes stack down from the top of their area. */
function finish(page: PageState): PageLayout {
  const body = page.body.map(({ line, top }) => ({ line, baseline: top - baselineOffset(line.leading, line.size) }));
  if (page.notes.length === 0) return { body, notes: [], notesTop: null, noteNumbers: page.noteNumbers };
  const notesTop = CONTENT.bottom + page.notesUsed;
  let cursor = notesTop - NOTE.separator;
  const placed = page.notes.map((line, index) => {
    if (index > 0 && line.label) cursor -= line.spaceBefore;
    const baseline = cursor - baselineOffset(line.leading, line.size);
    cursor -= line.leading;
    return { line, baseline };
  });
  return { body, notes: placed, notesTop, noteNumbers: page.noteNumbers };
}

// "Use selection as excerpt": the text a person selected in a PDF's extracted pages, tidied for
// quoting, and the page (or pages) it came from. Each page is rendered in an element carrying
// data-page="<number>" inside the viewer; a selection outside the viewer counts as none.

export interface PageSelection {
  text: string;
  /** The page the selection starts on, 1-based. */
  page: number;
  /** The page it ends on (the same page for most quotes). */
  endPage: number;
}

/**
 * Extracted PDF text breaks lines where the layout did: join them into running text, mend words
 * hyphenated across a line break ("conscrip-\ntion" → "conscription"; "Rif-\nDimashq" keeps its hyphen), keep paragraph breaks.
 */
export function tidyExcerpt(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .replace(/(\p{L})-\n\s*(\p{Ll})/gu, '$1$2')
        .replace(/(\p{L}-)\n\s*(?=\p{Lu})/gu, '$1')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}

/** "12", or "12–13" when a quote runs over a page break. */
export function pageRange(selection: Pick<PageSelection, 'page' | 'endPage'>): string {
  return selection.page === selection.endPage ? String(selection.page) : `${selection.page}–${selection.endPage}`;
}

function pageOf(node: Node | null, viewer: Element): number | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  const page = element?.closest('[data-page]');
  if (!page || !viewer.contains(page)) return null;
  const number = Number(page.getAttribute('data-page'));
  return Number.isInteger(number) && number > 0 ? number : null;
}

/** The current selection inside `viewer`, or null when there is none there. */
export function readSelection(viewer: Element, selection: Selection | null = window.getSelection()): PageSelection | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const start = pageOf(selection.anchorNode, viewer);
  const end = pageOf(selection.focusNode, viewer);
  if (start === null || end === null) return null;
  const text = tidyExcerpt(selection.toString());
  if (!text) return null;
  return { text, page: Math.min(start, end), endPage: Math.max(start, end) };
}

// A PDF outline (bookmarks) written with pdf-lib's low-level objects: pdf-lib 1.17 has no API for
// it. ISO 32000-1 §12.3.3: the catalogue's /Outlines dictionary holds /First and /Last; each item
// has /Title, /Parent, /Prev, /Next, a destination, and for items with children /First, /Last
// and /Count (positive: shown open).
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** 0-based page index in the finished document. */
  pageIndex: number;
  children?: OutlineEntry[];
  /** Shown with its children folded in (false) or unfolded (default). */
  open?: boolean;
}

/** Replaces the document's outline with `entries` and asks viewers to show it on opening. */
export function writeOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const root = pdf.context.nextRef();
  const { first, last, count } = writeLevel(pdf, entries, root);
  pdf.context.assign(root, pdf.context.obj({ Type: 'Outlines', First: first, Last: last, Count: count }));
  pdf.catalog.set(PDFName.of('Outlines'), root);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Writes one level of siblings under `parent`; returns its first and last item and how many are visible. */
function writeLevel(pdf: PDFDocument, entries: readonly OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } {
  const { context } = pdf;
  const refs = entries.map(() => context.nextRef());
  let count = entries.length;
  entries.forEach((entry, index) => {
    const page = pdf.getPage(Math.min(entry.pageIndex, pdf.getPageCount() - 1));
    const dict = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: parent,
      // [page /XYZ left top zoom] with nulls: go to the page, keep the reader's zoom.
      Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
    });
    if (index > 0) dict.set(PDFName.of('Prev'), refs[index - 1]!);
    if (index < refs.length - 1) dict.set(PDFName.of('Next'), refs[index + 1]!);
    if (entry.children && entry.children.length > 0) {
      const children = writeLevel(pdf, entry.children, refs[index]!);
      dict.set(PDFName.of('First'), children.first);
      dict.set(PDFName.of('Last'), children.last);
      // Positive: unfolded, and its visible descendants count for the parent; negative: folded.
      const open = entry.open !== false;
      dict.set(PDFName.of('Count'), context.obj(open ? children.count : -children.count));
      if (open) count += children.count;
    }
    context.assign(refs[index]!, dict);
  });
  return { first: refs[0]!, last: refs[refs.length - 1]!, count };
}

/**
 * A document's own outline as entries (the brief's headings, so the bundle can nest them under
 * the brief's entry). Items whose destination is not a page of this document (named or remote
 * destinations, which the PDF writer does not make) are left out with their children kept.
 */
export function readOutline(pdf: PDFDocument): OutlineEntry[] {
  const pages = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index]));
  const root = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const seen = new Set<string>();
  const level = (first: unknown, depth: number): OutlineEntry[] => {
    const entries: OutlineEntry[] = [];
    for (let ref = first; ref instanceof PDFRef && !seen.has(ref.toString()) && depth < 10; ) {
      seen.add(ref.toString()); // a malformed outline may loop
      const item = pdf.context.lookupMaybe(ref, PDFDict);
      if (!item) break;
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const target = dest?.get(0);
      const pageIndex = target instanceof PDFRef ? pages.get(target.toString()) : undefined;
      const children = level(item.get(PDFName.of('First')), depth + 1);
      if (pageIndex !== undefined && (title instanceof PDFHexString || title instanceof PDFString)) {
        entries.push({ title: title.decodeText(), pageIndex, children });
      } else {
        entries.push(...children);
      }
      ref = item.get(PDFName.of('Next'));
    }
    return entries;
  };
  return root ? level(root.get(PDFName.of('First')), 0) : [];
}

/** The same entries with every page index moved by `offset` (a part's first page in the bundle). */
export function shiftOutline(entries: readonly OutlineEntry[], offset: number): OutlineEntry[] {
  return entries.map((entry) => ({ ...entry, pageIndex: entry.pageIndex + offset, children: shiftOutline(entry.children ?? [], offset) }));
}

// The document outline (bookmarks) of the headings, nested by level. pdf-lib has no outline API:
// the /Outlines tree is built from dictionaries (PDF 32000-1, 12.3.3), each item linked to its
// parent and siblings and pointing at its heading with an /XYZ destination.
import { PDFHexString, PDFName, PDFNull, PDFNumber } from 'pdf-lib';
import type { PDFDict, PDFDocument, PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  level: 1 | 2 | 3;
  title: string;
  pageIndex: number;
  /** Top of the heading, points from the page's bottom edge. */
  top: number;
}

interface Node {
  entry: OutlineEntry | null;
  ref: PDFRef;
  children: Node[];
}

/** Add /Outlines to the catalog. Levels nest under the nearest shallower heading before them. */
export function addOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = pdf.context;
  const root: Node = { entry: null, ref: context.nextRef(), children: [] };
  const stack: Node[] = [root];
  for (const entry of entries) {
    while (stack.length > 1 && ((stack[stack.length - 1] as Node).entry as OutlineEntry).level >= entry.level) stack.pop();
    const node: Node = { entry, ref: context.nextRef(), children: [] };
    (stack[stack.length - 1] as Node).children.push(node);
    stack.push(node);
  }

  const pages = pdf.getPages();
  const count = (node: Node): number => node.children.reduce((sum, child) => sum + 1 + count(child), 0);
  const write = (node: Node, parent: Node | null): void => {
    const dict = context.obj({}) as PDFDict;
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    if (first && last) {
      dict.set(PDFName.of('First'), first.ref);
      dict.set(PDFName.of('Last'), last.ref);
      // Positive count: the item opens expanded and shows all its descendants.
      dict.set(PDFName.of('Count'), PDFNumber.of(count(node)));
    }
    if (node.entry && parent) {
      const siblings = parent.children;
      const index = siblings.indexOf(node);
      const page = pages[node.entry.pageIndex];
      dict.set(PDFName.of('Title'), PDFHexString.fromText(node.entry.title));
      dict.set(PDFName.of('Parent'), parent.ref);
      if (index > 0) dict.set(PDFName.of('Prev'), (siblings[index - 1] as Node).ref);
      if (index < siblings.length - 1) dict.set(PDFName.of('Next'), (siblings[index + 1] as Node).ref);
      if (page) dict.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(node.entry.top)), PDFNull]));
    } else {
      dict.set(PDFName.of('Type'), PDFName.of('Outlines'));
    }
    context.assign(node.ref, dict);
    for (const child of node.children) write(child, node);
  };
  write(root, null);
  pdf.catalog.set(PDFName.of('Outlines'), root.ref);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

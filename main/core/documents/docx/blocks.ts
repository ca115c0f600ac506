// Blocks of the composed document → Word paragraphs, each with a named style (Heading1–3, Quote,
// Normal, ListParagraph with a real numbering reference), never direct formatting.
import { HeadingLevel, PageBreak, Paragraph } from 'docx';
import type { IParagraphOptions } from 'docx';
import type { Block, List } from '../model';
import { inlineRuns } from './inline';
import { BULLET, DECIMAL, listIndent } from './styles';

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

interface Context {
  /** Next `instance` per numbering reference: each list gets its own, so each counts from 1. */
  instances: Map<string, number>;
  /**
   * A page break waiting for the next paragraph. It becomes that paragraph's "page break before"
   * rather than a paragraph holding a break, which would leave an empty line at the top of the
   * new page and a stray paragraph for the lawyer to delete.
   */
  breakPending: boolean;
}

export function blockParagraphs(blocks: readonly Block[]): Paragraph[] {
  const context: Context = { instances: new Map(), breakPending: false };
  const out = blocks.flatMap((block) => paragraphsOf(block, context, null));
  // A break with nothing after it still ends the page, as written.
  if (context.breakPending) out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

function paragraph(context: Context, options: IParagraphOptions): Paragraph {
  const pageBreakBefore = context.breakPending || undefined;
  context.breakPending = false;
  return new Paragraph({ ...options, pageBreakBefore });
}

/** The paragraph options of a heading or paragraph block, without numbering or indentation. */
function blockOptions(block: Extract<Block, { type: 'heading' | 'paragraph' }>): IParagraphOptions {
  if (block.type === 'heading') return { heading: HEADING[block.level], children: inlineRuns(block.content) };
  return { style: block.style === 'quote' ? 'Quote' : undefined, children: inlineRuns(block.content) };
}

/** `inItem`: the list level of the item this block continues (its second paragraph, say). */
function paragraphsOf(block: Block, context: Context, inItem: number | null): Paragraph[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph': {
      const indent = inItem === null ? undefined : { left: listIndent(inItem).left };
      return [paragraph(context, { ...blockOptions(block), indent })];
    }
    case 'pageBreak':
      context.breakPending = true;
      return [];
    case 'list':
      return listParagraphs(block, context, inItem === null ? 0 : inItem + 1, null);
  }
}

/**
 * A list is one Word numbering instance; a nested list of the same kind continues that instance one
 * level down (Word restarts a level after each item above it), a nested list of the other kind
 * starts an instance of its own.
 */
function listParagraphs(list: List, context: Context, level: number, parent: { reference: string; instance: number } | null): Paragraph[] {
  const reference = list.ordered ? DECIMAL : BULLET;
  let instance: number;
  if (parent && parent.reference === reference) {
    instance = parent.instance;
  } else {
    instance = context.instances.get(reference) ?? 1;
    context.instances.set(reference, instance + 1);
  }
  const numbering = { reference, level: Math.min(level, 8), instance };
  const out: Paragraph[] = [];
  for (const item of list.items) {
    item.forEach((block, index) => {
      if (block.type === 'list') {
        out.push(...listParagraphs(block, context, numbering.level + 1, { reference, instance }));
      } else if (index === 0 && block.type !== 'pageBreak') {
        out.push(paragraph(context, { ...blockOptions(block), numbering }));
      } else {
        out.push(...paragraphsOf(block, context, numbering.level));
      }
    });
  }
  return out;
}

// Markdown → the composed-document model (model.ts), and the check of what Markdown a template may
// write. Only what the model holds is allowed: headings 1–3, paragraphs, emphasis and strong, block
// quotes of paragraphs, ordered and bullet lists, links (http, https, mailto), hard line breaks, and
// a thematic break ("---" on a line of its own, after a blank line) as a page break. Tables,
// images, raw HTML, code (fenced, indented or inline), link definitions and deeper headings are
// refused when a template is checked, with their line; values from the case are escaped
// (escape.ts), so they cannot produce any of them.
//
// remark-parse is CommonMark without GitHub's extensions, so a pipe table would silently become a
// paragraph of pipes: tableLines() finds table delimiter rows in the template's own text instead.
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import type { Block, FootnoteRef, Inline, Paragraph } from './model';
import { merge, splitPlaceholders } from './citations';

/** Something a document may not contain, with the line of the Markdown it was found on. */
export interface Unsupported {
  line: number;
  kind: string;
}

export function parseMarkdown(markdown: string): Root {
  return unified().use(remarkParse).parse(markdown);
}

const lineOf = (node: Nodes) => node.position?.start.line ?? 0;
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

interface Marks {
  bold?: boolean;
  italic?: boolean;
}

class Converter {
  readonly unsupported: Unsupported[] = [];

  constructor(private readonly cite: (index: number) => FootnoteRef | null) {}

  private refuse(node: Nodes, kind: string): void {
    this.unsupported.push({ line: lineOf(node), kind });
  }

  blocks(nodes: readonly RootContent[], quote = false): Block[] {
    return nodes.flatMap((node) => this.block(node, quote));
  }

  private block(node: RootContent, quote: boolean): Block[] {
    switch (node.type) {
      case 'heading':
        if (quote) break;
        if (node.depth > 3) {
          this.refuse(node, 'heading');
          return [];
        }
        return [{ type: 'heading', level: node.depth as 1 | 2 | 3, content: this.inlines(node.children) }];
      case 'paragraph': {
        const content = this.inlines(node.children);
        if (content.length === 0) return [];
        const paragraph: Paragraph = { type: 'paragraph', content };
        if (quote) paragraph.style = 'quote';
        return [paragraph];
      }
      case 'blockquote':
        return this.blocks(node.children, true);
      case 'list':
        if (quote) break;
        return [
          {
            type: 'list',
            ordered: node.ordered === true,
            items: node.children.map((item) => item.children.flatMap((child) => (child.type === 'heading' ? (this.refuse(child, 'heading'), []) : this.block(child, false)))),
          },
        ];
      case 'thematicBreak':
        if (quote) break;
        return [{ type: 'pageBreak' }];
      case 'html':
        this.refuse(node, 'html');
        return [];
      case 'code':
        this.refuse(node, 'code');
        return [];
      case 'definition':
        this.refuse(node, 'definition');
        return [];
      default:
        this.refuse(node, node.type);
        return [];
    }
    this.refuse(node, 'quote');
    return [];
  }

  inlines(nodes: readonly PhrasingContent[], marks: Marks = {}): Inline[] {
    return merge(nodes.flatMap((node) => this.inline(node, marks)));
  }

  private inline(node: PhrasingContent, marks: Marks): Inline[] {
    switch (node.type) {
      case 'text':
        // A soft line break inside a paragraph of the template is a space; the space before a
        // citation goes, so the footnote mark sits on the word or punctuation it follows.
        return splitPlaceholders(node.value.replace(/[ \t]*\n[ \t]*/g, ' ')).map((part, index, parts) =>
          typeof part === 'number'
            ? (this.cite(part) ?? { type: 'text', text: '' })
            : { type: 'text', text: typeof parts[index + 1] === 'number' ? part.trimEnd() : part, ...marks },
        );
      case 'emphasis':
        return this.inlines(node.children, { ...marks, italic: true });
      case 'strong':
        return this.inlines(node.children, { ...marks, bold: true });
      case 'break':
        return [{ type: 'break' }];
      case 'link': {
        if (!SAFE_URL.test(node.url)) {
          this.refuse(node, 'linkTarget');
          return [];
        }
        // The model's link holds plain text: marks inside it are dropped, citations follow it.
        const inner = this.inlines(node.children);
        const text = inner.map((run) => (run.type === 'text' || run.type === 'link' ? run.text : '')).join('');
        const notes = inner.filter((run) => run.type === 'footnote');
        return [{ type: 'link', text: text || node.url, url: node.url }, ...notes];
      }
      case 'inlineCode':
        this.refuse(node, 'code');
        return [];
      case 'html':
        this.refuse(node, 'html');
        return [];
      case 'image':
      case 'imageReference':
        this.refuse(node, 'image');
        return [];
      case 'linkReference':
        this.refuse(node, 'definition');
        return [];
      default:
        this.refuse(node as Nodes, (node as Nodes).type);
        return [];
    }
  }
}

/**
 * The blocks of rendered Markdown. `cite(i)` gives the footnote mark of citation placeholder i
 * (null when the excerpt is unknown: the mark is then left out and the caller refuses).
 */
export function toBlocks(markdown: string, cite: (index: number) => FootnoteRef | null): { blocks: Block[]; unsupported: Unsupported[] } {
  const converter = new Converter(cite);
  const blocks = converter.blocks(parseMarkdown(markdown).children);
  return { blocks, unsupported: converter.unsupported };
}

/** First lines (1-based) of pipe tables: a row with pipes above a delimiter row ("| --- | :-: |"). */
export function tableLines(markdown: string): number[] {
  const lines = markdown.split('\n');
  const found: number[] = [];
  lines.forEach((line, index) => {
    if (index > 0 && line.includes('|') && line.includes('-') && /^[\s|:-]+$/.test(line) && lines[index - 1]!.includes('|')) found.push(index);
  });
  return found;
}

/**
 * A template's own Markdown, with Liquid blanked out (outputs become a word, tags nothing, comments
 * nothing; line breaks are kept so line numbers stay those of the file).
 */
export function blankLiquid(source: string): string {
  const keepLines = (text: string) => text.replace(/[^\n]/g, '');
  return source
    .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, keepLines)
    .replace(/\{%-?\s*raw\s*-?%\}([\s\S]*?)\{%-?\s*endraw\s*-?%\}/g, (_m, inner: string) => inner)
    .replace(/\{\{[\s\S]*?\}\}/g, (m) => `x${keepLines(m)}`)
    .replace(/\{%[\s\S]*?%\}/g, keepLines);
}

/** What a template's Markdown may not contain, by line of the template file. */
export function checkTemplateMarkdown(source: string): Unsupported[] {
  const markdown = blankLiquid(source);
  const { unsupported } = toBlocks(markdown, () => null);
  const tables = tableLines(markdown).map((line) => ({ line, kind: 'table' }));
  return [...unsupported, ...tables].sort((a, b) => a.line - b.line);
}


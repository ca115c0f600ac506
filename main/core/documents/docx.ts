// The DOCX writer: a ComposedDocument → a Word file a lawyer opens, polishes and files. Real styles,
// list numbering, footnotes, running header and "page X of Y" footer, document properties. The
// pieces live in docx/: styles.ts (styles, numbering, page), blocks.ts, inline.ts, core-properties.ts.
import { Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ComposedDocument } from './model';
import { blockParagraphs } from './docx/blocks';
import { coreProperties } from './docx/core-properties';
import { inlineRuns, textRuns } from './docx/inline';
import { PAGE, numbering, styles } from './docx/styles';

/** "Side 3 af 12": the words around the PAGE and NUMPAGES fields, per document language. */
const PAGE_OF = { da: ['Side ', ' af '], en: ['Page ', ' of '] } as const;

export interface DocxOptions {
  /** The created/modified time in the properties; tests pass a fixed one. */
  now?: Date;
}

export async function renderDocx(doc: ComposedDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const [before, between] = PAGE_OF[doc.language];
  const footnotes = Object.fromEntries(
    // Word puts the note's number first; the space after it is ours, as in Word's own footnotes.
    doc.footnotes.map((note) => [
      note.number,
      { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(' '), ...inlineRuns(note.content)] })] },
    ]),
  );
  const file = new Document({
    title: doc.title,
    subject: doc.subject,
    creator: doc.author,
    lastModifiedBy: doc.author,
    styles: styles(doc.language),
    numbering,
    footnotes,
    sections: [
      {
        properties: { page: PAGE },
        headers: { default: new Header({ children: [new Paragraph({ style: 'Header', children: textRuns(doc.header) })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Footer',
                children: [new TextRun({ children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: blockParagraphs(doc.blocks),
      },
    ],
  });
  return Packer.pack(file, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreProperties(doc, options.now ?? new Date()) }]);
}

// The DOCX writer, read back as Word and LibreOffice would: the XML parts (styles, numbering,
// footnotes, header, footer, properties), python-docx, and a LibreOffice conversion to PDF.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../main/core/documents/docx';
import { inlineText } from '../../../main/core/documents/model';
import type { Block, ComposedDocument } from '../../../main/core/documents/model';
import { ARABIC_NAME, HOSTILE, composedBrief, footnoteText } from '../../fixtures/documents/docx/brief';
import { tempDir } from '../helpers';
import { findAll, first, readDocx, valOf, wordFootnotes, wordParagraphs, wordText } from './ooxml';
import type { XmlElement } from './ooxml';

const run = promisify(execFile);

interface Expected {
  style: string | undefined;
  text: string;
  level?: number;
  footnotes: number[];
}

/** The paragraphs the writer should produce for `blocks`, in order, derived from the model. */
function expectedParagraphs(blocks: readonly Block[], level = -1): Expected[] {
  const out: Expected[] = [];
  for (const block of blocks) {
    if (block.type === 'pageBreak') continue;
    if (block.type === 'list') {
      for (const item of block.items) {
        item.forEach((inner, index) => {
          if (inner.type === 'paragraph' && index === 0) out.push({ ...expectedOf(inner), style: 'ListParagraph', level: level + 1 });
          else out.push(...expectedParagraphs([inner], level + 1));
        });
      }
      continue;
    }
    out.push(expectedOf(block));
  }
  return out;
}

function expectedOf(block: Extract<Block, { type: 'heading' | 'paragraph' }>): Expected {
  const footnotes = block.content.flatMap((r) => (r.type === 'footnote' ? [r.number] : []));
  const text = inlineText(block.content.filter((r) => r.type !== 'footnote'));
  const style = block.type === 'heading' ? `Heading${block.level}` : block.style === 'quote' ? 'Quote' : undefined;
  return { style, text, footnotes };
}

function styleById(styles: XmlElement, id: string): XmlElement | undefined {
  return findAll(styles, 'w:style').find((s) => s.attrs['w:styleId'] === id);
}

/** numId → abstract definition's level formats (numFmt per ilvl). */
function numberingFormats(numbering: XmlElement): Map<string, string[]> {
  const abstract = new Map(
    findAll(numbering, 'w:abstractNum').map((a) => [a.attrs['w:abstractNumId'], findAll(a, 'w:lvl').map((l) => valOf(l, 'w:numFmt') ?? '')]),
  );
  return new Map(findAll(numbering, 'w:num').map((n) => [n.attrs['w:numId']!, abstract.get(valOf(n, 'w:abstractNumId')) ?? []]));
}

async function render(doc: ComposedDocument) {
  return readDocx(await renderDocx(doc, { now: new Date('2026-05-01T10:00:00Z') }));
}

describe('renderDocx: document.xml', () => {
  it('writes every block as a paragraph with its Word style, in order', async () => {
    const doc = composedBrief('da');
    const { document } = await render(doc);
    const actual = wordParagraphs(first(document, 'w:body')!).map((p) => ({
      style: p.style,
      text: p.text,
      ...(p.numId !== undefined ? { level: p.level } : {}),
      footnotes: p.footnotes,
    }));
    expect(actual).toEqual(expectedParagraphs(doc.blocks));
    const styles = new Set(actual.map((p) => p.style));
    for (const style of ['Heading1', 'Heading2', 'Heading3', 'Quote', 'ListParagraph']) expect(styles).toContain(style);
  });

  it('gives each list real numbering: decimal or bullet, nested levels, every list counting from 1', async () => {
    const { document, part } = await render(composedBrief('da'));
    const formats = numberingFormats(part('word/numbering.xml'));
    const items = wordParagraphs(document).filter((p) => p.numId !== undefined);
    const format = (p: (typeof items)[number]) => formats.get(p.numId!)?.[p.level!];

    const byText = (text: string) => items.find((p) => p.text === text)!;
    expect(format(byText('Klageren udrejste ulovligt i 2014.'))).toBe('decimal');
    expect(format(byText('afhøring ved grænsen'))).toBe('bullet');
    expect(byText('afhøring ved grænsen').level).toBe(1);
    // A nested ordered list in an ordered list: the same list, one level down, in letters.
    expect(byText('statusafklaring er ikke en garanti').numId).toBe(byText('Klageren udrejste ulovligt i 2014.').numId);
    expect(format(byText('statusafklaring er ikke en garanti'))).toBe('lowerLetter');
    // The annex list is a list of its own, so it starts again at 1.
    const annexes = byText('Bilag 1: Udlændingestyrelsens afgørelse');
    expect(annexes.numId).not.toBe(byText('Klageren udrejste ulovligt i 2014.').numId);
    const num = findAll(part('word/numbering.xml'), 'w:num').find((n) => n.attrs['w:numId'] === annexes.numId)!;
    expect(valOf(num, 'w:startOverride')).toBe('1');
  });

  it('writes a page break as "page break before" on the next paragraph', async () => {
    const { document } = await render(composedBrief('da'));
    const breaking = wordParagraphs(document).filter((p) => first(p.element, 'w:pageBreakBefore'));
    expect(breaking.map((p) => p.text)).toEqual(['Retsgrundlag']);
  });

  it('marks Arabic-script runs right-to-left, and only them', async () => {
    const { document } = await render(composedBrief('da'));
    const runs = findAll(document, 'w:r').filter((r) => wordText(r).trim() !== '');
    const rtl = runs.filter((r) => first(r, 'w:rtl'));
    expect(rtl.map(wordText)).toEqual([ARABIC_NAME]);
    expect(runs.find((r) => wordText(r).includes('ʿAbd al-Ḥakīm Ṭāhā'))).toBeDefined();
  });

  it('keeps a multi-word Arabic name in one right-to-left run', async () => {
    const doc = composedBrief('da');
    doc.blocks.push({ type: 'paragraph', content: [{ type: 'text', text: 'Navn: عبد الحكيم طه (ʿAbd al-Ḥakīm Ṭāhā).' }] });
    const { document } = await render(doc);
    const runs = findAll(wordParagraphs(document).at(-1)!.element, 'w:r');
    expect(runs.map((r) => [wordText(r), first(r, 'w:rtl') !== undefined])).toEqual([
      ['Navn: ', false],
      ['عبد الحكيم طه', true],
      [' (ʿAbd al-Ḥakīm Ṭāhā).', false],
    ]);
  });

  it('sets an A4 page with 2.5 cm margins', async () => {
    const { document } = await render(composedBrief('da'));
    const size = first(document, 'w:pgSz')!.attrs;
    const margin = first(document, 'w:pgMar')!.attrs;
    expect([size['w:w'], size['w:h']]).toEqual(['11906', '16838']);
    const cm25 = String(Math.round((25 / 25.4) * 1440));
    expect([margin['w:top'], margin['w:right'], margin['w:bottom'], margin['w:left']]).toEqual([cm25, cm25, cm25, cm25]);
  });
});

describe('renderDocx: footnotes', () => {
  it('references footnotes 1..n in order and holds their text in footnotes.xml', async () => {
    const doc = composedBrief('da');
    expect(doc.footnotes.length).toBeGreaterThanOrEqual(6);
    const { document, footnotes } = await render(doc);
    const refs = wordParagraphs(document).flatMap((p) => p.footnotes);
    expect(refs).toEqual(doc.footnotes.map((n) => n.number));
    const notes = wordFootnotes(footnotes!);
    expect([...notes.keys()]).toEqual(refs);
    for (const note of doc.footnotes) expect(notes.get(note.number)!.trim()).toBe(footnoteText(note.number));
    // Each note is in Word's footnote style and starts with its number mark.
    for (const p of wordParagraphs(footnotes!).filter((p) => p.text.trim())) {
      expect(p.style).toBe('FootnoteText');
      expect(first(p.element, 'w:footnoteRef')).toBeDefined();
    }
  });

  it('makes links in footnotes clickable, and refuses schemes other than http(s) and mailto', async () => {
    const doc = composedBrief('da');
    doc.footnotes[1]!.content.push({ type: 'link', text: 'klik', url: 'javascript:alert(1)' });
    const { footnotes, files } = await render(doc);
    const rels = files.get('word/_rels/footnotes.xml.rels')!.toString('utf8');
    const links = findAll(footnotes!, 'w:hyperlink');
    expect(links).toHaveLength(2);
    for (const link of links) expect(rels).toContain(`Id="${link.attrs['r:id']}"`);
    expect(rels).toContain('https://www.ft.dk/samling/20191/almdel/UUI/bilag/128/2205421/index.htm');
    expect(rels).not.toContain('javascript:');
    expect(wordFootnotes(footnotes!).get(2)).toContain('klik');
  });
});

describe('renderDocx: styles, header, footer, properties', () => {
  it('defines the headings, Quote and footnote styles with their built-in ids', async () => {
    const { styles } = await render(composedBrief('da'));
    for (const [id, outline] of [['Heading1', '0'], ['Heading2', '1'], ['Heading3', '2']] as const) {
      const style = styleById(styles, id)!;
      expect(valOf(style, 'w:name')).toBe(`Heading ${id.slice(-1)}`);
      expect(valOf(style, 'w:outlineLvl')).toBe(outline);
      expect(first(style, 'w:keepNext')).toBeDefined();
    }
    for (const id of ['Quote', 'FootnoteText', 'FootnoteReference', 'ListParagraph', 'Normal']) expect(styleById(styles, id)).toBeDefined();
    expect(first(styleById(styles, 'FootnoteReference')!, 'w:vertAlign')?.attrs['w:val']).toBe('superscript');
    // 12 pt body, 1.15 lines, a serif with a complex-script font too.
    const defaults = first(styles, 'w:docDefaults')!;
    expect(valOf(defaults, 'w:sz')).toBe('24');
    expect(first(defaults, 'w:spacing')!.attrs['w:line']).toBe('276');
    const fonts = first(defaults, 'w:rFonts')!.attrs;
    expect(fonts['w:ascii']).toBeTruthy();
    expect(fonts['w:cs']).toBe(fonts['w:ascii']);
  });

  it.each([
    ['da', 'da-DK', ['Side ', ' af ']],
    ['en', 'en-GB', ['Page ', ' of ']],
  ] as const)('%s: language, header with the case reference, footer "page X of Y" with fields', async (language, tag, words) => {
    const doc = composedBrief(language);
    const { styles, core, part, files } = await render(doc);
    expect(first(first(styles, 'w:docDefaults')!, 'w:lang')!.attrs['w:val']).toBe(tag);

    const headerPath = [...files.keys()].find((p) => /^word\/header\d+\.xml$/.test(p))!;
    const footerPath = [...files.keys()].find((p) => /^word\/footer\d+\.xml$/.test(p))!;
    expect(wordText(part(headerPath))).toBe(doc.header);
    const footer = part(footerPath);
    expect(findAll(footer, 'w:instrText').map((i) => i.children.join('').trim())).toEqual(['PAGE', 'NUMPAGES']);
    expect(findAll(footer, 'w:t').map((t) => t.children.join(''))).toEqual([...words]);

    const text = (name: string) => first(core, name)?.children.join('');
    expect(text('dc:title')).toBe(doc.title);
    expect(text('dc:creator')).toBe(doc.author);
    expect(text('dc:subject')).toBe(doc.subject);
    expect(text('dc:language')).toBe(tag);
  });
});

describe('renderDocx: nothing is interpreted', () => {
  it('prints markup, Liquid and Markdown characters literally', async () => {
    const doc = composedBrief('da');
    const { document, files } = await render(doc);
    const paragraph = wordParagraphs(document).find((p) => p.text.includes('asylskemaet'))!;
    expect(paragraph.text.endsWith(HOSTILE)).toBe(true);
    const raw = files.get('word/document.xml')!.toString('utf8');
    expect(raw).not.toContain('<script>');
    expect(raw).toContain('&lt;script&gt;');
  });

  it('drops characters XML cannot hold instead of writing a file Word calls corrupt', async () => {
    const doc = composedBrief('da');
    doc.blocks.push({ type: 'paragraph', content: [{ type: 'text', text: 'før\u000B\u0001efter\u0000' }] });
    doc.title = 'Titel\u0007';
    const { document, core } = await render(doc);
    expect(wordParagraphs(document).at(-1)!.text).toBe('førefter');
    expect(first(core, 'dc:title')!.children.join('')).toBe('Titel');
  });

  it('turns newlines inside text into line breaks and tabs into Word tabs', async () => {
    const doc = composedBrief('da');
    doc.blocks.push({ type: 'paragraph', content: [{ type: 'text', text: 'a\tb\nc' }] });
    const { document } = await render(doc);
    const last = wordParagraphs(document).at(-1)!;
    expect(last.text).toBe('a\tb\nc');
    expect(findAll(last.element, 'w:tab')).toHaveLength(1);
  });
});

// ---- Real readers ----------------------------------------------------------------------------

/** The Python with python-docx: Debian's python3-docx is in /usr/bin/python3, a pyenv one may shadow it. */
async function pythonWithDocx(): Promise<string> {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      await run(python, ['-c', 'import docx']);
      return python;
    } catch {
      // try the next one
    }
  }
  throw new Error('python-docx is not installed (Debian package python3-docx)');
}

describe('renderDocx: read by python-docx and LibreOffice', () => {
  it('opens in python-docx with the paragraphs and their style names', async () => {
    const doc = composedBrief('da');
    const path = join(tempDir(), 'brief.docx');
    writeFileSync(path, await renderDocx(doc));
    const script = 'import docx, json, sys\nd = docx.Document(sys.argv[1])\nprint(json.dumps([[p.style.name, p.text] for p in d.paragraphs]))';
    const { stdout } = await run(await pythonWithDocx(), ['-c', script, path]);
    const read = JSON.parse(stdout) as [string, string][];
    const expected = expectedParagraphs(doc.blocks);
    const names: Record<string, string> = { Heading1: 'Heading 1', Heading2: 'Heading 2', Heading3: 'Heading 3', Quote: 'Quote', ListParagraph: 'List Paragraph' };
    expect(read.map(([style]) => style)).toEqual(expected.map((p) => (p.style ? names[p.style] : 'Normal')));
    expect(read[0]![1]).toBe(inlineText((doc.blocks[0] as Extract<Block, { type: 'heading' }>).content));
  });

  it('converts with soffice --headless --convert-to pdf; the PDF has the headings, footnotes and page numbers', { timeout: 120_000 }, async () => {
    const doc = composedBrief('da');
    const dir = tempDir();
    const path = join(dir, 'brief.docx');
    writeFileSync(path, await renderDocx(doc));
    // A profile of its own, so parallel runs do not fight over one LibreOffice user installation.
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path], { timeout: 110_000 });
    const pdf = join(dir, 'brief.pdf');
    expect(existsSync(pdf)).toBe(true);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
    const text = stdout.replace(/\s+/g, ' ');
    for (const block of doc.blocks) {
      if (block.type === 'heading') expect(text).toContain(inlineText(block.content));
    }
    for (const note of doc.footnotes) expect(text).toContain(footnoteText(note.number).replace(/\s+/g, ' ').slice(0, 40));
    expect(text).toContain('ʿAbd al-Ḥakīm Ṭāhā');
    const pages = stdout.split('\f').filter((page) => page.trim()).length;
    expect(text).toContain(`Side 1 af ${pages}`);
    expect(text).toContain(doc.header.slice(0, 30));
  });
});

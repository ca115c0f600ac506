// Escaping: a value from the case is printed as text. Whatever a client's narrative holds
// ("{{ 7*7 }}", "**", "#", "<script>", "&amp;", "[@x]", "- " at a line's start, four spaces, a pipe
// table), the document shows exactly those characters and keeps the structure it has with a plain
// word. Only blank lines may become paragraph breaks. Checked on the shipped brief with a property.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeFromBundle } from '../../../main/core/documents/composer';
import { cleanText, escapeInline } from '../../../main/core/documents/escape';
import { inlineText, type Block, type ComposedDocument } from '../../../main/core/documents/model';
import { SAMPLE_TODAY, sampleBundle } from '../../../main/core/documents/sample';
import { templatesDir } from '../../../main/core/documents/templates';
import type { TemplateMeta } from '../../../preload/schemas/documents';

const dir = join(templatesDir(), 'documents', 'brief');
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as TemplateMeta;
const source = readFileSync(join(dir, 'en.md'), 'utf8');
const FACTOR = 'draft-evasion';

/** The brief for the sample case with `facts` as the client's facts of one risk factor. */
function briefWith(facts: string): ComposedDocument {
  const bundle = sampleBundle();
  bundle.file.risks = bundle.file.risks.map((risk) => (risk.factorId === FACTOR ? { ...risk, clientFacts: facts } : risk));
  return composeFromBundle(bundle, { meta, source, file: 'en.md' }, 'en', SAMPLE_TODAY).document;
}

/** The block structure: kinds, levels, styles and list shapes, without the text. */
function shape(blocks: Block[]): string[] {
  return blocks.map((b) => {
    if (b.type === 'heading') return `h${b.level}`;
    if (b.type === 'paragraph') return b.style === 'quote' ? 'quote' : 'p';
    if (b.type === 'list') return `${b.ordered ? 'ol' : 'ul'}[${b.items.map((item) => shape(item).join(',')).join('|')}]`;
    return 'pageBreak';
  });
}

const paragraphTexts = (doc: ComposedDocument) => doc.blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.content) : null));
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('escapeInline', () => {
  it('backslash-escapes every ASCII punctuation character and collapses whitespace', () => {
    expect(escapeInline('  **a**\n- b  #1 & <c>  ')).toBe('\\*\\*a\\*\\* \\- b \\#1 \\& \\<c\\>');
  });

  it('drops control and private-use characters (the citation placeholders live there)', () => {
    expect(cleanText('a\u0000b\ue000\ue010\ue001c\r\nd\u2028e')).toBe('ab' + 'c\nd\ne');
  });
});

describe('values from the case are text', () => {
  const plain = briefWith('Plainword');
  const at = paragraphTexts(plain).indexOf('Plainword');

  it.each([
    '{{ 7*7 }}',
    '{% if true %}x{% endif %}',
    '**not bold** _nor italic_',
    '# not a heading',
    '<script>alert(1)</script>',
    '&amp; &copy; &#65;',
    '[@x] and [@not-an-excerpt]',
    '- not a list\n- still not',
    '1. not a list either',
    '    four spaces, no code',
    '> not a quote',
    '| a | b |\n| --- | --- |\n| 1 | 2 |',
    '[link](https://example.org) ![img](x.png) `code`',
    'line\n===',
    'two trailing spaces  \nno hard break',
    '\\*escaped\\*',
  ])('prints %j exactly and keeps the structure', (text) => {
    const doc = briefWith(text);
    expect(shape(doc.blocks)).toEqual(shape(plain.blocks));
    expect(paragraphTexts(doc)[at]).toBe(collapse(text));
    expect(doc.footnotes).toHaveLength(plain.footnotes.length);
  });

  it('turns blank lines into paragraph breaks and nothing else', () => {
    const doc = briefWith('First paragraph.\n\n  \n# Second');
    const expected = shape(plain.blocks);
    expected.splice(at, 1, 'p', 'p');
    expect(shape(doc.blocks)).toEqual(expected);
    expect(paragraphTexts(doc).slice(at, at + 2)).toEqual(['First paragraph.', '# Second']);
  });

  it('property: any text keeps its characters and the structure of a plain word', () => {
    const special = fc.constantFrom('{{', '}}', '{%', '%}', '*', '**', '_', '#', '# ', '\n\n# ', '\n- ', '- ', '+ ', '> ', '<script>', '&', '&amp;', '[@x]', '[', ']', '(', ')', '!', '`', '```', '~~~', '\\', '|', '---', '===', '1. ', '\n', '\n\n', '    ', '\t', ' ', 'ø', 'ʿ', 'سمير', 'x');
    const text = fc.array(fc.oneof(special, fc.string({ unit: 'grapheme-ascii', maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        text.filter((s) => s.trim() !== ''),
        (s) => {
          const paragraphs = s.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '').map(collapse);
          const doc = briefWith(s);
          const expected = shape(plain.blocks);
          expected.splice(at, 1, ...paragraphs.map(() => 'p'));
          expect(shape(doc.blocks)).toEqual(expected);
          expect(paragraphTexts(doc).slice(at, at + paragraphs.length)).toEqual(paragraphs);
          expect(doc.footnotes).toHaveLength(plain.footnotes.length);
        },
      ),
      { numRuns: 120 },
    );
  });
});

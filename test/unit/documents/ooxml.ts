// Reading an OOXML package (DOCX) in tests without a dependency: the zip's central directory parsed
// by hand and inflated with node:zlib, the parts parsed by a small XML reader. Enough for
// well-formed parts written by a library; not a general XML parser (no DTDs, no namespaces
// resolution: element names are kept with their prefixes, as in "w:p").
import { inflateRawSync } from 'node:zlib';

/** The files of a zip archive by path. Stored and deflated entries only (what docx writes). */
export function readZip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (method === 0) files.set(name, Buffer.from(data));
    else if (method === 8) files.set(name, inflateRawSync(data));
    else throw new Error(`unsupported compression ${method} for ${name}`);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITY[ref];
    if (named === undefined) throw new Error(`unknown entity ${whole}`);
    return named;
  });
}

/** Parses a well-formed XML document into its root element; throws on mismatched tags. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const token = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(token)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[2] !== undefined) {
      const closed = stack.pop();
      if (!closed || closed.name !== m[2]) throw new Error(`mismatched </${m[2]}>`);
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decodeXml(a[2] ?? a[3] ?? '');
      const element: XmlElement = { name: m[3], attrs, children: [] };
      top.children.push(element);
      if (m[5] !== '/') stack.push(element);
    } else if (m[6] !== undefined && stack.length > 1) top.children.push(decodeXml(m[6]));
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const element = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!element) throw new Error('no root element');
  return element;
}

/** Every descendant element named `name`, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      if (child.name === name) out.push(child);
      walk(child);
    }
  };
  walk(element);
  return out;
}

export function first(element: XmlElement, name: string): XmlElement | undefined {
  return findAll(element, name)[0];
}

/** The w:val (or another attribute) of the first descendant `name`. */
export function valOf(element: XmlElement, name: string, attr = 'w:val'): string | undefined {
  return first(element, name)?.attrs[attr];
}

// ---- WordprocessingML ----------------------------------------------------------------------

/** The visible text of a run or paragraph: w:t, with w:tab as a tab and w:br as a newline. */
export function wordText(element: XmlElement): string {
  let text = '';
  const walk = (el: XmlElement) => {
    for (const child of el.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'w:t') text += child.children.filter((c): c is string => typeof c === 'string').join('');
      else if (child.name === 'w:tab' && el.name === 'w:r') text += '\t';
      else if (child.name === 'w:br' && child.attrs['w:type'] !== 'page') text += '\n';
      else walk(child);
    }
  };
  walk(element);
  return text;
}

export interface WordParagraph {
  style: string | undefined;
  text: string;
  /** w:numPr of the paragraph: its numbering instance and level. */
  numId: string | undefined;
  level: number | undefined;
  /** The ids of the footnotes referenced in the paragraph, in order. */
  footnotes: number[];
  pageBreak: boolean;
  element: XmlElement;
}

export function wordParagraphs(part: XmlElement): WordParagraph[] {
  return findAll(part, 'w:p').map((p) => {
    const pPr = p.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:pPr');
    const numPr = pPr && first(pPr, 'w:numPr');
    const ilvl = numPr && valOf(numPr, 'w:ilvl');
    return {
      style: pPr && valOf(pPr, 'w:pStyle'),
      text: wordText(p),
      numId: numPr && valOf(numPr, 'w:numId'),
      level: ilvl === undefined ? undefined : Number(ilvl),
      footnotes: findAll(p, 'w:footnoteReference').map((r) => Number(r.attrs['w:id'])),
      pageBreak: findAll(p, 'w:br').some((br) => br.attrs['w:type'] === 'page'),
      element: p,
    };
  });
}

/** The footnotes of word/footnotes.xml by id, without Word's separator notes (ids -1 and 0). */
export function wordFootnotes(part: XmlElement): Map<number, string> {
  const notes = new Map<number, string>();
  for (const note of findAll(part, 'w:footnote')) {
    const id = Number(note.attrs['w:id']);
    if (note.attrs['w:type'] === 'separator' || note.attrs['w:type'] === 'continuationSeparator' || id <= 0) continue;
    notes.set(id, wordParagraphs(note).map((p) => p.text).join('\n'));
  }
  return notes;
}

/** A DOCX's main parts, parsed. */
export function readDocx(bytes: Uint8Array) {
  const files = readZip(bytes);
  const part = (path: string): XmlElement => {
    const data = files.get(path);
    if (!data) throw new Error(`missing part ${path}`);
    return parseXml(data.toString('utf8'));
  };
  const optional = (path: string) => (files.has(path) ? part(path) : undefined);
  return { files, part, document: part('word/document.xml'), styles: part('word/styles.xml'), footnotes: optional('word/footnotes.xml'), core: part('docProps/core.xml') };
}

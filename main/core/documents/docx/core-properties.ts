// docProps/core.xml, written here because docx has no option for dc:language: the document's
// language belongs in its properties (File > Properties in Word, PDF/UA checkers after
// conversion), not only on its runs.
import type { ComposedDocument } from '../model';
import { WORD_LANGUAGE } from './styles';
import { xmlSafe } from './inline';

function escape(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function coreProperties(doc: ComposedDocument, now: Date): string {
  const when = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const element = (name: string, value: string) => `<${name}>${escape(value)}</${name}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', doc.title),
    element('dc:subject', doc.subject),
    element('dc:creator', doc.author),
    element('dc:language', WORD_LANGUAGE[doc.language]),
    element('cp:lastModifiedBy', doc.author),
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

// Compressed PDF streams through Node's zlib. pdf-lib's flateStream uses pako (pure JS), which
// took about a third of a brief's rendering time; zlib does the same job natively.
import { deflateSync } from 'node:zlib';
import { PDFRawStream } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';

export function flateStream(context: PDFContext, contents: string | Uint8Array, dict: Record<string, number | string> = {}): PDFRef {
  const data = deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return context.register(PDFRawStream.of(context.obj({ ...dict, Filter: 'FlateDecode', Length: bytes.length }), bytes));
}

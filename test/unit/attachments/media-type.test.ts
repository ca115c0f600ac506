// The sniffer on its own: the kinds it knows, and DOCX's word/ found wherever the chunks split it.
import { describe, expect, it } from 'vitest';
import { BriefcaseError } from '../../../main/core/errors';
import { DOCX, MediaTypeSniffer, SNIFF_BYTES, sniffKind } from '../../../main/core/attachments/media-type';
import { samples } from './support';

function sniff(chunks: Buffer[], claimed = 'application/octet-stream'): string {
  const sniffer = new MediaTypeSniffer(claimed);
  for (const chunk of chunks) sniffer.push(chunk);
  return sniffer.finish();
}

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof BriefcaseError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('media types', () => {
  it('knows PDF, PNG, JPEG, GIF, WebP, TIFF, zip and text by their first bytes', () => {
    expect(sniffKind(samples.pdf())).toBe('application/pdf');
    expect(sniffKind(samples.png())).toBe('image/png');
    expect(sniffKind(samples.jpeg())).toBe('image/jpeg');
    expect(sniffKind(Buffer.from('GIF89a\x01\x00', 'latin1'))).toBe('image/gif');
    expect(sniffKind(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffKind(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('image/tiff');
    expect(sniffKind(samples.zip())).toBe('zip');
    expect(sniffKind(samples.latin1Text())).toBe('text/plain');
    expect(sniffKind(samples.exe())).toBeNull();
    expect(sniffKind(Buffer.from('\x7fELF\x02\x01\x01', 'latin1'))).toBeNull();
  });

  const docx = samples.docx(SNIFF_BYTES + 100);
  const at = docx.indexOf('word/');
  const splits: [string, Buffer[]][] = [
    ['in one piece', [docx]],
    ['split inside word/ after the head', [docx.subarray(0, at + 2), docx.subarray(at + 2)]],
    ['split inside word/ one byte at a time', [docx.subarray(0, at), ...[...docx.subarray(at, at + 5)].map((b) => Buffer.from([b])), docx.subarray(at + 5)]],
    ['in chunks of 3 bytes', Array.from({ length: Math.ceil(docx.length / 3) }, (_, i) => docx.subarray(i * 3, i * 3 + 3))],
  ];
  for (const [title, chunks] of splits) {
    it(`finds a DOCX's word/ ${title}`, () => expect(sniff(chunks)).toBe(DOCX));
  }

  it('does not join bytes that were never next to each other', () => {
    const zip = Buffer.concat([samples.zip(), Buffer.alloc(SNIFF_BYTES)]);
    expect(codeOf(() => sniff([zip, Buffer.from('wo'), Buffer.alloc(10), Buffer.from('rd/')]))).toBe('UNSUPPORTED_FILE_TYPE');
  });

  it('refuses on the head, before the rest of the file is seen', () => {
    const sniffer = new MediaTypeSniffer('application/pdf');
    expect(codeOf(() => sniffer.push(Buffer.concat([samples.exe(), Buffer.alloc(SNIFF_BYTES)])))).toBe('UNSUPPORTED_FILE_TYPE');
  });
});

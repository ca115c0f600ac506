// Which files may be attached, recognised from their first bytes.
//
// Allowed kinds: PDF, images (PNG, JPEG, GIF, WebP, TIFF), DOCX and plain text. The content is
// always sniffed and decides, whatever the caller said (missing, generic or specific): a file that
// says it is a PDF but starts like an executable is refused, and a PDF sent as
// application/octet-stream is stored as a PDF. The stored type is what the app later opens the
// file as, so it must not be the caller's word. The caller's type is kept only where the content
// cannot tell the difference (text/markdown vs text/plain) and the claim is of the same kind.
//
// DOCX is a zip whose entries live under word/. The first local header is often [Content_Types].xml,
// so "word/" may not be in the first bytes; the sniffer therefore scans every chunk of a zip for it
// (the central directory at the end names every entry) and decides when the last byte is in.
import { BriefcaseError } from '../errors';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How many leading bytes the decision is based on (text is judged on these too). */
export const SNIFF_BYTES = 8 * 1024;

/** Text types a caller may name; the content must still look like text. */
const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/csv']);

type Kind = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/tiff' | 'zip' | 'text/plain';

const startsWith = (bytes: Buffer, signature: number[] | string, at = 0) => {
  const sig = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= at + sig.length && bytes.subarray(at, at + sig.length).equals(sig);
};

/** The kind of content from its first bytes, or null when it is none of the allowed kinds. */
export function sniffKind(head: Buffer): Kind | null {
  if (startsWith(head, '%PDF-')) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'image/gif';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'image/webp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  // UTF-16 with its byte-order mark (Notepad's "Unicode"): NULs between ASCII letters are expected.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'text/plain';
  if (looksLikeText(head)) return 'text/plain';
  return null;
}

/**
 * Text: no NUL bytes and no control characters other than tab, line breaks, form feed and escape.
 * Bytes above 0x7f are allowed, so UTF-8 and the Windows code pages Danish text often comes in
 * both pass. UTF-16 without a byte-order mark (NULs between ASCII letters) does not: it is refused
 * rather than mislabelled.
 */
function looksLikeText(head: Buffer): boolean {
  for (const byte of head) {
    if (byte === 0x7f) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) return false;
  }
  return true;
}

/** `Text/Plain; charset=utf-8` → `text/plain`. */
export function normaliseMediaType(claimed: string | null | undefined): string {
  return (claimed ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The media type to store for content of `kind`, given what the caller said; refuses the rest. */
export function decideMediaType(kind: Kind | null, claimed: string | null | undefined, isDocx: boolean): string {
  const said = normaliseMediaType(claimed);
  switch (kind) {
    case null:
      throw new BriefcaseError('UNSUPPORTED_FILE_TYPE');
    case 'zip':
      if (!isDocx) throw new BriefcaseError('UNSUPPORTED_FILE_TYPE');
      return DOCX;
    case 'text/plain':
      return TEXT_TYPES.has(said) ? said : 'text/plain';
    default:
      return kind;
  }
}

const WORD = Buffer.from('word/', 'latin1');

/**
 * Fed every chunk in order; holds at most SNIFF_BYTES of the head and a few bytes of carry, never
 * the file. `finish()` gives the media type or throws UNSUPPORTED_FILE_TYPE.
 */
export class MediaTypeSniffer {
  private head: Buffer[] = [];
  private headBytes = 0;
  private kind: Kind | null | undefined = undefined;
  private sawWord = false;
  private carry = Buffer.alloc(0);

  constructor(private readonly claimed: string | null | undefined) {}

  /** Throws UNSUPPORTED_FILE_TYPE as soon as the head shows a kind that is not allowed. */
  push(chunk: Buffer): void {
    let rest = chunk;
    if (this.kind === undefined) {
      const take = chunk.subarray(0, SNIFF_BYTES - this.headBytes);
      this.head.push(Buffer.from(take));
      this.headBytes += take.length;
      if (this.headBytes < SNIFF_BYTES) return; // the head is scanned once the kind is known
      this.decideKind();
      rest = chunk.subarray(take.length);
    }
    if (this.kind === 'zip') this.scanForWord(rest);
  }

  /** After the last chunk. */
  finish(): string {
    if (this.kind === undefined) this.decideKind();
    return decideMediaType(this.kind ?? null, this.claimed, this.sawWord);
  }

  private decideKind(): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.kind = sniffKind(head);
    if (this.kind === null) throw new BriefcaseError('UNSUPPORTED_FILE_TYPE');
    // The head was taken before the kind was known: scan it for word/ as well.
    if (this.kind === 'zip') this.scanForWord(head);
  }

  /** Look for word/ in the next bytes of the file, across the boundary with the previous ones too. */
  private scanForWord(bytes: Buffer): void {
    if (this.sawWord || bytes.length === 0) return;
    const keep = WORD.length - 1;
    const seam = Buffer.concat([this.carry, bytes.subarray(0, keep)]);
    this.sawWord = seam.includes(WORD) || bytes.includes(WORD);
    this.carry = Buffer.from(Buffer.concat([this.carry, bytes.subarray(-keep)]).subarray(-keep));
  }
}

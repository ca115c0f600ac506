// A minimal POSIX ustar writer and reader for the archive inside a .briefcase file.
//
// Not tar-stream: its pack and extract are push streams, so every export and import would run two
// flows glued together (one feeding, one draining) with backpressure, errors and cancellation
// carried across by hand; and its extractor quietly applies pax and GNU extension headers (a pax
// `path` or `size` overrides the header's), which an importer of a stranger's file does not want.
// The writer here makes only what `tar -t` and `tar -x` everywhere read: plain ustar headers for
// regular files; the reader is a pull-based sequence over the decrypted bytes and accepts nothing
// else: regular files, checksums right, sizes in octal, names NUL-padded, padding zero.
import { BriefcaseError } from '../errors';
import type { ByteReader } from './byte-reader';
import { splitUstarPath } from './paths';

export const BLOCK = 512;
/** ustar's size field holds 11 octal digits: entries are smaller than 8 GiB. */
export const MAX_TAR_ENTRY_SIZE = 8 ** 11 - 1;

const damaged = () => new BriefcaseError('EXPORT_DAMAGED');
const ascii = new TextEncoder();
const latin = new TextDecoder('latin1');

/** Zero bytes that round `size` up to whole blocks. */
export const paddingFor = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

/** Two zero blocks end a tar archive. */
export const endOfArchive = (): Uint8Array => new Uint8Array(2 * BLOCK);

/** A ustar header for a regular file, mode 0644, owner 0:0, no owner names. */
export function fileHeader(path: string, size: number, mtimeSeconds: number): Uint8Array {
  const split = splitUstarPath(path);
  if (!split) throw new Error('path cannot be stored in a ustar header');
  if (!Number.isSafeInteger(size) || size < 0 || size > MAX_TAR_ENTRY_SIZE) throw new Error('entry too large for ustar');
  const block = new Uint8Array(BLOCK);
  const put = (offset: number, text: string) => block.set(ascii.encode(text), offset);
  const octal = (offset: number, width: number, value: number) => put(offset, `${value.toString(8).padStart(width - 1, '0')}\0`);
  put(0, split.name);
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, Math.max(0, Math.floor(mtimeSeconds)));
  put(148, '        ');
  put(156, '0');
  put(257, 'ustar\0');
  put(263, '00');
  put(345, split.prefix);
  put(148, `${checksum(block).toString(8).padStart(6, '0')}\0 `);
  return block;
}

export interface TarEntryHeader {
  path: string;
  size: number;
}

/**
 * The next entry's header, or null at the end-of-archive marker (after which only zero bytes may
 * follow). Anything but a well-formed regular file is EXPORT_DAMAGED.
 */
export async function readEntryHeader(reader: ByteReader): Promise<TarEntryHeader | null> {
  const block = await reader.exact(BLOCK);
  if (block.every((byte) => byte === 0)) {
    await expectZerosToEnd(reader);
    return null;
  }
  const recorded = parseOctal(block.subarray(148, 156));
  if (recorded !== checksum(block)) throw damaged();
  const magic = latin.decode(block.subarray(257, 265));
  // POSIX ustar ("ustar\0" "00"), or GNU tar's default header ("ustar  \0"), which is the same for a plain file.
  if (magic !== 'ustar\u000000' && magic !== 'ustar  \u0000') throw damaged();
  const type = block[156];
  if (type !== 0x30) throw damaged();
  const name = field(block.subarray(0, 100));
  const prefix = magic.startsWith('ustar\0') ? field(block.subarray(345, 500)) : '';
  const size = parseOctal(block.subarray(124, 136));
  if (size === null || size > MAX_TAR_ENTRY_SIZE) throw damaged();
  return { path: prefix ? `${prefix}/${name}` : name, size };
}

/** Skips an entry's padding, which must be zero bytes. */
export async function skipPadding(reader: ByteReader, size: number): Promise<void> {
  const pad = paddingFor(size);
  if (pad > 0 && !(await reader.exact(pad)).every((byte) => byte === 0)) throw damaged();
}

/** The second end block and any record padding: zeros to the end of the stream. */
async function expectZerosToEnd(reader: ByteReader): Promise<void> {
  if (!(await reader.exact(BLOCK)).every((byte) => byte === 0)) throw damaged();
  for await (const chunk of reader.rest()) if (!chunk.every((byte) => byte === 0)) throw damaged();
}

function checksum(block: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum;
}

/** A NUL-terminated text field; bytes after the first NUL must be NUL too (nothing hides there). */
function field(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  const length = end < 0 ? bytes.length : end;
  if (end >= 0 && !bytes.subarray(end).every((byte) => byte === 0)) throw damaged();
  return latin.decode(bytes.subarray(0, length));
}

/** Octal digits, optionally space-padded in front, ended by NUL or space; null if anything else. */
function parseOctal(bytes: Uint8Array): number | null {
  const text = latin.decode(bytes).replace(/^ +/, '');
  const match = /^([0-7]+)[\0 ]*$/.exec(text);
  return match ? parseInt(match[1]!, 8) : null;
}

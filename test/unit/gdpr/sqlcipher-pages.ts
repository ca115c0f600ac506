// Decrypting a vault's pages outside SQLite, to read what is physically in the file, free pages
// included (SQLite itself shows only live rows; this build has no sqlite_dbpage).
//
// The SQLCipher 4 page format as SQLite3MultipleCiphers writes it (legacy=4, a raw 32-byte key, so
// no key derivation by the cipher): 4096-byte pages, each with 80 reserved bytes at its end, a
// 16-byte IV then a 64-byte HMAC-SHA512; the first 4016 bytes are AES-256-CBC without padding,
// except on page 1, whose first 16 bytes are the plain salt and whose encrypted part starts after
// it. A WAL file is a 32-byte header, then frames of a 24-byte header and one such page.
// A test that uses this checks it on known content first (page 1 must decode as a SQLite header,
// and the name must be found before the erasure), so a wrong guess here fails loudly.
import { createDecipheriv } from 'node:crypto';

export const PAGE = 4096;
const RESERVE = 80;
const IV = 16;

export function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const start = pageNumber === 1 ? 16 : 0;
  const end = PAGE - RESERVE;
  const iv = page.subarray(end, end + IV);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
  return pageNumber === 1 ? Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), plain]) : plain;
}

/** Every page of a database file, decrypted, in order (index 0 is page 1). */
export function decryptFile(file: Buffer, key: Buffer): Buffer[] {
  const pages: Buffer[] = [];
  for (let offset = 0, n = 1; offset + PAGE <= file.length; offset += PAGE, n += 1) {
    pages.push(decryptPage(file.subarray(offset, offset + PAGE), n, key));
  }
  return pages;
}

/** Every frame of a WAL file, decrypted (the frame header gives the page number). */
export function decryptWal(wal: Buffer, key: Buffer): Buffer[] {
  const pages: Buffer[] = [];
  for (let offset = 32; offset + 24 + PAGE <= wal.length; offset += 24 + PAGE) {
    const pageNumber = wal.readUInt32BE(offset);
    pages.push(decryptPage(wal.subarray(offset + 24, offset + 24 + PAGE), pageNumber, key));
  }
  return pages;
}

/** True when a decrypted page is all zeros (a page secure_delete has wiped). */
export const isZero = (page: Buffer): boolean => page.every((byte) => byte === 0);

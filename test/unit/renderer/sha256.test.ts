// The renderer's incremental SHA-256 against the FIPS 180-4 / NIST vectors and against Node's own
// hash for inputs fed in pieces of every awkward size.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../renderer/src/attachments/base64';
import { Sha256 } from '../../../renderer/src/attachments/sha256';

const text = (s: string) => new TextEncoder().encode(s);
const node = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Sha256', () => {
  it('matches the known vectors', () => {
    expect(new Sha256().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(text('abc')).hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(new Sha256().update(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).hex()).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      new Sha256()
        .update(text('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu'))
        .hex(),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
  });

  it('hashes a million "a"s fed in 1,000 pieces', () => {
    const hasher = new Sha256();
    const piece = new Uint8Array(1000).fill(0x61);
    for (let i = 0; i < 1000; i += 1) hasher.update(piece);
    expect(hasher.hex()).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('gives the same digest however the input is cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 700 }), fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 6 }), (bytes, cuts) => {
        const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
        const hasher = new Sha256();
        let from = 0;
        for (const point of [...points, bytes.length]) {
          hasher.update(bytes.subarray(from, point));
          from = point;
        }
        expect(hasher.hex()).toBe(node(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to be used after the digest', () => {
    const hasher = new Sha256();
    hasher.hex();
    expect(() => hasher.update(text('x'))).toThrow();
  });
});

describe('base64', () => {
  it('round-trips and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
        const encoded = bytesToBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(encoded)).toEqual(bytes);
      }),
      { numRuns: 30 },
    );
  });
});

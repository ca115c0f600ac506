// A damaged file never reaches the vault: any single flipped byte or any truncation of a real
// export (fast-check over positions) is refused, and afterwards every table of the receiving vault
// holds exactly the rows it held before, with no staging rows: also when the damage is found only
// at the end, after most entries were staged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { attach, clinic, exportFile, partnerId, preview, snapshot, stagingRows, trust, twoCases } from './import-fixtures';

const REFUSALS = ['EXPORT_DAMAGED', 'BAD_SIGNATURE', 'WRONG_KEY'];

describe('a tampered or truncated import file', () => {
  it('is refused and leaves every table exactly as it was', async () => {
    const a = await clinic('Fiktiv Retshjælp Nord');
    const b = await clinic('Example Law Clinic South');
    await trust(a, b);
    await trust(b, a);
    const { first, second } = await twoCases(a);
    // Big enough for many 64 KiB age chunks, so most damage is found after entries were staged.
    await attach(a, first, 'udskrift.txt', Buffer.from(Array.from({ length: 1_500_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join(''), 'latin1'));
    const to = { partnerIds: [await partnerId(a, b)] };
    // B already holds one of the cases, so "unchanged" is about a vault with content.
    await b.ok('exchange.apply', { importId: (await preview(b, await exportFile(a, [second], to))).importId });
    const good = readFileSync(await exportFile(a, [first, second], to));
    const before = snapshot(b.api);
    // Counts what the refused previews had staged before the damage was found (a temporary
    // trigger: not part of the vault, nor of the snapshot).
    b.api.vault.db.exec(`CREATE TEMP TABLE staged_seen (n INTEGER);
      CREATE TEMP TRIGGER count_staged AFTER INSERT ON main.import_staging BEGIN INSERT INTO staged_seen VALUES (1); END;`);
    const dir = tempDir();
    let run = 0;

    const check = async (bytes: Buffer) => {
      const path = join(dir, `damaged-${(run += 1)}.briefcase`);
      writeFileSync(path, bytes);
      const error = await b.failure('exchange.previewPath', { path });
      expect(REFUSALS).toContain(error.code);
      expect(stagingRows(b.api)).toEqual({ imports: 0, staging: 0 });
      expect(snapshot(b.api)).toEqual(before);
    };
    const flipped = (position: number, bit: number) => {
      const copy = Buffer.from(good);
      copy[position]! ^= 1 << bit;
      return copy;
    };

    // The places most likely to slip through: the header, the very last byte, one byte short.
    await check(flipped(0, 0));
    await check(flipped(good.length - 1, 7));
    await check(good.subarray(0, good.length - 1));
    await check(good.subarray(0, 0));

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('flip' as const), position: fc.nat({ max: good.length - 1 }), bit: fc.nat({ max: 7 }) }),
          fc.record({ kind: fc.constant('truncate' as const), position: fc.nat({ max: good.length - 1 }), bit: fc.constant(0) }),
        ),
        async ({ kind, position, bit }) => {
          await check(kind === 'flip' ? flipped(position, bit) : good.subarray(0, position));
        },
      ),
      { numRuns: 30 },
    );

    // Most damage is found only after entries were staged: the cleanup is what kept the vault as it was.
    expect((b.api.vault.db.prepare('SELECT count(*) AS n FROM staged_seen').get() as { n: number }).n).toBeGreaterThan(0);

    // And the undamaged file still imports.
    const intact = join(dir, 'intact.briefcase');
    writeFileSync(intact, good);
    const seen = await preview(b, intact);
    expect(seen.cases.map((c) => c.action)).toEqual(['add', 'same']);
    a.api.close();
    b.api.close();
  }, 180_000);
});

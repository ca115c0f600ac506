// 1. Key derivation: one deriveKey with DEFAULT_KDF, as every unlock, create and rekey does once.
//    Target on this machine: 0.3–0.5 s (slow enough to make guessing costly, quick enough to not
//    annoy). One unmeasured derivation first, so the 160 MiB allocation and thread-pool start are
//    not in the first sample.
import { randomBytes } from 'node:crypto';
import { DEFAULT_KDF, deriveKey } from '../main/core/vault/kdf';
import { ms, STATS_HEADER, statsCells, table, type SectionResult } from './lib/report';
import { summarise, time } from './lib/stats';

const RUNS = 5;
const TARGET_MIN_MS = 300;
const TARGET_MAX_MS = 500;

export async function benchKdf(log: (line: string) => void): Promise<SectionResult> {
  const passphrase = 'plum orbit lantern seventeen';
  const salt = randomBytes(16).toString('base64');
  await deriveKey(passphrase, { ...DEFAULT_KDF, salt });
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { ms: elapsed } = await time(() => deriveKey(passphrase, { ...DEFAULT_KDF, salt }));
    samples.push(elapsed);
    log(`  kdf ${i + 1}/${RUNS}: ${ms(elapsed)}`);
  }
  const stats = summarise(samples);
  const pass = stats.median >= TARGET_MIN_MS && stats.median <= TARGET_MAX_MS;
  const { N, r, p } = DEFAULT_KDF;
  const memoryMiB = (128 * N * r * p) / 2 ** 20;
  const what = `scrypt N=2^${Math.log2(N)}, r=${r}, p=${p} (${memoryMiB} MiB), 32-byte key`;
  return {
    title: '1. Key derivation',
    verdicts: [
      {
        benchmark: '1. deriveKey with DEFAULT_KDF (median)',
        measured: ms(stats.median),
        target: `${TARGET_MIN_MS}–${TARGET_MAX_MS} ms`,
        pass,
      },
    ],
    body: [
      table(['Measured', ...STATS_HEADER, 'Target', 'Result'], [
        [`\`deriveKey\`, ${what}`, ...statsCells(stats), `median ${TARGET_MIN_MS}–${TARGET_MAX_MS} ms`, pass ? 'PASS' : 'FAIL'],
      ]),
      `Samples: ${samples.map(ms).join(', ')}. One unmeasured derivation ran first.`,
    ].join('\n\n'),
  };
}

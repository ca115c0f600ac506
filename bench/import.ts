// 4. `case import` of 1,000 generated case files through api.call('cases.import'), the path the
//    CLI takes after reading the file: contract validation, the CaseFile schema, the reference and
//    vault checks, and one transaction per case (with synchronous=FULL, one fsync each) on an
//    encrypted vault. Reports cases per second. No target is set in the issue; the number is
//    recorded so a change that slows import shows.
//
// The files are fictional: names from the seeded syllable generator in lib/data.ts, each with a
// household of two, three timeline events, two deadlines and two assessed risk factors.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CaseFileInput, Envelope } from '../preload/contract';
import { createApi } from '../main/core/api';
import { generateCases, rng } from './lib/data';
import { ms, table, type SectionResult } from './lib/report';
import { now, summarise } from './lib/stats';
import { makeTempDir, removeTempDir } from './lib/tmp';

const FILES = 1_000;
const BENCH_KDF = { N: 2 ** 10, r: 1, p: 1 };
const PASSPHRASE = 'copper meadow signal ninety';

async function must<T>(envelope: Promise<Envelope<unknown>>): Promise<T> {
  const result = await envelope;
  if (!result.ok) throw new Error(`api call failed: ${result.error.code} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value as T;
}

/** `count` whole case files, as a person or another program would write them. */
export function generateCaseFiles(count: number): CaseFileInput[] {
  const next = rng(4242);
  return generateCases(count, 77).map((item, index): CaseFileInput => {
    const year = 1960 + Math.floor(next() * 40);
    const events = [0, 1, 2].map((i) => ({
      id: randomUUID(),
      date: `${2011 + i * 2}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}`,
      description: `Event ${i + 1} as told at intake`,
      source: 'client_interview' as const,
      sourceDetail: null,
    }));
    return {
      format: 'briefcase-case',
      version: 1,
      details: {
        reference: `IMP-${String(index + 1).padStart(5, '0')}`,
        status: 'drafting',
        protectionBasis: 'dk-7-3',
        dates: { arrival: '2015-09', permitGranted: '2016-02-11', permitExpiry: '2021-02-11', decision: '2021-03-04' },
        origin: { country: 'SY', region: next() < 0.5 ? 'damascus' : 'rif-dimashq', place: null },
      },
      client: { name: item.clientName, birthDate: String(year), sex: next() < 0.5 ? 'female' : 'male', nationality: 'SY' },
      household: [
        { id: randomUUID(), name: `${item.clientName.split(' ')[0]} Junior`, relationship: 'child', birthDate: '2008', whereabouts: 'denmark' },
        { id: randomUUID(), name: `${item.clientName.split(' ')[1]} Senior`, relationship: 'spouse', whereabouts: 'country_of_origin' },
      ],
      timeline: events,
      deadlines: [
        { id: randomUUID(), kind: 'brief', dueOn: '2026-05-01', note: 'Brief with annexes' },
        { id: randomUUID(), kind: 'hearing', dueOn: '2026-06-15' },
      ],
      risks: [
        {
          factorId: 'draft-evasion',
          state: 'present',
          fields: { age: 18 + Math.floor(next() * 20), callUpReceived: true, deferral: null, serviceDone: false },
          clientFacts: 'The call-up came; I did not go.',
          lawyerSummary: 'Draft evader of military age.',
          sources: [{ kind: 'timeline', id: events[0]!.id }],
        },
        { factorId: 'illegal-exit', state: 'present', fields: { exitDate: '2015' }, sources: [{ kind: 'timeline', id: events[1]!.id }] },
      ],
    };
  });
}

export async function benchImport(log: (line: string) => void): Promise<SectionResult> {
  const dir = makeTempDir('import');
  const api = createApi({ dataDir: dir, version: 'bench', kdfCost: BENCH_KDF });
  try {
    await must(api.call('vault.create', { path: join(dir, 'bench.vault'), passphrase: PASSPHRASE }));
    const files = generateCaseFiles(FILES);
    // Warm up the JIT and the statement cache on a few files that are not counted.
    for (const file of generateCaseFiles(5)) await must(api.call('cases.import', { file: { ...file, details: { ...file.details, reference: `WARM-${randomUUID()}` } } }));
    const samples: number[] = [];
    const start = now();
    for (const file of files) {
      const t0 = now();
      await must(api.call('cases.import', { file }));
      samples.push(now() - t0);
    }
    const totalMs = now() - start;
    const perSecond = (FILES / totalMs) * 1000;
    const stats = summarise(samples);
    log(`  imported ${FILES} case files in ${ms(totalMs)}: ${perSecond.toFixed(0)} cases/s (median ${ms(stats.median)} each)`);
    return {
      title: '4. `case import` of 1,000 case files',
      verdicts: [
        { benchmark: 'case import, 1,000 files', measured: `${perSecond.toFixed(0)} cases/s`, target: 'report (no target)', pass: true },
      ],
      body: [
        table(
          ['Files', 'Total', 'Cases per second', 'median per case', 'p95', 'max'],
          [[String(FILES), ms(totalMs), perSecond.toFixed(0), ms(stats.median), ms(stats.p95), ms(stats.max)]],
        ),
        'Each file: a client, 2 household members, 3 timeline events, 2 deadlines, 2 risk factors with structured fields and sources. ' +
          'Through `api.call(\'cases.import\')` on an encrypted vault, one transaction (and so one fsync) per case; the CLI adds process start, unlock and key derivation once per command.',
      ].join('\n\n'),
    };
  } finally {
    api.close();
    removeTempDir(dir);
  }
}

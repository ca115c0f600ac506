// Fictional data for the document benchmarks (bench/documents.ts): the demo case of scripts/demo.ts
// with its narratives made long enough for a ~20-page brief citing 40 excerpts of 10 generated
// sources, and case files for a bundle of 300 annex pages. Everything is generated from a seed.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Api } from '../main/core/api';
import type { CaseFileInput } from '../preload/contract';
import { addDemoCase, demoCaseFile } from '../scripts/demo';
import { fictionalReport, rng } from './lib/data';
import { generateReportPdf } from './pdf';

const WORDS = [
  'the', 'client', 'authorities', 'returned', 'security', 'branch', 'questioned', 'family', 'brother', 'detained', 'checkpoint',
  'military', 'service', 'evasion', 'report', 'sources', 'according', 'interview', 'risk', 'persecution', 'assessment', 'board',
  'decision', 'protection', 'status', 'revocation', 'Damascus', 'governorate', 'return', 'clearance', 'interrogation', 'reprisals',
  'relatives', 'wanted', 'lists', 'border', 'crossing', 'exit', 'illegal', 'opposition', 'perceived', 'and', 'of', 'to', 'in', 'was',
  'were', 'that', 'with', 'by', 'for', 'has', 'had', 'not', 'his', 'her', 'their',
];

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next, 12 + Math.floor(next() * 14))).join(' ');
}

const FACTORS = ['family-of-wanted', 'illegal-exit', 'perceived-opposition', 'opposition-area-origin', 'host-country-ties'] as const;

/**
 * Adds 10 fictional sources with 4 excerpts each, and a case whose five present risk factors have
 * 8 of them linked each: the brief quotes and cites all 40 (a source's first citation in full,
 * later ones short). `scale` sets the length of the narratives. Returns the case id.
 */
export async function addLongBriefCase(api: Api, scale = 1): Promise<string> {
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const envelope = await api.call(method, input);
    if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
    return envelope.value as T;
  };
  const next = rng(2020);
  const excerptIds: string[] = [];
  for (let s = 0; s < 10; s += 1) {
    const source = await ok<{ id: string }>('evidence.saveSource', {
      source: fictionalReport({
        publisher: ['Fictional Documentation Centre', 'Example Rights Watch', 'Testland Migration Office', 'Sample Refugee Council', 'Demo Country Analysis Unit'][s % 5]!,
        title: `Fictional country report ${s + 1}: ${sentence(next, 6).slice(0, -1)}`,
        date: `2026-0${1 + (s % 9)}`,
        documentNumber: `FIC/${2026}/${s + 1}`,
        url: `https://example.org/reports/fictional-${s + 1}`,
      }),
    });
    for (let e = 0; e < 4; e += 1) {
      const excerpt = await ok<{ id: string }>('evidence.saveExcerpt', {
        excerpt: { sourceId: source.id, text: paragraph(next, 3), pinpoint: { page: String(10 + e * 7), paragraph: String(e + 1), section: null }, language: 'en', tags: { topic: [], place: [], profile: [] } },
      });
      excerptIds.push(excerpt.id);
    }
  }
  const base = demoCaseFile();
  const risks: CaseFileInput['risks'] = FACTORS.map((factorId, f) => {
    const cites = excerptIds.filter((_, i) => i % FACTORS.length === f);
    // The brief template quotes each linked excerpt with its citation: 40 footnotes in all.
    const summary = cites.map(() => paragraph(next, Math.round(9 * scale))).join('\n\n');
    return { factorId, state: 'present', fields: {}, clientFacts: Array.from({ length: 3 }, () => paragraph(next, Math.round(8 * scale))).join('\n\n'), lawyerSummary: summary, sources: [] };
  });
  const file = { ...base, details: { ...base.details, reference: `2026-2${String(Math.floor(next() * 90) + 10)}` }, risks };
  const { id } = await ok<{ id: string }>('cases.import', { file });
  for (const [i, excerptId] of excerptIds.entries()) await ok('evidence.link', { caseId: id, excerptId, riskFactorId: FACTORS[i % FACTORS.length] });
  return id;
}

/** The demo case with annexes adding up (with its own two letters, 3 pages) to `pages` pages. */
export async function addBundleCase(api: Api, dir: string, pages = 300): Promise<string> {
  const caseId = await addDemoCase(api, dir);
  let left = pages - 3;
  for (let n = 1; left > 0; n += 1) {
    const count = Math.min(33, left);
    const path = join(dir, `Fictional annex ${n}.pdf`);
    writeFileSync(path, await generateReportPdf(count, 400 + n));
    const added = await api.call('attachments.addFromPath', { caseId, path, documentDate: `2025-10-${String(n).padStart(2, '0')}` });
    if (!added.ok) throw new Error(added.error.code);
    left -= count;
  }
  return caseId;
}

// `npm run demo`: the main job of Briefcase on a fresh machine, with no setup. Makes a demo vault
// in ./demo-output/demo-vault with one complete, fictional case (a family of four whose
// protection status was not extended, three present risk factors with the client's facts and the
// lawyer's summary citing the starter library), then writes the brief and the cover letter in
// Danish and English, as DOCX and PDF, and one bundle per language, into ./demo-output/.
//
// Everything here is invented: the people, their case numbers, the decision. The passphrase is
// printed on purpose: it protects nothing but this demo and must never be used for a real vault.
// Re-running replaces ./demo-output entirely.
//
// The case itself lives in main/core/demo (the app's "Look around in a demo" builds its demo vault
// from it); it is re-exported here for the end-to-end tests and the benchmark, which generate from
// the same case the demo shows.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AttachmentMeta, DocumentVersion, Envelope } from '../preload/contract';
import { createApi, type Api } from '../main/core/api';
import { DEMO_LINKS, DEMO_REFERENCE, demoCaseFile } from '../main/core/demo/case';
import { demoAttachments } from '../main/core/demo/letters';
import { DEMO_PASSPHRASE } from '../main/core/demo/vault-file';

export { DEMO_LINKS, DEMO_REFERENCE, EXCERPTS, demoCaseFile } from '../main/core/demo/case';
export { demoAttachments } from '../main/core/demo/letters';
export { DEMO_PASSPHRASE } from '../main/core/demo/vault-file';

async function ok<T>(api: Api, method: string, input: unknown): Promise<T> {
  const envelope = (await api.call(method, input)) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${JSON.stringify(envelope.error.issues ?? [])}`);
  return envelope.value;
}

/**
 * Puts the demo case into an unlocked vault: the starter library, the case, its two letters as
 * attachments, and the links from excerpts to the case and its risk factors. Returns its id.
 */
export async function addDemoCase(api: Api, scratchDir: string): Promise<string> {
  await ok(api, 'evidence.loadStarter', {});
  const { id } = await ok<{ id: string }>(api, 'cases.import', { file: demoCaseFile() });
  for (const file of await demoAttachments()) {
    const path = join(scratchDir, file.name);
    writeFileSync(path, file.bytes);
    await ok<AttachmentMeta>(api, 'attachments.addFromPath', { caseId: id, path, documentDate: file.date });
    rmSync(path, { force: true });
  }
  for (const link of DEMO_LINKS) await ok(api, 'evidence.link', { caseId: id, ...link });
  return id;
}

export interface DemoOutput {
  vaultPath: string;
  files: { path: string; version: DocumentVersion }[];
}

/** The whole demo into `outDir` (replaced). */
export async function runDemo(outDir: string, options: { kdfCost?: { N: number; r: number; p: number }; log?: (line: string) => void } = {}): Promise<DemoOutput> {
  const log = options.log ?? (() => undefined);
  rmSync(outDir, { recursive: true, force: true });
  const vaultDir = join(outDir, 'demo-vault');
  mkdirSync(vaultDir, { recursive: true });
  const vaultPath = join(vaultDir, 'demo.vault');
  const api = createApi({ dataDir: vaultDir, version: 'demo', ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}) });
  try {
    await ok(api, 'vault.create', { path: vaultPath, passphrase: DEMO_PASSPHRASE });
    const caseId = await addDemoCase(api, outDir);
    log(`demo case ${DEMO_REFERENCE} (Samir Testsen, fictional) with ${DEMO_LINKS.length} evidence links`);
    const files: DemoOutput['files'] = [];
    const jobs: { templateId: string; format: 'docx' | 'pdf' | 'bundle' }[] = [
      { templateId: 'brief', format: 'docx' },
      { templateId: 'brief', format: 'pdf' },
      { templateId: 'cover-letter', format: 'docx' },
      { templateId: 'cover-letter', format: 'pdf' },
      { templateId: 'brief', format: 'bundle' },
    ];
    for (const language of ['da', 'en'] as const) {
      for (const job of jobs) {
        // The starter library's sources are all from 2021 or earlier: stale by design. The demo
        // goes on as a lawyer would after reading the report (the CLI's --accept-stale).
        const version = await ok<DocumentVersion>(api, 'documents.generate', { caseId, language, ...job, acknowledgeStale: true });
        const path = join(outDir, version.name);
        await ok(api, 'documents.saveCopy', { id: version.id, path });
        files.push({ path, version });
        log(`  ${version.name}  (${version.size.toLocaleString('en')} bytes)`);
      }
    }
    return { vaultPath, files };
  } finally {
    api.close();
  }
}

async function main(): Promise<void> {
  const outDir = resolve('demo-output');
  const started = performance.now();
  console.log('Briefcase demo: everything below is fictional.');
  const result = await runDemo(outDir, { log: (line) => console.log(line) });
  console.log(`\nWrote ${result.files.length} documents to ${relative(process.cwd(), outDir) || '.'}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  console.log(`Demo vault: ${relative(process.cwd(), result.vaultPath)}`);
  console.log(`Demo passphrase (demo only, never for real data): ${DEMO_PASSPHRASE}`);
  console.log(`Open it with: BRIEFCASE_PASSPHRASE='${DEMO_PASSPHRASE}' npm run -s cli -- --vault ${relative(process.cwd(), result.vaultPath)} documents list ${DEMO_REFERENCE}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

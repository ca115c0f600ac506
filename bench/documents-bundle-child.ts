// Child process of bench/documents.ts, so the bundle's peak memory is this process's own
// (process.resourceUsage().maxRSS) and not the benchmark runner's.
//   tsx bench/documents-bundle-child.ts setup DIR    make DIR/bench.vault with the 300-page case
//   tsx bench/documents-bundle-child.ts run DIR N    unlock, make the bundle N times, print JSON,
//                                                    and leave the last one in DIR/bundle.pdf
import { createApi } from '../main/core/api';
import { addBundleCase } from './documents-data';

const BENCH_KDF = { N: 2 ** 10, r: 1, p: 1 };
const PASSPHRASE = 'copper meadow signal ninety';

async function main(): Promise<void> {
  const [mode, dir, runs = '3'] = process.argv.slice(2);
  if (!dir || (mode !== 'setup' && mode !== 'run')) throw new Error('usage: setup|run DIR [N]');
  const api = createApi({ dataDir: dir, version: 'bench', kdfCost: BENCH_KDF });
  try {
    if (mode === 'setup') {
      const created = await api.call('vault.create', { passphrase: PASSPHRASE });
      if (!created.ok) throw new Error(created.error.code);
      const caseId = await addBundleCase(api, dir);
      process.stdout.write(JSON.stringify({ caseId }));
      return;
    }
    const unlocked = await api.call('vault.unlock', { passphrase: PASSPHRASE });
    if (!unlocked.ok) throw new Error(unlocked.error.code);
    const listed = await api.call('cases.list', { limit: 1, offset: 0 });
    if (!listed.ok) throw new Error(listed.error.code);
    const caseId = (listed.value as { items: { id: string }[] }).items[0]!.id;
    const rssBefore = process.memoryUsage().rss;
    const times: number[] = [];
    let size = 0;
    let id = '';
    for (let i = 0; i < Number(runs); i += 1) {
      const start = performance.now();
      const made = await api.call('documents.generate', { caseId, templateId: 'brief', language: 'da', format: 'bundle', acknowledgeStale: true });
      times.push(performance.now() - start);
      if (!made.ok) throw new Error(JSON.stringify(made.error));
      ({ size, id } = made.value as { size: number; id: string });
    }
    const maxRss = process.resourceUsage().maxRSS * 1024;
    // A copy for pdfinfo (after the measurement): the page count the parent reports.
    const saved = await api.call('documents.saveCopy', { id, path: `${dir}/bundle.pdf` });
    if (!saved.ok) throw new Error(saved.error.code);
    // maxRSS is in kibibytes on Linux and macOS (Node normalises it).
    process.stdout.write(JSON.stringify({ times, size, rssBefore, maxRss }));
  } finally {
    api.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

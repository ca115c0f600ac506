// The fictional clients' names the end-to-end suite types or seeds, collected from its sources
// (every `clientName: '…'` / `clientName = '…'`, and SEED_CASES), so a name a new spec adds is
// scanned for without anyone remembering to list it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_CASES } from '../browser/seed';

const BROWSER_SUITE = fileURLToPath(new URL('../browser/', import.meta.url));

export function fictionalClientNames(): string[] {
  const names = new Set(SEED_CASES.map((item) => item.clientName));
  for (const file of readdirSync(BROWSER_SUITE).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(BROWSER_SUITE, file), 'utf8');
    for (const match of source.matchAll(/clientName\s*[:=]\s*(['"])([^'"]{3,})\1/g)) names.add(match[2]!);
  }
  return [...names].sort();
}

// Where the demo vault lives and what opens it. A folder of its own under the data folder, so it
// never sits at (or replaces) the real vault's path, and removing it removes the whole demo.
import { join } from 'node:path';

/**
 * Demo only. Shown in the docs and printed by `npm run demo`: it protects nothing but invented
 * people and must never be used for a vault with real data.
 */
export const DEMO_PASSPHRASE = 'demo only: fictional clinic 2026';

export const demoFolder = (dataDir: string) => join(dataDir, 'demo');
export const demoVaultPath = (dataDir: string) => join(demoFolder(dataDir), 'briefcase-demo.vault');

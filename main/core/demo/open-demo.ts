// vault.openDemo: create the demo vault on first use, reopen it afterwards. It lives in its own
// folder (vault-file.ts), is opened with the demo passphrase, and is only accepted when it carries
// the demo marker (marker.ts). The real vault's file and the preference naming it are never
// touched: the api's handler does not call `remember()` for the demo.
import { existsSync, rmSync } from 'node:fs';
import { BriefcaseError } from '../errors';
import type { Vault } from '../vault/vault';
import { fillDemoVault } from './fill';
import { isDemoVault } from './marker';
import { DEMO_PASSPHRASE, demoFolder, demoVaultPath } from './vault-file';

export async function openDemoVault(vault: Vault, dataDir: string): Promise<void> {
  const path = demoVaultPath(dataDir);
  if (existsSync(path)) return reopen(vault, path);
  await vault.create(path, DEMO_PASSPHRASE);
  try {
    await fillDemoVault(vault.db);
  } catch (error) {
    // Half a demo is no demo: the next attempt builds it afresh. The folder holds nothing else.
    vault.lock();
    rmSync(demoFolder(dataDir), { recursive: true, force: true });
    throw error;
  }
}

async function reopen(vault: Vault, path: string): Promise<void> {
  try {
    await vault.unlock(path, DEMO_PASSPHRASE);
  } catch (error) {
    // A file there the demo passphrase does not open is not ours to judge or remove; and it must
    // not count as a failed unlock of the real vault (WRONG_PASSPHRASE would).
    if (error instanceof BriefcaseError && error.code === 'WRONG_PASSPHRASE') throw new BriefcaseError('DEMO_UNAVAILABLE');
    throw error;
  }
  if (!isDemoVault(vault.db)) {
    vault.lock();
    throw new BriefcaseError('DEMO_UNAVAILABLE');
  }
}

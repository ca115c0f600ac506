// Where Briefcase keeps its files when the user has not chosen. Matches Electron's
// app.getPath('userData') for the product name "Briefcase", so the CLI and the app find the same
// vault. BRIEFCASE_HOME overrides it (tests, portable installs).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Briefcase';
export const DEFAULT_VAULT_FILE = 'briefcase.vault';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.BRIEFCASE_HOME) return env.BRIEFCASE_HOME;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export const defaultVaultPath = (dataDir: string) => join(dataDir, DEFAULT_VAULT_FILE);

// Preferences of this computer that are not client data (language, last vault used, the seat's
// user name for the audit trail, where the window was). They live
// in a small JSON file in the data folder, readable before any vault is unlocked.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Preferences } from '../../../preload/contract';
import { writeFileDurably } from '../vault/keyfile';

const FILE = 'preferences.json';
const DEFAULTS: Preferences = { language: null, lastVaultPath: null, userName: null, window: null };

export function readPreferences(dataDir: string): Preferences {
  const path = join(dataDir, FILE);
  if (!existsSync(path)) return DEFAULTS;
  try {
    const parsed = Preferences.partial().safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? { ...DEFAULTS, ...parsed.data } : DEFAULTS;
  } catch {
    // A damaged preferences file costs the user a language choice, never a start-up.
    return DEFAULTS;
  }
}

export function updatePreferences(dataDir: string, change: Partial<Preferences>): Preferences {
  const next = Preferences.parse({ ...readPreferences(dataDir), ...change });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileDurably(join(dataDir, FILE), `${JSON.stringify(next, null, 2)}\n`);
  return next;
}

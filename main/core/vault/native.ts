// Where the Electron build of the SQLite addon lives. Node uses the addon's own build in
// node_modules; Electron (a different ABI) uses a second build made by scripts/native.mjs, loaded
// through better-sqlite3's nativeBinding option. See docs/native-module.md.
import { join } from 'node:path';

export function electronAddonPath(root: string, electronVersion: string, platform: string, arch: string): string {
  return join(root, 'native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

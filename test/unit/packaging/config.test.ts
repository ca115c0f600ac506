// The packaging configuration (electron-builder.config.cjs), checked as data: electron-builder and
// the Electron runtime cannot be installed on the CI machine (docs/packaging.md), so these tests
// are what stands between a config mistake and an installer that ships test data or cannot open
// a vault. The fuses themselves are asserted in test/unit/main/fuses.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronAddonPath } from '../../../main/core/vault/native';
import { config, filesUnder, matchedBy, shippedBy } from './shipped-files';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { productName: string; main: string };
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
const linuxX64 = shippedBy(config.files ?? [], 'linux', 'x64');

describe('packaging targets', () => {
  it('build an AppImage and a .deb on Linux, an NSIS installer on Windows and a dmg on macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    // dpkg refuses a package without a maintainer; electron-builder would stop at the .deb.
    expect(config.linux?.maintainer).toBeTruthy();
  });

  it('name the app as the rest of the project does', () => {
    expect(config.appId).toBe('org.briefcase.app');
    expect(config.productName).toBe(pkg.productName);
  });

  it('let an IT volunteer choose the folder, and never delete vaults on uninstall', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, deleteAppDataOnUninstall: false });
  });
});

describe('files shipped in app.asar', () => {
  it('include the built app (its entry point too), the templates and fonts, and package.json', () => {
    for (const path of [pkg.main, 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'templates/documents/brief/meta.json', 'templates/fonts/Amiri-Regular.ttf', 'package.json']) {
      expect(linuxX64(path), path).toBe(true);
    }
  });

  it('exclude tests, benchmarks, scripts, docs, demo output, sources, source maps and vaults', () => {
    for (const path of [
      'test/unit/helpers.ts',
      'test/e2e/browser/fixtures.ts',
      'bench/run.ts',
      'scripts/native.mjs',
      'docs/security.md',
      'demo-output/brief.pdf',
      'main/index.ts',
      'renderer/src/app/App.tsx',
      'out/renderer/assets/index-abc.js.map',
      'out/main/index.js.map',
      'templates/documents/brief/example.vault',
      'out/leftover.vault',
      'out/leftover.vault-journal',
      'out/leftover.keys.json',
      'README.md',
      '.ci/run',
    ]) {
      expect(linuxX64(path), path).toBe(false);
    }
  });

  it('carry the Electron build of the SQLite addon for the target, at the path main/index.ts loads', () => {
    // app.getAppPath() is the root of app.asar; main/index.ts asks native.ts for the addon there.
    const linux = electronAddonPath('', electronVersion, 'linux', 'x64').replace(/^[/\\]/, '').split('\\').join('/');
    expect(linuxX64(linux)).toBe(true);
    // Per system: packaged on Windows (the only place package.mjs packs for it), the win32 build.
    const win = shippedBy(config.files ?? [], 'win32', 'x64');
    expect(win(linux)).toBe(false);
    expect(win(`native/electron-${electronVersion}-win32-x64/better_sqlite3.node`)).toBe(true);
    // A build for an Electron the app no longer runs on stays behind.
    expect(linuxX64('native/electron-1.0.0-linux-x64/better_sqlite3.node')).toBe(false);
    // Nor the Node build (wrong ABI for Electron) or the addon's C sources.
    expect(linuxX64('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe(false);
    expect(linuxX64('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(linuxX64('node_modules/better-sqlite3-multiple-ciphers/lib/database.js')).toBe(true);
  });

  it('unpack only the native addon from app.asar, so every script stays under the integrity fuse', () => {
    // A file in app.asar.unpacked is outside the hash the binary checks (fuses.test.ts): only a
    // .node file, which cannot be loaded from inside an archive, may live there.
    const unpacked = matchedBy(config.asarUnpack ?? [], 'linux', 'x64');
    expect(unpacked(`native/electron-${electronVersion}-linux-x64/better_sqlite3.node`)).toBe(true);
    for (const path of ['out/main/index.js', 'out/preload/index.cjs', 'templates/documents/brief/en.md', 'package.json']) {
      expect(unpacked(path), path).toBe(false);
    }
    for (const pattern of config.asarUnpack ?? []) expect(pattern).toMatch(/\.node$/);
    expect(config.asar).toBe(true);
  });

  it('leave node_modules alone: no rebuild that would overwrite the Node build tests and the CLI load', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.electronVersion).toBe(electronVersion);
  });

  it('take nothing from this checkout outside the built app, the templates, package.json and the addon', () => {
    // The real tree, test fixtures, seeds, screenshots and all: whatever lies around is not shipped.
    const shipped = filesUnder(root, root, ['node_modules', '.git']).filter(linuxX64);
    const outside = shipped.filter((path) => !/^(out\/|templates\/|native\/electron-[^/]+-linux-x64\/better_sqlite3\.node$|package\.json$)/.test(path));
    expect(outside).toEqual([]);
    expect(shipped).toContain('package.json');
  });
});

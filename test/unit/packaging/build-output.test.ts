// What `npm run build` produces, run through the packaging config's `files` patterns: the app's
// entry points are shipped, and no source map, map reference or test file would reach an installer.
// The build goes to a temporary folder (electron-vite --outDir), never to the checkout's out/, so
// it cannot race another build of out/ (the e2e suite builds there under a lock).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, filesUnder, shippedBy } from './shipped-files';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
let dir = '';
let built: string[] = [];
let shipped: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefcase-package-'));
  // The same command as `npm run build` (package.json), with only the output folder moved.
  expect(pkg.scripts.build).toBe('electron-vite build');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', join(dir, 'out')], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  built = filesUnder(dir);
  shipped = built.filter(shippedBy(config.files ?? [], 'linux', 'x64'));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the built app as packaged', () => {
  it('ships the main entry point, the preload bridge and the renderer', () => {
    expect(shipped).toContain(pkg.main);
    expect(shipped).toContain('out/preload/index.cjs');
    expect(shipped).toContain('out/renderer/index.html');
    expect(shipped.filter((path) => path.startsWith('out/renderer/assets/')).length).toBeGreaterThan(0);
    // Everything the build made is shipped but maps: an excluded file the app needs would break it.
    expect(built.filter((path) => !shipped.includes(path) && !path.endsWith('.map'))).toEqual([]);
  });

  it('ships no source map and no reference to one', () => {
    expect(shipped.filter((path) => path.endsWith('.map'))).toEqual([]);
    const referencing = shipped
      .filter((path) => /\.(m?js|cjs|css|html)$/.test(path))
      .filter((path) => /sourceMappingURL=/.test(readFileSync(join(dir, path), 'utf8')));
    expect(referencing).toEqual([]);
  });

  it('ships no test file or fixture, and no vault', () => {
    expect(shipped.filter((path) => /(^|\/)(test|tests|__tests__|fixtures)\//.test(path) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(path))).toEqual([]);
    expect(shipped.filter((path) => /\.vault($|-)|\.keys\.json$/.test(path))).toEqual([]);
  });
});

// `npm run package` (scripts/package.mjs) stops before building anything, with one clear English +
// Danish line and exit code 2, when packaging cannot work on this machine. The script is run from
// a copy in a temporary checkout (it finds the project from its own location), so each case sets
// up exactly what is present, whatever this machine has installed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';

const root = join(import.meta.dirname, '..', '..', '..');
const hostFlag = { linux: '--linux', win32: '--win', darwin: '--mac' }[process.platform as string] ?? '--linux';

function checkout(present: { runtime?: boolean; builder?: boolean } = {}): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(root, 'scripts', 'package.mjs'), join(dir, 'scripts', 'package.mjs'));
  writeFileSync(join(dir, 'package.json'), '{"name":"briefcase"}\n');
  if (present.runtime) mkdirSync(join(dir, 'node_modules', 'electron', 'dist'), { recursive: true });
  if (present.builder) {
    mkdirSync(join(dir, 'node_modules', 'electron-builder'), { recursive: true });
    // Fails loudly if the script ever got as far as packing in these tests.
    writeFileSync(join(dir, 'node_modules', 'electron-builder', 'cli.js'), 'process.exit(99);\n');
  }
  return dir;
}

function runPackage(dir: string, args: string[] = [], env: Record<string, string> = {}) {
  const clean = { ...process.env };
  delete clean.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [join(dir, 'scripts', 'package.mjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...clean, ...env } });
  return { status: result.status, stdout: result.stdout, lines: result.stderr.trim().split('\n') };
}

describe('npm run package', () => {
  it('is wired to the checking wrapper for every platform', () => {
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.package).toBe('node scripts/package.mjs');
    expect(scripts['package:linux']).toBe('node scripts/package.mjs --linux');
    expect(scripts['package:win']).toBe('node scripts/package.mjs --win');
    expect(scripts['package:mac']).toBe('node scripts/package.mjs --mac');
  });

  it('without the Electron runtime: says so in one line, English and Danish, exits 2 and builds nothing', () => {
    const dir = checkout();
    const { status, stdout, lines } = runPackage(dir);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Cannot package: the Electron runtime is not installed');
    expect(lines[0]).toContain('Kan ikke pakke: Electron-runtime er ikke installeret');
    expect(stdout).toBe('');
    // No out/, dist/ or native/ appeared: nothing was built.
    expect(readdirSync(dir).sort()).toEqual(['package.json', 'scripts']);
  });

  it('names ELECTRON_SKIP_BINARY_DOWNLOAD when that is why the runtime is missing', () => {
    const { status, lines } = runPackage(checkout(), [hostFlag], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('(ELECTRON_SKIP_BINARY_DOWNLOAD is set)');
    expect(lines[0]).toContain('(ELECTRON_SKIP_BINARY_DOWNLOAD er sat)');
  });

  it('with the runtime but without electron-builder: says so and exits 2', () => {
    const { status, lines } = runPackage(checkout({ runtime: true }));
    expect(status).toBe(2);
    expect(lines).toEqual([
      '[package] Cannot package: electron-builder is not installed; see docs/packaging.md. / Kan ikke pakke: electron-builder er ikke installeret; se docs/packaging.md.',
    ]);
  });

  it('stops before building when the Electron build of the SQLite addon did not come out', () => {
    // native.mjs stands in as "ran and made nothing" (e.g. Electron's headers could not be fetched).
    const dir = checkout({ runtime: true, builder: true });
    writeFileSync(join(dir, 'scripts', 'native.mjs'), 'process.exit(0);\n');
    writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), '{"version":"40.0.0"}\n');
    const { status, lines } = runPackage(dir, [hostFlag]);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`electron-40.0.0-${process.platform}-${process.arch}`);
    expect(lines[0]).toContain('Cannot package:');
    expect(lines[0]).toContain('Kan ikke pakke:');
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'package.json', 'scripts']);
  });

  it('refuses another system as target: the SQLite addon is built for this one only', () => {
    const foreign = ['--linux', '--win', '--mac'].find((flag) => flag !== hostFlag) ?? '--win';
    const dir = checkout({ runtime: true, builder: true });
    const { status, lines } = runPackage(dir, [foreign]);
    expect(status).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Cannot package ${foreign} on ${process.platform}`);
    expect(lines[0]).toContain(`Kan ikke pakke ${foreign} på ${process.platform}`);
    expect(readdirSync(dir).sort()).toEqual(['node_modules', 'package.json', 'scripts']);
  });
});

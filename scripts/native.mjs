#!/usr/bin/env node
// Builds the SQLite addon a second time, for Electron, beside the Node build.
//
// Why: better-sqlite3-multiple-ciphers is a native addon. Node and Electron have different ABIs,
// so one build cannot serve both. npm builds the addon for Node in node_modules (tests, CLI,
// benchmarks use it as is). This script builds a copy for the installed Electron into
// native/electron-<version>-<platform>-<arch>/better_sqlite3.node, which main/index.ts passes to
// better-sqlite3 through its `nativeBinding` option. Neither build ever overwrites the other, so
// `npm test` and `npm start` work one after the other without a rebuild.
//
// Runs on `postinstall` and before `npm start`; does nothing when the build for this Electron
// version exists already, and explains itself when no Electron runtime is installed.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function electronRuntime() {
  try {
    const binary = require('electron'); // the path of the runtime, when it was downloaded
    const { version } = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
    return typeof binary === 'string' && existsSync(binary) ? version : null;
  } catch {
    return null;
  }
}

function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('node-gyp not found (it ships with npm)');
  return found;
}

// A nodedir set for Node builds (as on some CI machines) would point node-gyp at Node's headers.
function withoutNodedir(env) {
  const copy = { ...env };
  for (const name of Object.keys(copy)) if (name.toLowerCase() === 'npm_config_nodedir') delete copy[name];
  return copy;
}

const version = electronRuntime();
if (!version) {
  console.log(
    '[native] Electron runtime not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?): skipping the Electron build of the SQLite addon.\n' +
      '[native] Tests and the CLI use the Node build. To run the app: install Electron, then `npm run native`.',
  );
  process.exit(0);
}

const target = join(root, 'native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
if (existsSync(target) && !process.argv.includes('--force')) process.exit(0);

const addonDir = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const work = mkdtempSync(join(tmpdir(), 'briefcase-native-'));
try {
  // Build in a copy, so the Node build in node_modules is never touched.
  cpSync(addonDir, work, { recursive: true, filter: (path) => !path.includes(`${join(addonDir, 'build')}`) });
  console.log(`[native] building the SQLite addon for Electron ${version} (${process.platform}-${process.arch}), about a minute…`);
  execFileSync(
    process.execPath,
    [
      nodeGyp(),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit', env: withoutNodedir(process.env) },
  );
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  console.log(`[native] ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

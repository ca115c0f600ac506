#!/usr/bin/env node
// `npm run package[:linux|:win|:mac]`: builds the installers with electron-builder
// (electron-builder.config.cjs, docs/packaging.md).
//
// Why a wrapper: packaging needs three things a development checkout may lack, and each one
// missing would otherwise surface as a long stack trace halfway through a build. It checks them
// first, in this order, and stops with one clear English + Danish line and exit code 2:
//   1. the Electron runtime (node_modules/electron/dist), absent after ELECTRON_SKIP_BINARY_DOWNLOAD=1
//      or where github.com cannot be reached;
//   2. electron-builder itself (a devDependency only where it could be installed, see docs);
//   3. a target this machine can package: the SQLite addon is built for the host only, so Linux
//      packages are made on Linux, the NSIS installer on Windows, the dmg on macOS.
// Then it makes the Electron build of the addon (scripts/native.mjs), builds the app and packs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One line in both languages, then exit 2: nothing has been built or changed. */
function refuse(english, danish) {
  console.error(`[package] ${english} / ${danish}`);
  process.exit(2);
}

const hostFlag = { linux: '--linux', win32: '--win', darwin: '--mac' }[process.platform];
const requested = process.argv.slice(2).filter((arg) => ['--linux', '--win', '--mac'].includes(arg));
const targets = requested.length > 0 ? requested : [hostFlag];

if (!existsSync(join(root, 'node_modules', 'electron', 'dist'))) {
  const skipped = Boolean(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD);
  refuse(
    `Cannot package: the Electron runtime is not installed${skipped ? ' (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' : ''}; run "npm rebuild electron" where github.com is reachable, then try again.`,
    `Kan ikke pakke: Electron-runtime er ikke installeret${skipped ? ' (ELECTRON_SKIP_BINARY_DOWNLOAD er sat)' : ''}; kør "npm rebuild electron" hvor github.com kan nås, og prøv igen.`,
  );
}

const builderCli = join(root, 'node_modules', 'electron-builder', 'cli.js');
if (!existsSync(builderCli)) {
  refuse(
    'Cannot package: electron-builder is not installed; see docs/packaging.md.',
    'Kan ikke pakke: electron-builder er ikke installeret; se docs/packaging.md.',
  );
}

const foreign = targets.filter((flag) => flag !== hostFlag);
if (foreign.length > 0) {
  refuse(
    `Cannot package ${foreign.join(' ')} on ${process.platform}: the SQLite addon is built for this system only; package on that system.`,
    `Kan ikke pakke ${foreign.join(' ')} på ${process.platform}: SQLite-modulet bygges kun til dette system; pak på det system.`,
  );
}

/** Runs a step with its output shown; a failed step stops packaging with its own exit code. */
function step(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step([join(root, 'scripts', 'native.mjs')]);
// An installer without the Electron build of the addon would start and then fail to open any vault.
const { version } = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
const addon = join('native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
if (!existsSync(join(root, addon))) {
  refuse(
    `Cannot package: ${addon} is missing; run "npm run native -- --force" and read its output.`,
    `Kan ikke pakke: ${addon} mangler; kør "npm run native -- --force" og læs, hvad den skriver.`,
  );
}
step([join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
// electronDist: pack the runtime checked above rather than download another copy for this system.
step([builderCli, '--config', 'electron-builder.config.cjs', ...targets, '--publish', 'never', '-c.electronDist=node_modules/electron/dist']);

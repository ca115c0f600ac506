// electron-builder's `files` semantics, to ask "would this path be shipped?" without the package
// (it cannot be installed here: docs/packaging.md). Mirrors app-builder-lib's minimatchAll
// (util/filter.js, read in app-builder-lib 26.0.20): patterns
// are relative to the project folder, matched with minimatch {dot: true} in order; once a path is
// matched, only a later negated pattern can drop it, and once dropped only a later positive one can
// take it back. ${platform}/${arch} are electron-builder's file macros (process.platform of the
// packaging machine, which scripts/package.mjs makes the target's, and the target arch).
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';

interface Pattern {
  negate: boolean;
  match(path: string): boolean;
}
const { Minimatch } = createRequire(import.meta.url)('minimatch') as {
  Minimatch: new (pattern: string, options: { dot: boolean }) => Pattern;
};

export interface BuilderConfig {
  appId?: string;
  productName?: string;
  electronVersion?: string;
  files?: string[];
  asarUnpack?: string[];
  asar?: unknown;
  npmRebuild?: boolean;
  nodeGypRebuild?: boolean;
  linux?: { target?: string[]; maintainer?: string };
  win?: { target?: string[] };
  mac?: { target?: string[]; hardenedRuntime?: boolean };
  nsis?: { oneClick?: boolean; deleteAppDataOnUninstall?: boolean };
  electronFuses?: Record<string, unknown>;
}

export const config = createRequire(import.meta.url)('../../../electron-builder.config.cjs') as BuilderConfig;

/** Whether a relative POSIX path is matched by these patterns, in electron-builder's order rules. */
export function matchedBy(patterns: string[], platform: string, arch: string): (path: string) => boolean {
  const compiled = patterns.map(
    (pattern) => new Minimatch(pattern.replaceAll('${platform}', platform).replaceAll('${arch}', arch), { dot: true }),
  );
  return (path) => {
    let match = false;
    for (const pattern of compiled) {
      if (match !== pattern.negate) continue;
      match = pattern.match(path);
    }
    return match;
  };
}

/** Whether a path would be packed into app.asar for one target platform and arch. */
export function shippedBy(files: string[], platform: string, arch: string): (path: string) => boolean {
  // As app-builder-lib 26 (fileMatcher.js) does: the app's own files are matched by `files` plus
  // package.json; production node_modules are copied separately, filtered by the exclusions of
  // `files` only (getNodeModuleFileMatcher). Dev dependencies are never copied (not modelled).
  const app = matchedBy([...files, 'package.json'], platform, arch);
  const modules = matchedBy(['**/*', ...files.filter((pattern) => pattern.startsWith('!'))], platform, arch);
  return (path) => (path.startsWith('node_modules/') ? modules(path) : app(path));
}

/** Every file under dir, as POSIX paths relative to base, skipping the named top-level folders. */
export function filesUnder(dir: string, base = dir, skip: string[] = []): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const path = relative(base, full).split(sep).join('/');
    if (skip.includes(path)) continue;
    if (entry.isDirectory()) found.push(...filesUnder(full, base, skip));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

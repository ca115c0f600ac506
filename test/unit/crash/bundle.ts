// Builds child.ts once per test file into one CommonJS file and starts it with plain `node`.
// Starting it through tsx would compile the core again on every one of the hundreds of starts
// (about a second each). The bundle is the real core, document libraries included (about 9 MB of
// JavaScript), so a small loader also keeps V8's code cache for it beside it: the first child
// writes the cache, every later one skips most of the parsing.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Job } from './protocol';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../../..');

// Runs the bundle as Node would (Module.wrap, a real Module), but through vm.Script so that
// V8's cached data can be given and, on the first run, written (to a temporary name, then renamed,
// so a child killed mid-write never leaves half a cache).
const LOADER = `'use strict';
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');
const bundle = process.argv[2];
const cachePath = bundle + '.v8cache';
const cachedData = existsSync(cachePath) ? readFileSync(cachePath) : undefined;
const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
const child = new Module(bundle, module);
child.filename = bundle;
child.paths = Module._nodeModulePaths(dirname(bundle));
process.argv.splice(1, 1);
script.runInThisContext().call(child.exports, child.exports, (id) => child.require(id), child, bundle, dirname(bundle));
if (!cachedData || script.cachedDataRejected) {
  const temporary = cachePath + '.' + process.pid;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, cachePath);
}
`;

/** Bundles the child into `dir`; returns the path of the loader to start with `node`. */
export async function bundleChild(dir: string): Promise<string> {
  const outfile = join(dir, 'crash-child.cjs');
  await build({
    entryPoints: [join(HERE, 'child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The native module is loaded from the project's node_modules (NODE_PATH below), built for Node.
    external: ['better-sqlite3-multiple-ciphers'],
    // Two modules read import.meta.url to find templates and fonts; the child never renders a document.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'error',
  });
  const loader = join(dir, 'crash-loader.cjs');
  writeFileSync(loader, LOADER);
  return loader;
}

export interface Started {
  child: ChildProcess;
  /** Hands the waiting child its job: from here on it opens the vault and works. */
  begin: (job: Job) => void;
  /** Every complete line the child printed so far, and when each arrived (performance.now()). */
  lines: string[];
  times: number[];
  /** Resolves when the child has exited (by itself or killed), with everything it printed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Resolves when its first line (`ready`: the vault is unlocked) arrives, or when it exits. */
  ready: Promise<void>;
  /** Resolves when the `count`-th line containing `text` (default: the first) arrives, or when it exits. */
  lineWith: (text: string, count?: number) => Promise<void>;
}

/**
 * Keeps one child started ahead: it loads the bundle (the slow part of a start) while the round
 * before it runs and is checked, then waits on stdin for its job. It touches no file before that.
 */
export class Spawner {
  private spare: Started | null = null;
  /** Every child not yet exited: a test that fails or times out mid-round must not leave one running. */
  private readonly live = new Set<Started>();

  constructor(private readonly loader: string) {}

  /** A loaded child waiting for its job; another starts loading at once. */
  take(): Started {
    const taken = this.spare ?? this.start();
    this.spare = this.start();
    return taken;
  }

  /** Kills every child still running (the spare never got a job, so it holds no vault). */
  async stop(): Promise<void> {
    this.spare = null;
    const running = [...this.live];
    for (const started of running) started.child.kill('SIGKILL');
    await Promise.all(running.map((started) => started.exited));
  }

  private start(): Started {
    const started = startChild(this.loader);
    this.live.add(started);
    void started.exited.then(() => this.live.delete(started));
    return started;
  }
}

function startChild(loader: string): Started {
  const child = spawn(process.execPath, [loader, join(loader, '..', 'crash-child.cjs')], {
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // A child killed before it read its job must not fail the parent with EPIPE.
  child.stdin!.on('error', () => undefined);
  const lines: string[] = [];
  const times: number[] = [];
  let partial = '';
  let stderr = '';
  let closed = false;
  let waiting: { text: string; count: number; done: () => void }[] = [];
  const settle = (all: boolean) => {
    waiting = waiting.filter((w) => {
      const found = all || lines.filter((line) => line.includes(w.text)).length >= w.count;
      if (found) w.done();
      return !found;
    });
  };
  const lineWith = (text: string, count = 1) =>
    new Promise<void>((done) => {
      waiting.push({ text, count, done });
      settle(closed);
    });
  child.stdout!.setEncoding('utf8').on('data', (text: string) => {
    const parts = (partial + text).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    times.push(...parts.map(() => performance.now()));
    settle(false);
  });
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  // 'close' (not 'exit'): stdout has been read to its end, so no acknowledged line is missed.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((done) => {
    child.on('close', (code, signal) => {
      closed = true;
      settle(true);
      done({ code, signal, stderr });
    });
  });
  const begin = (job: Job) => {
    child.stdin!.end(`${JSON.stringify(job)}\n`);
  };
  return { child, begin, lines, times, exited, ready: lineWith('"t":"ready"'), lineWith };
}

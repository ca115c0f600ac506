// Loading pdf.js under plain Node (tests, CLI, bench) and in Electron's main process.
//
// - The legacy build: it carries the polyfills Node 20 lacks (Promise.withResolvers and others).
// - No worker thread. pdf.js falls back to its "fake worker" when it cannot start a Web Worker (in
//   Node it cannot: `window` is missing). We import the worker module ourselves and hand it over
//   through globalThis.pdfjsWorker, so pdf.js never does `import(workerSrc)`: a dynamic import of a
//   computed path that a bundler cannot follow and that would fail inside an asar archive.
// - DOMMatrix: pdf.mjs creates one at module level (for rendering, which we never do). Under Node it
//   first tries to borrow it from @napi-rs/canvas (an optional dependency of pdfjs-dist, native, per
//   platform). When that package or its binary is missing (e.g. an installer built for another
//   platform), importing pdf.mjs would throw "DOMMatrix is not defined"; we then install an inert
//   stand-in, which is enough for text extraction.
// - Loaded lazily and once: pdf.js is ~3 MB of JavaScript that an app start need not parse.
//
// Bundling with electron-vite: pdfjs-dist stays external (electron-vite externalizes dependencies
// of the main process), the main bundle is ESM, and both imports below are static strings, so
// nothing else is needed. Ship pdfjs-dist (and, optionally, @napi-rs/canvas for the platform) in
// node_modules of the packaged app.
import { createRequire } from 'node:module';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Pdfjs> {
  ensureDomMatrix();
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const holder = globalThis as { pdfjsWorker?: { WorkerMessageHandler: unknown } };
  holder.pdfjsWorker ??= { WorkerMessageHandler: worker.WorkerMessageHandler };
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

function ensureDomMatrix(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  if (scope.DOMMatrix !== undefined) return;
  try {
    // What pdf.mjs does itself; if it works here it will work there, and the module is cached.
    createRequire(import.meta.url)('@napi-rs/canvas');
    return;
  } catch {
    // Fall through: an inert stand-in. Text extraction never multiplies matrices with it.
  }
  scope.DOMMatrix = class InertDOMMatrix {
    scaleSelf(): this {
      return this;
    }
    translateSelf(): this {
      return this;
    }
  };
}

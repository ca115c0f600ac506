// Builds the three parts of the app: main (Node, privileged), preload (the sandboxed bridge, one
// self-contained CommonJS file as Electron's sandbox requires) and renderer (React).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require node_modules: bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [
      react(),
      // Vite's dev server injects <style> tags; allow them in `electron-vite dev` only. The built
      // app keeps style-src 'self' (checked in test/unit/main/security.test.ts).
      {
        name: 'briefcase-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      },
    ],
    build: {
      outDir: 'out/renderer',
      // No source maps in what ships; no inline scripts (the CSP forbids them).
      sourcemap: false,
      minify: true,
      modulePreload: { polyfill: false },
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});

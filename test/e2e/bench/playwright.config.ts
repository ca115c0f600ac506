// The UI benchmark: not part of `npm test` (a separate config; the suite's config only knows
// ./browser and ./electron). Run after a build:
//
//   npx electron-vite build && npx playwright test -c test/e2e/bench/playwright.config.ts
//
// Numbers are printed and written to test-results/bench/ui-list.json.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env.BRIEFCASE_E2E_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  outputDir: '../../../test-results/bench-output',
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1200, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
    launchOptions: {
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
    },
  },
});

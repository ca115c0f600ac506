// End-to-end tests. Run after `npx electron-vite build` (they use out/):
//
//   npx playwright test -c test/e2e/playwright.config.ts                  # both projects
//   npx playwright test -c test/e2e/playwright.config.ts --project=browser
//
// browser:  the built renderer in Chromium against the test harness (test/harness), which serves
//           the same handler table as the app. Each test has its own data folder and harness.
// electron: the real app through Playwright's _electron. Skips itself, with the reason, where the
//           Electron runtime is not installed.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { prepareRunFolder } from './leaks/run-folder';

// Everything the run writes goes into one folder, scanned for the fictional clients' names by
// the global teardown (test/e2e/leaks; issue 7, item 8). Sets TMPDIR for every worker and harness.
const run = prepareRunFolder();

// Debian's Chromium here; elsewhere set BRIEFCASE_E2E_CHROMIUM, or leave it and Playwright's own
// Chromium is used (npx playwright install chromium).
const chromium = process.env.BRIEFCASE_E2E_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalTeardown: './leaks/global-teardown.ts',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testDir: './browser',
      use: {
        browserName: 'chromium',
        viewport: { width: 1200, height: 800 },
        deviceScaleFactor: 1,
        locale: 'en-GB',
        timezoneId: 'Europe/Copenhagen',
        colorScheme: 'light',
        launchOptions: {
          ...(existsSync(chromium) ? { executablePath: chromium } : {}),
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            // Crash dumps and the HTTP cache where the leak scan looks (Playwright deletes the
            // browser's profile folder when the browser closes).
            `--crash-dumps-dir=${run.crashDumps}`,
            `--disk-cache-dir=${run.diskCache}`,
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: './electron',
    },
  ],
});

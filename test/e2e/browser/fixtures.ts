// Fixtures for the browser suite: each test gets its own temporary data folder and its own harness
// process, and `page` has window.briefcase injected. The page must not log errors (a CSP
// violation, an uncaught exception) during a test.
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { injectBridge } from '../../harness/bridge';
import { spawnHarness, type HarnessProcess } from '../../harness/process';
import { currentRunFolder } from '../leaks/run-folder';

export interface Harness {
  readonly dataDir: string;
  readonly url: string;
  readonly port: number;
  /** The current run's token, for a second page (injectBridge). */
  readonly token: string;
  /** The vault file the app suggests by default in this data folder. */
  readonly vaultPath: string;
  /** Stop the harness (SIGKILL by default: a crash) and start a new one on the same folder and port. */
  restart(signal?: NodeJS.Signals): Promise<void>;
}

export const test = base.extend<{ harness: Harness; pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.name}`));
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await use(errors);
  },

  harness: async ({ page, pageErrors }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'briefcase-e2e-'));
    let current: HarnessProcess = await spawnHarness({ dataDir });
    await injectBridge(page, current.token);
    const harness: Harness = {
      dataDir,
      get url() {
        return current.url;
      },
      get port() {
        return current.port;
      },
      get token() {
        return current.token;
      },
      vaultPath: join(dataDir, 'briefcase.vault'),
      async restart(signal: NodeJS.Signals = 'SIGKILL') {
        const port = current.port;
        await current.stop(signal);
        current = await spawnHarness({ dataDir, port });
        await injectBridge(page, current.token);
      },
    };
    try {
      await use(harness);
      expect(pageErrors, 'the page logged errors').toEqual([]);
    } finally {
      const code = await current.stop('SIGTERM');
      // In a run with a leak scan (test/e2e/leaks), the folder stays for the scan, which removes it.
      if (!currentRunFolder()) await rm(dataDir, { recursive: true, force: true });
      expect(code, 'the harness exits cleanly on SIGTERM').toBe(0);
    }
  },
});

export { expect };

/** Open the app and wait until it has asked the core for its state. */
export async function openApp(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

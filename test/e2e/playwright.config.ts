import { defineConfig } from '@playwright/test';

/**
 * End-to-end runs against the real server (embedded PGlite, demo
 * organisation) serving the built web client on the same origin. The global
 * setup builds the client, starts the server on a free port and publishes
 * its address in E2E_BASE_URL; test workers start after it and inherit it.
 *
 * Knobs: CHROMIUM_PATH (the browser binary), E2E_SKIP_BUILD=1 (reuse an
 * existing dist/renderer), E2E_KEEP_DATA=1 (keep the server's data directory
 * and log), E2E_SERVER_LOG_LEVEL (default warn).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Two cores: one worker per core; each test drives two workstations at most.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  globalSetup: './support/global-setup.ts',
  outputDir: '../../test-results/e2e',
  use: {
    baseURL: process.env.E2E_BASE_URL,
    viewport: { width: 1280, height: 720 },
    // English UI: the automation contract's names are English in every language,
    // and the visible labels of the detail forms follow the display language.
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // The system Chromium; browsers are never downloaded for these tests.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});

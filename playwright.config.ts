// Browser tests for paypage: Debian's Chromium against a real shim.
//
// Run them alone with `./task browser` (or `npx playwright test` once
// `target/release/paypage-shim` and `dist/` are built). The shim runs
// on a free loopback port with a fresh data folder for each run; the
// report goes to the terminal and to target/playwright-report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Playwright loads this file in its main process and again in every
// worker; the workers inherit the main process's environment, so the
// port and data folder are chosen once and read back from there.
const env = process.env;
env.PAYPAGE_TEST_PORT ??= freePort();
env.PAYPAGE_TEST_DATA ??= mkdtempSync(path.join(tmpdir(), 'paypage-e2e-'));

const port = env.PAYPAGE_TEST_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const shim = env.PAYPAGE_SHIM_BIN ?? 'target/release/paypage-shim';

/** A loopback port nobody is using right now. */
function freePort(): string {
  const script =
    "const s=require('net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script]).toString().trim();
}

export default defineConfig({
  testDir: 'tests',
  outputDir: 'target/playwright-results',
  fullyParallel: true,
  // Two cores on the build machine: one browser per core.
  workers: 2,
  forbidOnly: !!env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: 'target/playwright-report', open: 'never' }],
  ],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testIgnore: /no-card-data\.spec\.ts/,
    },
    {
      // Runs last: scans what the shim logged and stored during every
      // other test for the card numbers those tests typed.
      name: 'no-card-data',
      testMatch: /no-card-data\.spec\.ts/,
      dependencies: ['browser'],
    },
  ],
  webServer: {
    // Builds nothing: `./task browser` builds the shim and the page.
    command: `sh -c 'exec "$0" 2>"$PAYPAGE_TEST_DATA/shim.log"' ${shim}`,
    url: `${baseURL}/demo/demo.css`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PAYPAGE_ADDR: `127.0.0.1:${port}`,
      PAYPAGE_SANDBOX_ADDR: '127.0.0.1:0',
      PAYPAGE_DATA_DIR: env.PAYPAGE_TEST_DATA,
      PAYPAGE_COUNCILS_DIR: 'councils',
      PAYPAGE_PAGE_DIR: 'dist',
      PAYPAGE_TEST_DATA: env.PAYPAGE_TEST_DATA,
      RUST_LOG: 'debug',
    },
  },
});

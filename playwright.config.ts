// Browser tests for paypage: Debian's Chromium against a real shim.
//
// Run them alone with `./task browser` (or `npx playwright test` once
// `target/release/paypage-shim` and `dist/` are built). The shim runs
// on a free loopback port with a fresh data folder for each run; the
// report goes to the terminal and to target/playwright-report.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Playwright loads this file in its main process and again in every
// worker; the workers inherit the main process's environment, so the
// port and data folder are chosen once and read back from there.
const env = process.env;
env.PAYPAGE_TEST_PORT ??= freePort();
env.PAYPAGE_TEST_DATA ??= mkdtempSync(path.join(tmpdir(), 'paypage-e2e-'));
// Lets the tests ask the sandbox what it really charged, read-only
// (sandbox/src/read_keys.rs); random per run, never set for people.
env.PAYPAGE_SANDBOX_READ_KEY_SEED ??= randomBytes(32).toString('hex');

const port = env.PAYPAGE_TEST_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const shim = env.PAYPAGE_SHIM_BIN ?? 'target/release/paypage-shim';

// Nothing is built here; say plainly what is missing instead.
if (!existsSync(shim)) {
  throw new Error(
    `${shim} does not exist: build it with ` +
      '`cargo build --release -p paypage-shim` (./task browser does).',
  );
}
if (!existsSync('dist/index.html')) {
  console.warn(
    'dist/index.html does not exist: the card page tests will fail. ' +
      'Build the page with `trunk build --release` (./task test does).',
  );
}

/** A loopback port nobody is using right now. */
function freePort(): string {
  const script =
    "const s=require('net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{" +
    'process.stdout.write(String(s.address().port));s.close()})';
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
    // Last, so the report's address ends the terminal output.
    ['./tests/a11y/reporter.ts', { outputFolder: 'target/a11y-report' }],
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
      name: 'shim',
      testMatch: /shim\.setup\.ts/,
      teardown: 'no-card-data',
    },
    {
      name: 'browser',
      testIgnore: /no-card-data\.spec\.ts|shim\.setup\.ts|a11y\//,
      dependencies: ['shim'],
    },
    {
      // The accessibility suite (`./task a11y` runs it alone): every
      // page state for every council. Its ARIA snapshots are kept in
      // tests/a11y/snapshots/.
      name: 'a11y',
      testDir: 'tests/a11y',
      dependencies: ['shim'],
      // Its report holds the evidence; a trace of each of its fifty
      // pages would double the suite's time.
      use: { trace: 'off' },
      expect: {
        toMatchAriaSnapshot: { pathTemplate: '{testDir}/snapshots/{arg}{ext}' },
      },
    },
    {
      // Runs last, whatever the other tests did: scans what the shim
      // logged and stored for the card numbers the tests typed.
      name: 'no-card-data',
      testMatch: /no-card-data\.spec\.ts/,
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

import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium';

// A fixed port fails whenever anything else listens there (another checkout's suite, an app).
// The runner loads this file first and its workers and web server inherit the environment, so
// the port chosen here once is the port every process of the run uses.
function freePort(): number {
  const probe =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }));
}
process.env.E2E_PORT ??= String(freePort());
const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Flows that sign in two or three people take 20-30 s on a busy two-core machine; the limit is
  // a hang detector, not a speed target (benchmarks measure speed).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /authorization-matrix|stored-xss/ },
    // Seeds thousands of writes and opens about sixty pages: it would starve the 30 s tests
    // running beside it on two cores, so it runs after them.
    {
      name: 'stored-xss',
      testMatch: /stored-xss/,
      dependencies: ['chromium'],
      use: { ...devices['Desktop Chrome'] },
    },
    // Checks that refused calls write nothing by comparing database snapshots, so it runs
    // alone, after every other test.
    {
      name: 'authorization',
      testMatch: /authorization-matrix/,
      dependencies: ['stored-xss'],
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: {
    command: 'tsx --conditions=react-server scripts/e2e-server.ts',
    url: `${baseURL}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
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

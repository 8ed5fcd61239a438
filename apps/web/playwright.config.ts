import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../chromium.shared.ts';

// JIN_E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.JIN_E2E_PORT ?? 4173);
const results = process.env.JIN_TEST_RESULTS;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: results
    ? [['list'], ['json', { outputFile: `${results}/playwright-web.json` }]]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    command: 'pnpm --filter @jin/api start',
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      JIN_DB_PATH: ':memory:',
      NODE_ENV: 'production',
    },
  },
});

import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_FILE = `data/e2e-${PORT}.db`;

/**
 * End-to-end tests in Debian's Chromium against a production build on a fresh SQLite file
 * loaded with the demo data.
 */
export default defineConfig({
  testDir: './e2e',
  // Per port, so parallel runs on one checkout do not wipe each other's artifacts.
  outputDir: `./test-results/e2e-${PORT}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /hostile-input(-pg)?\.spec\.ts/ },
    // Last, against the same server: it checks that refused requests change no row, so no other test may write meanwhile.
    { name: 'hostile', use: { ...devices['Desktop Chrome'] }, testMatch: /hostile-input\.spec\.ts/, dependencies: ['chromium'] },
    // The same corpus on PostgreSQL, against a server of its own (started by the spec on port +50), beside `hostile`.
    {
      name: 'hostile-pg',
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${PORT + 50}` },
      testMatch: /hostile-input-pg\.spec\.ts/,
      dependencies: ['chromium'],
    },
  ],
  webServer: {
    command: `rm -f ${DB_FILE} ${DB_FILE}-wal ${DB_FILE}-shm ${DB_FILE}.snapshot.json && ${process.env.E2E_SKIP_BUILD ? '' : 'npx next build && '}PORT=${PORT} node --import tsx server.ts`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: `file:./${DB_FILE}`,
      BEACON_DEMO: '1',
      BEACON_SCHEDULER_TICK_MS: '1000',
      BEACON_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      NEXT_TELEMETRY_DISABLED: '1',
      // One JSON line per request would drown the test output; observability.spec.ts runs its own server.
      BEACON_LOG_LEVEL: 'warn',
      // Specs stand in for many clients with X-Forwarded-For, as a proxy on loopback would report them.
      BEACON_TRUSTED_PROXIES: 'loopback',
    },
  },
});

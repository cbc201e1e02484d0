import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_FILE = `data/e2e-${PORT}.db`;
// Specs that write through the services in their own process (postIncident…) freeze alert links
// with the public URL: set it before any worker reads (and caches) the environment.
process.env.BEACON_PUBLIC_URL ??= `http://127.0.0.1:${PORT}`;
// A run on another port builds into a directory of its own, so two runs on one checkout never
// overwrite each other's build (the default port keeps `.next`, as `next build` and CI use it).
process.env.NEXT_DIST_DIR ??= PORT === 3100 ? '.next' : `.next-e2e-${PORT}`;
// `next build` adds its dist directory's types to tsconfig.json: a build into another directory puts the file back.
const BUILD =
  process.env.NEXT_DIST_DIR === '.next'
    ? 'npx next build && '
    : `mkdir -p data && cp tsconfig.json data/tsconfig-${PORT}.json && (npx next build; built=$?; cp data/tsconfig-${PORT}.json tsconfig.json; exit $built) && `;

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
    command: `rm -f ${DB_FILE} ${DB_FILE}-wal ${DB_FILE}-shm ${DB_FILE}.snapshot.json && ${process.env.E2E_SKIP_BUILD ? '' : BUILD}PORT=${PORT} node --import tsx server.ts`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_URL: `file:./${DB_FILE}`,
      BEACON_DEMO: '1',
      BEACON_SCHEDULER_TICK_MS: '1000',
      // The demo's third-party page is unreachable here: it stays "last read" for the whole run instead of
      // turning "status unknown" five minutes in, in the middle of whichever spec runs then (hostile counts the change).
      BEACON_UPSTREAM_GRACE_SECONDS: '86400',
      BEACON_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      NEXT_TELEMETRY_DISABLED: '1',
      // One JSON line per request would drown the test output; observability.spec.ts runs its own server.
      BEACON_LOG_LEVEL: 'warn',
      // Specs stand in for many clients with X-Forwarded-For, as a proxy on loopback would report them.
      BEACON_TRUSTED_PROXIES: 'loopback',
    },
  },
});

import { randomBytes } from 'node:crypto';
import { test } from './fixtures/operators';
import { BASE_PORT, BeaconServer } from './support/beacon-server';
import { postgresFingerprint } from './support/db-fingerprint';
import { runHostileInput } from './support/hostile-run';
import { ADMIN_URL, adminQuery } from './support/pg-admin';

// The hostile corpus against a Beacon of its own on a fresh PostgreSQL database, where NUL bytes
// and malformed dates reach a stricter database than SQLite. The `hostile-pg` project points
// baseURL (and so the signed-in fixtures) at this server.
const HOSTILE_PG_PORT = BASE_PORT + 50;
const DB_NAME = `beacon_e2e_hostile_${BASE_PORT}_${randomBytes(3).toString('hex')}`;
const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${DB_NAME}`;
const server = new BeaconServer(HOSTILE_PG_PORT, {
  DATABASE_URL: dbUrl.toString(),
  BEACON_DEMO: '1',
  BEACON_WORKER: 'inline',
  BEACON_SCHEDULER_TICK_MS: '1000',
  // As in playwright.config.ts: the demo's unreachable third-party page does not turn "unknown" mid-run.
  BEACON_UPSTREAM_GRACE_SECONDS: '86400',
  BEACON_LOG_LEVEL: 'warn',
  BEACON_TRUSTED_PROXIES: 'loopback',
});


test.skip(process.env.BEACON_TEST_SKIP_POSTGRES === '1', 'PostgreSQL runs were explicitly skipped');
test.beforeAll(async () => {
  test.setTimeout(120_000);
  await adminQuery(`create database ${DB_NAME}`);
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
  await adminQuery(`drop database if exists ${DB_NAME} with (force)`);
});

test('hostile input on PostgreSQL: no 5xx, every write refused with a reason, no row changed', async ({ adminPage, responderPage, baseURL, request }) => {
  // A bound, not a target: over 21,000 requests take 6–14 minutes depending on what else runs.
  test.setTimeout(1_200_000);
  if (baseURL !== server.url) throw new Error(`the hostile-pg project must point baseURL at ${server.url}, not ${baseURL}`);
  await runHostileInput({ adminPage, responderPage, request, baseURL, fingerprint: postgresFingerprint(dbUrl.toString()), label: 'postgres' });
});

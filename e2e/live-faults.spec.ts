import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';
import { screenshot } from './screenshot';

// Its own server and database: this spec takes the database away.
const FILE = `data/e2e-faults-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 11, { DATABASE_URL: `file:./${FILE}`, BEACON_DEMO: '1' });

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  removeSqlite(FILE);
  await server.start();
});
test.afterAll(async () => {
  if (fs.existsSync(`${FILE}.away`)) fs.renameSync(`${FILE}.away`, FILE);
  await server.stop();
});

test('with the SQLite file gone, the page and the API answer from the snapshot, say so, and recover', async ({ page, request }) => {
  const health = async () => (await request.get(`${server.url}/api/health`)).status();
  // Healthy before the fault (the first probe after start can be slow on a loaded machine).
  await expect.poll(health, { timeout: 20_000 }).toBe(200);
  const summary = await (await request.get(`${server.url}/api/v2/summary.json`)).json();

  fs.renameSync(FILE, `${FILE}.away`);
  await expect.poll(health, { timeout: 15_000 }).toBe(503);

  const home = await request.get(`${server.url}/`);
  expect(home.status()).toBe(200);
  // The notice's element (its words are in every page's catalog).
  expect(await home.text()).toContain('data-snapshot-stale="true"');
  const api = await request.get(`${server.url}/api/v2/summary.json`);
  expect(api.status()).toBe(200);
  const stale = await api.json();
  expect(stale.page.id).toBe(summary.page.id);
  expect(stale.status).toEqual(summary.status);
  expect(stale.incidents.map((i: { id: string }) => i.id)).toEqual(summary.incidents.map((i: { id: string }) => i.id));

  await page.goto(server.url);
  await expect(page.locator('main [data-snapshot-stale]')).toHaveText(/^Status as of .+ UTC; live data temporarily unavailable\.$/);
  // Once: the page's own notice replaces the one the stale snapshot carried for readers without JavaScript.
  await expect(page.locator('[data-snapshot-stale]')).toHaveCount(1);
  await page.evaluate(() => ((window as unknown as { __beaconMark: number }).__beaconMark = 1));
  await expect(page.getByRole('region', { name: 'Overall status' })).toBeVisible();
  await screenshot(page, 'snapshot-stale');

  fs.renameSync(`${FILE}.away`, FILE);
  await expect.poll(health, { timeout: 15_000 }).toBe(200);
  // The open page notices by itself, without a reload.
  await expect(page.locator('[data-snapshot-stale]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __beaconMark?: number }).__beaconMark)).toBe(1);
  expect(await (await request.get(`${server.url}/`)).text()).not.toContain('data-snapshot-stale="true"');
});

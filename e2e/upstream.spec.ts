import http from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures/operators';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';
import { screenshot } from './screenshot';

// Its own server, allowed to read a loopback upstream (as webhooks are in tests).
const FILE = `data/e2e-upstream-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 61, {
  DATABASE_URL: `file:./${FILE}`,
  BEACON_DEMO: '1',
  BEACON_ALLOW_PRIVATE_WEBHOOKS: 'true',
  BEACON_SCHEDULER_TICK_MS: '500',
  BEACON_UPSTREAM_POLL_SECONDS: '1',
});

/** A Statuspage-compatible page on loopback whose one component's status the test sets. */
const upstream = { status: 'operational', hits: 0 };
const upstreamServer = http.createServer((_req, res) => {
  upstream.hits += 1;
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=0' });
  res.end(JSON.stringify({ page: { id: 'carrier', name: 'Carrier Networks', url: 'https://status.carrier.example' }, components: [{ id: 'smsc01', name: 'SMSC Frankfurt', status: upstream.status, group: false }] }));
});
let upstreamUrl = '';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
}

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: server.url });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  removeSqlite(FILE);
  await new Promise<void>((resolve) => upstreamServer.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstreamServer.address() as AddressInfo).port}`;
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
  await new Promise<void>((r) => upstreamServer.close(() => r()));
});

test('the console follows an upstream component; the public row says third-party and follows its status', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await page.goto('/admin/components');
  const row = page.locator('li[data-component]', { hasText: 'Data Streamer' }).first();
  await row.getByText('Edit Data Streamer').click();
  await row.getByRole('link', { name: 'Follows a third-party page…' }).click();
  await expect(page.getByRole('heading', { name: 'Follows a third-party page' })).toBeVisible();
  await page.getByLabel('Page address').fill(upstreamUrl);
  await page.getByRole('button', { name: 'Read its components' }).click();
  await page.getByLabel('Component of Carrier Networks').selectOption('smsc01');
  await page.getByRole('button', { name: 'Follow Carrier Networks' }).click();
  await expect(page.getByText('Now following SMSC Frankfurt on Carrier Networks.')).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-follow]')).toContainText('SMSC Frankfurt');
  expect(await seriousViolations(page)).toEqual([]);
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `upstream-admin-${width}-${scheme}`);
    }
  }

  upstream.status = 'major_outage';
  const publicRow = page.locator('li[data-component]', { hasText: 'Data Streamer' }).first();
  await expect(async () => {
    await page.goto('/');
    await expect(publicRow).toContainText('Major Outage', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(publicRow.locator('[data-third-party]')).toContainText('third-party');
  await expect(publicRow.getByRole('link', { name: 'Carrier Networks' })).toHaveAttribute('href', 'https://status.carrier.example/');
  expect(await seriousViolations(page)).toEqual([]);
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `upstream-home-${width}-${scheme}`);
    }
  }
  const v2 = (await (await fetch(`${server.url}/api/v2/components.json`)).json()) as { components: Record<string, unknown>[] };
  const streamer = v2.components.find((c) => c.name === 'Data Streamer')!;
  expect(streamer.status).toBe('major_outage');
  expect(Object.keys(streamer)).not.toContain('upstream');
});

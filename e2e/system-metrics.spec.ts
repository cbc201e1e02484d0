import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openDb } from '@/lib/db/connect';
import { createApiKey } from '@/lib/services/create-api-key';
import { viewClock } from '@/components/status/metric-time';
import { signIn } from './fixtures/operators';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';
import { screenshot } from './screenshot';

// Its own server and database: this spec defines a metric and pushes a day of points through the API.
const FILE = `data/e2e-system-metrics-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 27, { DATABASE_URL: `file:./${FILE}`, BEACON_DEMO: '1' });
let apiKey = '';
let pageId = '';
let timeZone = 'UTC';

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  removeSqlite(FILE);
  await server.start();
  const db = openDb(`file:./${FILE}`);
  try {
    const operator = await db.kysely.selectFrom('operators').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    apiKey = (await createApiKey({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'metrics e2e', operatorId: operator.id } })).key;
    timeZone = (await db.kysely.selectFrom('page_settings').select('time_zone').executeTakeFirstOrThrow()).time_zone;
  } finally {
    await db.kysely.destroy();
  }
  pageId = (await (await fetch(`${server.url}/api/v2/status.json`)).json()).page.id;
});
test.afterAll(async () => server.stop());

async function manage(method: string, path: string, body?: object) {
  const res = await fetch(`${server.url}/api/v1/pages/${pageId}${path}`, {
    method,
    headers: { authorization: `OAuth ${apiKey}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The chart's text alternative for one view: its data table's rows as [time, value]. */
async function tableRows(page: Page, metricName: string, view: 'day' | 'week' | 'month'): Promise<[string, string][]> {
  const card = page.locator('article', { has: page.getByRole('heading', { name: metricName }) });
  return card.locator(`[data-view="${view}"] table tbody tr`).evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('th')!.textContent!.trim(), r.querySelector('td')!.textContent!.trim()] as [string, string]),
  );
}

test('a day of points pushed through the API reads back from the chart’s text alternative on /', async ({ page }) => {
  test.setTimeout(90_000);
  const created = await manage('POST', '/metrics_providers/self/metrics', {
    metric: { name: 'E2E gateway latency', suffix: 'ms', decimal_places: 1, transform: 'average', y_axis_min: 0 },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;

  // A point a minute for the last day, five per 5-minute interval around its value, sent newest first.
  const now = Math.floor(Date.now() / 1000);
  const lastFull = Math.floor(now / 300) * 300 - 300;
  const expected = new Map<number, number>();
  const points: { timestamp: number; value: number }[] = [];
  for (let k = 0; k < 287; k++) {
    const start = lastFull - k * 300;
    const mean = 100 + 10 * (k % 7);
    expected.set(start, mean);
    for (let m = 0; m < 5; m++) points.push({ timestamp: start + m * 60, value: mean + (m - 2) });
  }
  const pushed = await manage('POST', '/metrics/data', { data: { [id]: points } });
  expect(pushed.status).toBe(202);
  // A bad point is refused, naming its field, and changes nothing.
  const bad = await manage('POST', `/metrics/${id}/data`, { data: { timestamp: now, value: 'slow' } });
  expect([bad.status, bad.body.fields]).toEqual([422, { 'data.value': 'must be a finite number' }]);

  // The snapshot of / is rebuilt after the change: wait for the table to show the new metric.
  await expect(async () => {
    await page.goto(`${server.url}/`);
    expect((await tableRows(page, 'E2E gateway latency', 'day')).length).toBeGreaterThan(280);
  }).toPass({ timeout: 30_000 });

  const rows = new Map(await tableRows(page, 'E2E gateway latency', 'day'));
  const clock = viewClock(lastFull - 86_400, lastFull + 300, timeZone);
  // The newest intervals cannot have left the view meanwhile; check the last 12 hours of them.
  for (let k = 0; k < 144; k++) {
    const start = lastFull - k * 300;
    expect(rows.get(clock.dateTime(start)), clock.dateTime(start)).toBe(`${expected.get(start)!.toFixed(1)} ms`);
  }
  // The week view has the same points as hourly averages.
  const week = await tableRows(page, 'E2E gateway latency', 'week');
  expect(week.length).toBeGreaterThanOrEqual(24);

  // Hover shows the value under the pointer (JavaScript on).
  const plot = page.locator('article', { has: page.getByRole('heading', { name: 'E2E gateway latency' }) }).locator('[data-view="day"] svg');
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  const tip = page.locator('[data-metric-tooltip]');
  // Until the page has hydrated the chart has no hover; move again until it answers.
  await expect(async () => {
    await page.mouse.move(box.x + box.width - 40, box.y + 5);
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await expect(tip).toContainText(`${expected.get(lastFull)!.toFixed(1)} ms`, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await screenshot(page, 'system-metrics-hover');
});

test('the Day / Week / Month switch works without JavaScript', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const section = page.locator('section.system-metrics');
  const latency = section.locator('article', { has: page.getByRole('heading', { name: 'REST API p95 latency' }) });
  await expect(latency.locator('[data-view="day"] svg')).toBeVisible();
  await expect(latency.locator('[data-view="week"] svg')).toBeHidden();
  await section.getByText('Week', { exact: true }).click();
  await expect(latency.locator('[data-view="week"] svg')).toBeVisible();
  await expect(latency.locator('[data-view="day"] svg')).toBeHidden();
  await section.getByText('Month', { exact: true }).click();
  await expect(latency.locator('[data-view="month"] svg')).toBeVisible();
  expect((await tableRows(page, 'REST API p95 latency', 'month')).length).toBeGreaterThan(100);
  await context.close();
});

test('the charts at desktop and phone width, light and dark, with no accessibility violations', async ({ browser }) => {
  test.setTimeout(240_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    const ctx = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const p = await ctx.newPage();
    await p.goto(`${server.url}/`);
    for (const width of [1280, 390]) {
      await p.setViewportSize({ width, height: 900 });
      const metrics = p.locator('section.system-metrics');
      await metrics.scrollIntoViewIfNeeded();
      await metrics.screenshot({ path: `test-results/screenshots/system-metrics-${width}-${colorScheme}.png` });
    }
    // Axe once per colour scheme (contrast differs), on the section alone: the rest of / has its own spec.
    const results = await new AxeBuilder({ page: p }).include('section.system-metrics').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
    await ctx.close();
  }
});

test('operators define and edit metrics in the console; a bad value is refused naming the field', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await signIn(page, 'admin');
  await page.goto('/admin/system-metrics');
  await expect(page.locator('summary', { hasText: 'REST API p95 latency' })).toBeVisible();
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'New metric' }) });
  const fill = async (min: string, max: string) => {
    // A submitted form is reset (React), so every field is filled each time.
    await form.getByLabel('Name').fill('SMS submit success rate');
    await form.getByLabel('Unit').fill('%');
    await form.getByLabel('Decimal places').fill('2');
    await form.getByLabel('Y-axis minimum').fill(min);
    await form.getByLabel('Y-axis maximum').fill(max);
    await form.getByRole('button', { name: 'Create metric' }).click();
  };
  await fill('100', '90');
  await expect(form.getByRole('alert')).toContainText('Y-axis maximum must be greater than the y-axis minimum');
  await fill('90', '100');
  // A success shows as the console's toast (page-level status), not inside the form.
  await expect(page.getByRole('status').filter({ hasText: 'Metric "SMS submit success rate" created' })).toBeVisible();
  const listed = await manage('GET', '/metrics');
  expect(listed.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'SMS submit success rate', suffix: '%', y_axis_min: 90, y_axis_max: 100, decimal_places: 2 })]));
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/admin/system-metrics');
      await screenshot(page, `admin-system-metrics-${width}-${colorScheme}`);
    }
  }
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await context.close();
});

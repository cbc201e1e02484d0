import http from 'node:http';
import { expect, test } from '@playwright/test';
import { openDb } from '@/lib/db/connect';
import { createComponent } from '@/lib/services/create-component';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';

// A server of its own with metrics turned on: its JSON request log and /api/metrics must
// reflect the requests it served, including the ones answered from snapshots.
const TOKEN = 'observability-token-0123456789';
const DB_FILE = `data/e2e-observability-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 30, { DATABASE_URL: `file:./${DB_FILE}`, BEACON_METRICS_TOKEN: TOKEN });

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  removeSqlite(DB_FILE);
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
  removeSqlite(DB_FILE);
});

interface LogLine {
  reqId?: string;
  method?: string;
  route?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  msg?: string;
}

const logLines = (): LogLine[] =>
  server.log
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);

const metricsText = async () => {
  const res = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

const sample = (text: string, name: string, labels: string) =>
  Number(new RegExp(`^${name}\\{${labels.replace(/[{}]/g, '\\$&')}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);

test('every request is one JSON log line with its id, route, status and duration', async () => {
  const page = await fetch(`${server.url}/`, { headers: { 'x-request-id': 'obs-trace-1' } });
  expect(page.status).toBe(200);
  expect(page.headers.get('x-request-id')).toBe('obs-trace-1');
  const missing = await fetch(`${server.url}/incidents/nosuchincid1`);
  expect(missing.status).toBe(404);
  const missingId = missing.headers.get('x-request-id');
  expect(missingId).toMatch(/^[0-9a-f-]{36}$/);

  await expect.poll(() => logLines().some((l) => l.reqId === missingId)).toBe(true);
  expect(logLines().find((l) => l.reqId === 'obs-trace-1')).toMatchObject({ method: 'GET', route: '/', path: '/', status: 200, msg: 'request' });
  const notFound = logLines().find((l) => l.reqId === missingId)!;
  expect(notFound).toMatchObject({ route: '/incidents/:id', status: 404 });
  expect(notFound.durationMs).toBeGreaterThan(0);
});

test('/api/metrics needs the token and counts requests by route and status', async () => {
  expect((await fetch(`${server.url}/api/metrics`)).status).toBe(401);
  expect((await fetch(`${server.url}/api/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);

  const label = 'method="GET",route="/api/v2/summary.json",status="200"';
  const before = sample(await metricsText(), 'beacon_http_requests_total', label);
  for (let i = 0; i < 5; i++) expect((await fetch(`${server.url}/api/v2/summary.json`)).status).toBe(200);
  const text = await metricsText();
  expect(sample(text, 'beacon_http_requests_total', label)).toBe(before + 5);
  expect(sample(text, 'beacon_http_request_duration_seconds_count', 'method="GET",route="/api/v2/summary.json"')).toBeGreaterThanOrEqual(5);
  expect(text).toMatch(/^beacon_process_resident_memory_bytes \d+$/m);
  expect(text).toMatch(/^beacon_outbox_backlog \d+$/m);
  expect(text).toMatch(/^beacon_outbox_oldest_pending_seconds [\d.]+$/m);
});

test('/api/metrics reports the browsers connected to the live stream', async () => {
  const liveClients = async () => Number(/^beacon_live_clients (\d+)$/m.exec(await metricsText())?.[1]);
  const start = await liveClients();
  expect(start).toBeGreaterThanOrEqual(0);
  const req = http.get(`${server.url}/api/live`);
  try {
    await new Promise<void>((resolve, reject) => req.once('response', () => resolve()).once('error', reject));
    await expect.poll(liveClients).toBe(start + 1);
  } finally {
    req.destroy();
  }
  await expect.poll(liveClients).toBe(start);
});

test('open pages revalidating after a change read their document from the snapshot, with no RSC request', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext();
  const pages = await Promise.all(Array.from({ length: 4 }, () => context.newPage()));
  const rsc: string[] = [];
  for (const page of pages) {
    page.on('request', (r) => {
      if (r.headers()['rsc'] !== undefined) rsc.push(r.url());
    });
    await page.goto(`${server.url}/`);
    await expect(page.locator('[data-live-state]')).toHaveAttribute('data-live-state', 'live');
  }
  const docReads = () => logLines().filter((l) => l.path === '/api/page/overview.json');
  const before = docReads().length;

  const name = `Shared document probe ${Date.now()}`;
  const db = openDb(`file:./${DB_FILE}`);
  try {
    await createComponent({ ctx: { db: db.kysely, now: () => new Date() }, input: { name } });
  } finally {
    await db.kysely.destroy();
  }
  for (const page of pages) await expect(page.getByText(name)).toBeVisible({ timeout: 15_000 });

  await expect.poll(() => docReads().length - before).toBeGreaterThanOrEqual(4);
  const reads = docReads().slice(before);
  console.log(`[live] 4 open pages after one change: ${reads.length} document reads, statuses ${[...new Set(reads.map((l) => l.status))].join(',')}`);
  // One change, one (coalesced) read per page; every one a snapshot answer.
  expect(reads.length).toBeLessThanOrEqual(8);
  expect(reads.every((l) => l.status === 200 || l.status === 304)).toBe(true);
  expect(rsc).toEqual([]);
  await context.close();
});

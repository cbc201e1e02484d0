import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { openDb } from '@/lib/db/connect';
import { createApiKey } from '@/lib/services/create-api-key';
import { BASE_PORT, BeaconServer } from './support/beacon-server';
import { ADMIN_URL, adminQuery } from './support/pg-admin';

// Two instances of Beacon on one PostgreSQL database: a change made through instance A must reach
// a live-stream client of instance B and B's snapshot (LISTEN/NOTIFY).
const DB_NAME = `beacon_e2e_cluster_${BASE_PORT}_${randomBytes(3).toString('hex')}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${DB_NAME}`;
const DATABASE_URL = url.toString();
const a = new BeaconServer(BASE_PORT + 12, { DATABASE_URL, BEACON_DEMO: '1' });
const b = new BeaconServer(BASE_PORT + 13, { DATABASE_URL });


test.describe.configure({ mode: 'serial' });
test.skip(process.env.BEACON_TEST_SKIP_POSTGRES === '1', 'PostgreSQL runs were explicitly skipped');
test.beforeAll(async () => {
  test.setTimeout(120_000);
  await adminQuery(`create database ${DB_NAME}`);
  await a.start(); // loads the demo first, so that B finds a populated database
  await b.start();
});
test.afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
  await adminQuery(`drop database if exists ${DB_NAME} with (force)`);
});

test('an incident opened through instance A reaches an SSE client of instance B, and B\'s snapshot', async () => {
  // An SSE client of B.
  const controller = new AbortController();
  const stream = await fetch(`${b.url}/api/live`, { signal: controller.signal });
  expect(stream.headers.get('content-type')).toContain('text/event-stream');
  let received = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    const reader = stream.body!.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  await expect.poll(() => received).toContain('event: ready');

  // A management API key, then the incident posted to A over HTTP as monitoring would.
  const db = openDb(DATABASE_URL);
  const operator = await db.kysely.selectFrom('operators').select('id').executeTakeFirstOrThrow();
  const { key } = await createApiKey({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'cluster test', operatorId: operator.id } });
  await db.kysely.destroy();
  const { page, components } = await (await fetch(`${a.url}/api/v2/components.json`)).json();
  const component = components.find((c: { group: boolean }) => !c.group);
  const name = `Cross-instance outage ${Date.now()}`;
  const created = await fetch(`${a.url}/api/v1/pages/${page.id}/incidents`, {
    method: 'POST',
    headers: { authorization: `OAuth ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ incident: { name, components: { [component.id]: 'major_outage' } } }),
  });
  expect(created.status).toBe(201);
  const { id } = await created.json();

  await expect.poll(() => received, { timeout: 10_000 }).toContain(`"incidentId":"${id}"`);
  expect(received).toMatch(new RegExp(`event: change\\ndata: \\{"type":"incident.created","incidentId":"${id}"`));
  await expect
    .poll(async () => (await (await fetch(`${b.url}/api/v2/incidents/unresolved.json`)).json()).incidents.map((i: { id: string }) => i.id), {
      timeout: 10_000,
    })
    .toContain(id);
  controller.abort();
  await reading;
});

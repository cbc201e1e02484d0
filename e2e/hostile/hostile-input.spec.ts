import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signIn } from '../fixtures/operators';
import { BROKEN_JSON, HOSTILE_STRINGS, hostileBody, sample } from './payloads';

/**
 * Sends malformed, oversized, wrongly typed and injection-laden requests to every route handler
 * (found in the app tree), the public pages that take parameters, and every admin server action
 * (found in the build manifest). Nothing may answer 5xx and nothing may change in the database.
 * Runs after the other end-to-end tests (its own project), so the row counts are its own.
 */
const APP = path.join(process.cwd(), 'app');
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_FILE = `data/e2e-${PORT}.db`;
const DIST = process.env.NEXT_DIST_DIR || '.next';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const UNCOUNTED = new Set(['sessions', 'login_attempts', 'kysely_migration', 'kysely_migration_lock']);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Route handlers with their URL template and exported methods. */
function handlers() {
  return walk(APP)
    .filter((f) => /route\.tsx?$/.test(f) && !f.includes(`${path.sep}_`))
    .map((file) => {
      const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
      const source = fs.readFileSync(file, 'utf8');
      const methods = [...source.matchAll(/export\s+(?:async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
      const fields = [...new Set([...source.matchAll(/\b([a-z_]{3,30})\s*:\s*z\./g)].map((m) => m[1]!))];
      // A server-sent event stream never ends, so it is probed with everything but a plain GET.
      const streaming = source.includes('text/event-stream') || segments.join('/') === 'api/live';
      return { file: path.relative(process.cwd(), file), segments, methods, fields, streaming };
    });
}

/** Row counts of every table: the "nothing changed" fingerprint. */
function rowCounts(): Record<string, number> {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
    return Object.fromEntries(
      tables.filter((t) => !UNCOUNTED.has(t.name)).map((t) => [t.name, (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}

test('hostile input never causes a 5xx or a change', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'admin');
  // An API key for the management API, made through the console as an admin would.
  await page.goto('/admin/api-keys');
  await page.getByLabel('Name').fill('Hostile input test');
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByRole('status').filter({ hasText: 'Copy this key' }).innerText()).match(/bk_[A-Za-z0-9_-]+/)![0];
  const pageId = (await (await page.request.get('/api/v2/status.json')).json()).page.id as string;

  const before = rowCounts();
  const anonymous = await (await browser.newContext()).request;
  const stats = { sent: 0, byStatus: {} as Record<string, number>, fiveHundreds: [] as string[] };
  const record = (label: string, status: number) => {
    stats.sent++;
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    if (status >= 500) stats.fiveHundreds.push(`${status} ${label}`);
  };

  const send = async (request: APIRequestContext, method: string, url: string, init: { data?: string | Buffer; headers?: Record<string, string> } = {}) => {
    const response = await request.fetch(url, {
      method,
      maxRedirects: 0,
      failOnStatusCode: false,
      timeout: 30_000,
      ...(init.data !== undefined && { data: init.data }),
      headers: { Origin: baseURL!, ...(init.data !== undefined && { 'Content-Type': 'application/json' }), ...init.headers },
    });
    record(`${method} ${url.slice(0, 120)}`, response.status());
    return response;
  };

  for (const [index, route] of handlers().entries()) {
    const admin = route.segments[0] === 'admin';
    const v1 = route.segments[0] === 'api' && route.segments[1] === 'v1';
    const request = admin ? page.request : anonymous;
    const auth: Record<string, string> = v1 ? { Authorization: `OAuth ${key}` } : {};
    const urls = [
      route.segments.map((s) => (s === '[pageId]' ? pageId : s.startsWith('[[...') ? 'incidents' : s.startsWith('[') ? 'abcdefghijkl' : s)),
      ...HOSTILE_STRINGS.slice(0, 12).map((h) =>
        route.segments.map((s) => (s === '[pageId]' ? pageId : s.startsWith('[') ? encodeURIComponent(h) : s)),
      ),
    ].map((segments) => `/${segments.join('/')}`);

    for (const url of urls) {
      for (const method of METHODS) {
        if (method === 'GET' && route.streaming) continue;
        await send(request, method, url, { headers: auth });
      }
      if (route.streaming) continue;
      await send(request, 'GET', `${url}?${HOSTILE_STRINGS.slice(0, 8).map((h, i) => `q${i}=${encodeURIComponent(h)}`).join('&')}&page=-1&component=%27`, { headers: auth });
    }
    const writes = route.methods.filter((m) => m !== 'GET');
    const target = urls[0]!;
    for (const method of writes) {
      for (const body of BROKEN_JSON) {
        const response = await send(request, method, target, { data: body, headers: auth });
        expect(response.status(), `${method} ${target} with broken JSON ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      }
      for (const body of sample(hostileBody(route.fields), 40, 1_000 + index)) {
        const response = await send(request, method, target, { data: JSON.stringify(body), headers: auth });
        expect(response.status(), `${method} ${target} with ${JSON.stringify(body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        if (response.headers()['content-type']?.includes('json')) {
          const text = await response.text();
          expect(text, `${method} ${target} explains the refusal`).toMatch(/"(message|error)"/);
        }
      }
      const big = await send(request, method, target, { data: TEN_MB, headers: auth });
      expect(big.status(), `${method} ${target} with a 10 MB body`).toBe(413);
    }
  }

  // Public pages that take parameters from the URL.
  for (const h of HOSTILE_STRINGS) {
    const v = encodeURIComponent(h);
    for (const url of [`/incidents/${v}`, `/history?page=${v}&component=${v}`, `/subscriptions/manage/${v}`, `/subscriptions/confirm/${v}`, `/subscriptions/unsubscribe/${v}`, `/badge.svg?component=${v}`]) {
      await send(anonymous, 'GET', url);
    }
  }

  // Every admin server action, signed in, with argument lists no form would send.
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  const actions = Object.entries(manifest.node).filter(([, a]) => a.filename.startsWith('app/admin/') && a.exportedName !== 'signOutAction');
  for (const [id, action] of actions) {
    const worker = Object.keys(action.workers)[0]!.replace(/^app\//, '').replace(/\/page$/, '');
    const host = `/${worker.split('/').filter((s) => !/^\(.*\)$/.test(s)).map((s) => (s.startsWith('[') ? 'abcdefghijkl' : s)).join('/')}`;
    for (const body of ['[]', '[{}]', '[{},"x"]', '[{},{"name":"\'; DROP TABLE components; --"}]', '{', '[{},null,null,null]', `[{},${JSON.stringify('A'.repeat(70_000))}]`]) {
      await send(page.request, 'POST', host, { data: body, headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' } });
    }
  }

  const after = rowCounts();
  const changed = Object.keys(after).filter((t) => after[t] !== before[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
  console.log(
    `[hostile] requests sent: ${stats.sent}; 5xx: ${stats.fiveHundreds.length}; rows changed: ${changed.length ? changed.join(', ') : 0}; statuses: ${JSON.stringify(stats.byStatus)}`,
  );
  expect(stats.fiveHundreds).toEqual([]);
  expect(changed).toEqual([]);
  await context.close();
});

import { expect, test, type Page } from '@playwright/test';
import { openDb } from '../lib/db/connect';
import { addIncidentUpdate } from '../lib/services/add-incident-update';

// The e2e server's database (see playwright.config.ts).
const DB_FILE = `data/e2e-${process.env.E2E_PORT ?? 3100}.db`;

/** Collects CSP violations and console errors from the moment the page opens. */
async function watchPolicy(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const seen = { violations: [] as string[], errors: [] as string[] };
  await page.exposeFunction('__reportViolation', (v: string) => seen.violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  return seen;
}

async function unresolvedIncidentId(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const body = (await (await request.get('/api/v2/incidents/unresolved.json')).json()) as { incidents: { id: string }[] };
  return body.incidents[0]!.id;
}

test.describe('public pages from the snapshot', () => {
  test('an incident page, a history page and /subscribe come from memory with a hash-based policy and run clean under it', async ({ page, request }) => {
    const id = await unresolvedIncidentId(request);
    for (const path of [`/incidents/${id}`, '/history?page=3', '/subscribe', '/api']) {
      // Other specs write meanwhile (a new overall status changes every page's icon): a change
      // between two requests gives the page a new ETag, so the pair is tried again until the page
      // held still between them. The first request after a change may render; the next one is from memory.
      await expect(async () => {
        await request.get(path);
        const response = await request.get(path);
        expect(response.status(), path).toBe(200);
        expect(response.headers()['x-beacon-snapshot'], path).toBe('hit');
        expect(response.headers()['etag'], path).toMatch(/^"/);
        const policy = response.headers()['content-security-policy'] ?? '';
        expect(policy, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
        expect(policy, path).not.toContain('nonce-');
        expect(await response.text(), path).not.toMatch(/nonce="/);
        const again = await request.get(path, { headers: { 'if-none-match': response.headers()['etag']! } });
        expect(again.status(), path).toBe(304);
      }).toPass({ timeout: 15_000 });
    }
    const seen = await watchPolicy(page);
    for (const path of [`/incidents/${id}`, '/history?page=3', '/subscribe']) {
      await page.goto(path);
      await expect(page.locator('[data-live-state]')).toHaveAttribute('data-live-state', 'live');
    }
    expect(seen.violations).toEqual([]);
    expect(seen.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  test('unknown incidents, history pages past the end and unknown filters are 404s from memory', async ({ request }) => {
    for (const path of ['/incidents/nosuchincident', '/history?page=999', '/history?component=nosuchcomponent']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['x-beacon-snapshot'], path).toBe('hit');
      expect(await response.text(), path).toContain('Page not found');
    }
    for (const path of ['/api/v2/incidents/unknown.json', '/api/v2/anything.json', '/badge.svg?component=unknown']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['x-beacon-snapshot'], path).toBe('hit');
      expect(await response.json(), path).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    }
  });

  test('a path no route takes is the 404 page from memory, for GET and HEAD, never rendered', async ({ request }) => {
    for (const path of ['/nope', '/foo/bar', '/wp-login.php', '/nope?x=1', '/.env']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['x-beacon-snapshot'], path).toBe('hit');
      expect(response.headers()['content-security-policy'], path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
      expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
      expect(await response.text(), path).toContain('Page not found');
      const head = await request.head(path);
      expect(head.status(), path).toBe(404);
      expect(head.headers()['x-beacon-snapshot'], path).toBe('hit');
    }
    // Every path gets the same bytes: one page in memory, not one render per path (polled, in
    // case a rebuild lands between the requests).
    const distinctBodies = async () => new Set(await Promise.all(['/nope', '/foo/bar', '/a/b/c'].map(async (p) => (await request.get(p)).headers()['etag']))).size;
    await expect.poll(distinctBodies).toBe(1);
  });

  test('paths Next has a route or file for still reach it', async ({ request }) => {
    const byNext = {
      '/admin/login': 200,
      '/api/health': 200,
      '/favicon-none.svg': 200,
      '/history/': 308,
      '/subscriptions/manage/no-such-token': 404,
    } as const;
    for (const [path, status] of Object.entries(byNext)) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(status);
      expect(response.headers()['x-beacon-snapshot'], path).toBeUndefined();
    }
    // A client navigation (RSC request) to an unknown path is Next's to answer.
    const rsc = await request.get('/nope', { headers: { rsc: '1' } });
    expect(rsc.headers()['x-beacon-snapshot']).toBeUndefined();
  });

  test('the subscribe form served from the snapshot still submits', async ({ page, request }) => {
    await request.get('/subscribe');
    expect((await request.get('/subscribe')).headers()['x-beacon-snapshot']).toBe('hit');
    const seen = await watchPolicy(page);
    const response = await page.goto('/subscribe');
    expect(response!.headers()['x-beacon-snapshot']).toBe('hit');
    await page.getByLabel('Email address').fill(`snap-${Date.now()}@example.com`);
    await page.getByRole('button', { name: 'Subscribe by email' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('confirmation link is on its way');
    expect(seen.violations).toEqual([]);
  });

  test('an update shows on the open snapshot-served incident page, and on the page served next', async ({ page, request }) => {
    const id = await unresolvedIncidentId(request);
    await request.get(`/incidents/${id}`);
    const response = await page.goto(`/incidents/${id}`);
    expect(response!.headers()['x-beacon-snapshot']).toBe('hit');
    await expect(page.locator('[data-live-state]')).toHaveAttribute('data-live-state', 'live');
    const body = `Snapshot page update ${Date.now()}`;
    const db = openDb(`file:./${DB_FILE}`);
    try {
      await addIncidentUpdate({ ctx: { db: db.kysely, now: () => new Date() }, input: { incidentId: id, status: 'identified', body } });
    } finally {
      await db.kysely.destroy();
    }
    await expect(page.getByText(body)).toBeVisible({ timeout: 15_000 });
    const next = await request.get(`/incidents/${id}`);
    expect(next.headers()['x-beacon-snapshot']).toBe('hit');
    expect(await next.text()).toContain(body);
  });

  test('an outside request with a bogus render header gets the full per-request policy', async ({ request }) => {
    // Pages Next renders per request (a path no route takes is the snapshot's 404, a shared page).
    for (const path of ['/subscriptions/manage/bogus-token', '/admin/login']) {
      const response = await request.get(path, { headers: { 'x-beacon-render': 'bogus' } });
      const policy = response.headers()['content-security-policy'] ?? '';
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(policy, path).toContain("frame-ancestors 'none'");
    }
  });
});

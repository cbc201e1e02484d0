import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, test } from '@playwright/test';
import ICAL from 'ical.js';
import { V2_PATHS } from '@/lib/domain/statuspage/documents';
import { V2_SCHEMAS } from '@/lib/domain/statuspage/testing/v2-schema';
import { screenshot } from './screenshot';

test.describe('Statuspage v2 API', () => {
  for (const path of V2_PATHS) {
    test(`/api/v2/${path}: strict shape, CORS, cache headers, ETag and 304`, async ({ request }) => {
      const res = await request.get(`/api/v2/${path}`);
      expect(res.status()).toBe(200);
      const headers = res.headers();
      expect(headers['content-type']).toContain('application/json');
      expect(headers['access-control-allow-origin']).toBe('*');
      for (const directive of ['max-age=', 's-maxage=', 'stale-while-revalidate=', 'stale-if-error=']) {
        expect(headers['cache-control']).toContain(directive);
      }
      const etag = headers['etag']!;
      expect(etag).toMatch(/^"[^"]+"$/); // strong, not W/
      const parsed = V2_SCHEMAS[path].safeParse(await res.json());
      expect(parsed.error?.issues.slice(0, 3) ?? []).toEqual([]);

      // Other tests change the page meanwhile, so the ETag may move between two requests:
      // revalidate with the current one until a pair lands within one snapshot.
      let current = etag;
      await expect(async () => {
        const again = await request.get(`/api/v2/${path}?cache-buster=${Date.now()}`, { headers: { 'if-none-match': current } });
        if (again.status() === 200) current = again.headers()['etag']!;
        expect(again.status()).toBe(304);
        expect(again.headers()['access-control-allow-origin']).toBe('*');
      }).toPass({ timeout: 10_000 });
    });
  }

  test('answers a CORS preflight', async ({ request }) => {
    const res = await request.fetch('/api/v2/summary.json', {
      method: 'OPTIONS',
      headers: { origin: 'https://widget.example', 'access-control-request-method': 'GET' },
    });
    expect(res.status()).toBe(204);
    expect(res.headers()['access-control-allow-origin']).toBe('*');
  });

  test('serves precompressed bytes that decode to the same document', async ({ request, baseURL }) => {
    const plain = await (await request.get('/api/v2/summary.json', { headers: { 'accept-encoding': 'identity' } })).text();
    const res = await fetch(`${baseURL}/api/v2/summary.json`, { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(await res.text()).toBe(plain);
  });

  test('an unknown endpoint is a JSON 404', async ({ request }) => {
    const res = await request.get('/api/v2/nope.json');
    expect(res.status()).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  test('the /api page documents every endpoint', async ({ page }) => {
    await page.goto('/api');
    await expect(page.getByRole('heading', { name: 'Status API', level: 1 })).toBeVisible();
    for (const path of V2_PATHS) await expect(page.getByRole('link', { name: new RegExp(`/api/v2/${path.replace('.', '\\.')}$`) })).toBeVisible();
    await screenshot(page, 'api');
  });
});

test.describe('feeds and badges', () => {
  test('the page head and footer link the feeds and the calendar', async ({ page, baseURL }) => {
    await page.goto('/');
    for (const [type, path] of [
      ['application/rss+xml', '/history.rss'],
      ['application/atom+xml', '/history.atom'],
      ['text/calendar', '/maintenance.ics'],
    ]) {
      await expect(page.locator(`head link[rel="alternate"][type="${type}"]`)).toHaveAttribute('href', `${baseURL}${path}`);
    }
    const footer = page.getByRole('navigation', { name: 'Footer' });
    for (const name of ['RSS', 'Atom', 'Calendar', 'API']) await expect(footer.getByRole('link', { name })).toBeVisible();
  });

  test('RSS and Atom parse, with absolute links to incident pages that exist', async ({ request, baseURL }) => {
    for (const path of ['/history.rss', '/history.atom']) {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      const feed = parseFeed(await res.text());
      expect(feed.items.length).toBeGreaterThan(10);
      for (const item of feed.items) expect(item.url).toMatch(new RegExp(`^${baseURL}/incidents/[a-z0-9]{12}$`));
      const first = await request.get(feed.items[0]!.url!);
      expect(first.status()).toBe(200);
    }
  });

  test('the maintenance calendar parses with the upcoming window', async ({ request }) => {
    const res = await request.get('/maintenance.ics');
    expect(res.headers()['content-type']).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(await res.text()) as unknown[]).getAllSubcomponents('vevent');
    const { scheduled_maintenances: upcoming } = await (await request.get('/api/v2/scheduled-maintenances/upcoming.json')).json();
    expect(upcoming.length).toBeGreaterThan(0);
    const event = events.map((v) => new ICAL.Event(v)).find((e) => e.uid.startsWith(`${upcoming[0].id}@`))!;
    // iCalendar times have whole seconds.
    expect(event.startDate.toJSDate().getTime()).toBe(Math.floor(Date.parse(upcoming[0].scheduled_for) / 1000) * 1000);
  });

  test('badges for the page and for one component', async ({ request }) => {
    const page = await request.get('/badge.svg');
    expect(page.headers()['content-type']).toContain('image/svg+xml');
    const { status, components } = await (await request.get('/api/v2/summary.json')).json();
    expect(await page.text()).toContain(status.description);
    const component = components.find((c: { group: boolean }) => !c.group);
    const one = await (await request.get(`/badge.svg?component=${component.id}`)).text();
    expect(one).toContain(component.name.replace(/&/g, '&amp;'));
    expect((await request.get('/badge.svg?component=doesnotexist')).status()).toBe(404);
  });
});

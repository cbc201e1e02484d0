import { expect, test, type Page } from '@playwright/test';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';
import { screenshot } from './screenshot';

// Its own server: BEACON_PSEUDO_LOCALE=1 swaps English for the stretched pseudo-locale everywhere.
const FILE = `data/e2e-pseudo-locale-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 80, { DATABASE_URL: `file:./${FILE}`, BEACON_DEMO: '1', BEACON_PSEUDO_LOCALE: '1' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  removeSqlite(FILE);
  await server.start();
});
test.afterAll(async () => server.stop());

/** Visible elements that stick out past the viewport's right edge and are not inside a scroller. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        if (/(auto|scroll)/.test(getComputedStyle(e).overflowX)) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (box.right > width + 1 && !scrolls(el.parentElement)) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 60)}`);
    }
    return { page: document.documentElement.scrollWidth - width, elements: out.slice(0, 5) };
  });

test('every public page fits a phone with every string 40 % longer', async ({ browser }) => {
  test.setTimeout(240_000);
  const summary = (await (await fetch(`${server.url}/api/v2/summary.json`)).json()) as {
    components: { id: string; group: boolean }[];
    incidents: { id: string }[];
    scheduled_maintenances: { id: string }[];
  };
  const component = summary.components.find((c) => !c.group)!;
  const paths = [
    '/',
    `/incidents/${summary.incidents[0]!.id}`,
    `/incidents/${summary.scheduled_maintenances[0]!.id}`,
    '/history',
    `/components/${component.id}`,
    '/uptime',
    '/subscribe',
    '/api',
    '/no-such-page',
    '/access/sign-in',
  ];
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of paths) {
      await page.goto(path);
      // The page really is in the pseudo-locale: its interface text comes stretched from the catalogs.
      const stretched = await page.evaluate(() => (document.body.innerText.match(/⟦/g) ?? []).length);
      expect(stretched, `${path}: pseudo-localized strings`).toBeGreaterThan(3);
      expect(await overflowing(page), `${path} (${scheme})`).toEqual({ page: 0, elements: [] });
      const name = path === '/' ? 'home' : path.slice(1).replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
      await screenshot(page, `pseudo-${name}-phone-${scheme}`);
    }
  }
  await context.close();
});

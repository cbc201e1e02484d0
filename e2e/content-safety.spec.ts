import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { openDb } from '@/lib/db/connect';
import { createIncident } from '@/lib/services/create-incident';
import { signIn } from './fixtures/operators';
import { screenshot } from './screenshot';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';

// Its own server and database: this spec renames the page and opens incidents, which the other
// specs' expectations about the demo page must not see.
const FILE = `data/e2e-safety-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 16, { DATABASE_URL: `file:./${FILE}`, BEACON_DEMO: '1' });

/** What an attacker with a console account or an API key would try; each sets window.__pwned or opens a dialog. */
const PAYLOAD = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=1;alert(1)">',
  svg: '"><svg onload=window.__pwned=1>',
  mdLink: '[click me](javascript:window.__pwned=1)',
  htmlLink: '<a href="javascript:window.__pwned=1">js link</a>',
  iframe: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
} as const;
const tag = Date.now().toString(36);
const NAMES = {
  page: `Acme IoT ${PAYLOAD.img}`,
  component: `Probe ${tag} ${PAYLOAD.svg}`,
  apiComponent: `API probe ${tag} ${PAYLOAD.script}`,
  incident: `Console ${tag} ${PAYLOAD.script} ${PAYLOAD.img}`,
  apiIncident: `API ${tag} ${PAYLOAD.svg} ${PAYLOAD.script}`,
  // A bare CR and a CRLF: neither may start a line of its own in the calendar.
  maintenance: `Maint ${tag} ${PAYLOAD.img}\rX-PWNED:1\r\nX-PWNED:2; a, b \\ c`,
};
const BODY = {
  console: `**Bold** text. ${PAYLOAD.script}\n\n${PAYLOAD.img}\n\n${PAYLOAD.mdLink}\n\n${PAYLOAD.htmlLink}\n\n${PAYLOAD.iframe}`,
  api: `${PAYLOAD.svg}\n\n${PAYLOAD.mdLink} ${PAYLOAD.script}`,
  apiUpdate: `Update ${tag}: ${PAYLOAD.img} ${PAYLOAD.htmlLink}`,
};

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  removeSqlite(FILE);
  await server.start();
});
test.afterAll(async () => server.stop());

/** Collects everything a page must not do: run the payload, open a dialog, break the policy. */
async function guarded(context: BrowserContext): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, dialogs, errors };
}

/** Asserts the page ran no payload and broke no policy, and shows no javascript: link. */
async function assertClean(g: { page: Page; dialogs: string[]; errors: string[] }, where: string) {
  const { page } = g;
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), where).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), where).toEqual([]);
  expect(g.dialogs, where).toEqual([]);
  expect(g.errors.filter((e) => /Content Security Policy|Refused to/i.test(e)), where).toEqual([]);
  expect(await page.locator('a[href^="javascript:" i], [onerror], [onload], iframe, main img[src="x"]').count(), where).toBe(0);
}

async function newContext(browser: Browser) {
  return browser.newContext({ baseURL: server.url });
}

test('hostile text from the console and the API is shown as text everywhere and runs nowhere', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const adminContext = await newContext(browser);
  const admin = await guarded(adminContext);
  await signIn(admin.page, 'admin');

  // Through the console: page name, a component, an incident.
  await admin.page.goto('/admin/settings');
  await admin.page.getByLabel('Page name').fill(NAMES.page);
  await admin.page.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.page.getByRole('status')).toHaveText('Settings saved.');

  await admin.page.goto('/admin/components');
  await admin.page.locator('#new-component-name').fill(NAMES.component);
  await admin.page.locator('#new-component-description').fill(PAYLOAD.script);
  await admin.page.getByRole('button', { name: 'Add component' }).click();
  await expect(admin.page.getByRole('status').first()).toBeVisible();
  const components = async () =>
    (await (await request.get(`${server.url}/api/v2/components.json`)).json()) as { page: { id: string }; components: { id: string; name: string }[] };
  let componentId = '';
  await expect(async () => {
    componentId = (await components()).components.find((c) => c.name === NAMES.component)?.id ?? '';
    expect(componentId).not.toBe('');
  }).toPass({ timeout: 10_000 });

  await admin.page.goto('/admin/incidents/new');
  await admin.page.getByLabel('Title').fill(NAMES.incident);
  await admin.page.locator(`#component-${componentId}`).selectOption('major_outage');
  await admin.page.getByLabel('Message (markdown)').fill(BODY.console);
  await expect(admin.page.getByTestId('body-preview').locator('strong')).toHaveText('Bold');
  await assertClean(admin, 'composer preview');
  await admin.page.getByRole('button', { name: 'Open incident' }).click();
  await expect(admin.page).toHaveURL(/\/admin\/incidents\/[a-z0-9]{12}$/);
  const consoleId = admin.page.url().split('/').pop()!;

  // Through the management API: a key made in the console, then a component, an incident, an
  // update and a maintenance window.
  await admin.page.goto('/admin/api-keys');
  await admin.page.getByLabel('Name').fill(`content safety ${PAYLOAD.svg}`);
  await admin.page.getByRole('button', { name: 'Create key' }).click();
  const message = await admin.page.getByRole('status').filter({ hasText: 'Copy this key' }).textContent();
  const key = /: (\S+)$/.exec(message!.trim())![1]!;
  const { page: sp } = await components();
  const api = (method: 'post' | 'patch', path: string, data: unknown) =>
    request.fetch(`${server.url}/api/v1/pages/${sp.id}${path}`, { method, headers: { authorization: `OAuth ${key}` }, data });

  const apiComponent = await api('post', '/components', { component: { name: NAMES.apiComponent, description: PAYLOAD.img } });
  expect(apiComponent.status()).toBe(201);
  const apiComponentId = ((await apiComponent.json()) as { id: string }).id;
  const created = await api('post', '/incidents', {
    incident: { name: NAMES.apiIncident, body: BODY.api, components: { [apiComponentId]: 'partial_outage' } },
  });
  expect(created.status()).toBe(201);
  const apiId = ((await created.json()) as { id: string }).id;
  const updated = await api('patch', `/incidents/${apiId}`, { incident: { status: 'identified', body: BODY.apiUpdate } });
  expect(updated.status()).toBe(200);
  const start = Date.now() + 86_400_000;
  const maintenance = await api('post', '/incidents', {
    incident: {
      name: NAMES.maintenance,
      status: 'scheduled',
      scheduled_for: new Date(start).toISOString(),
      scheduled_until: new Date(start + 3_600_000).toISOString(),
      body: `${PAYLOAD.script}\rX-PWNED:3`,
    },
  });
  expect(maintenance.status()).toBe(201);

  // The public page, once the debounced snapshot has caught up: served from the snapshot.
  const visitorContext = await newContext(browser);
  const visitor = await guarded(visitorContext);
  let home = await visitor.page.goto('/');
  await expect(async () => {
    home = await visitor.page.goto('/');
    await expect(visitor.page.locator(`article[data-incident="${apiId}"]`)).toContainText(`Update ${tag}`, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  expect(home!.headers()['x-beacon-snapshot']).toBeTruthy();
  expect(home!.headers()['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  const main = visitor.page.locator('main');
  await expect(visitor.page.getByRole('link', { name: NAMES.page })).toBeVisible();
  await expect(visitor.page.getByRole('heading', { name: NAMES.incident })).toBeVisible();
  await expect(visitor.page.getByRole('heading', { name: NAMES.apiIncident })).toBeVisible();
  await expect(main).toContainText(NAMES.component);
  await expect(main).toContainText(NAMES.apiComponent);
  await expect(visitor.page.locator(`article[data-incident="${consoleId}"] .markdown strong`)).toHaveText('Bold');
  await expect(visitor.page).toHaveTitle(`${NAMES.page} status`);
  // Hydrated, live, with the payloads inert.
  await expect(visitor.page.locator('[data-live-state]')).toHaveAttribute('data-live-state', 'live');
  await visitor.page.locator(`article[data-incident="${consoleId}"]`).scrollIntoViewIfNeeded();
  await screenshot(visitor.page, 'content-safety-home');
  await assertClean(visitor, '/');

  // Incident pages and the history, rendered by Next once per change and served from the snapshot.
  for (const [path, name] of [
    [`/incidents/${consoleId}`, NAMES.incident],
    [`/incidents/${apiId}`, NAMES.apiIncident],
    ['/history', NAMES.apiIncident],
  ] as const) {
    const response = await visitor.page.goto(path);
    expect(response!.headers()['content-security-policy'], path).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
    await expect(main.getByText(name, { exact: true }).first(), path).toBeVisible();
    await assertClean(visitor, path);
  }
  await expect(visitor.page.locator('main')).toBeVisible();

  // The console pages that show them.
  for (const [path, text] of [
    ['/admin', NAMES.incident],
    ['/admin/incidents', NAMES.apiIncident],
    [`/admin/incidents/${consoleId}`, NAMES.incident],
    [`/admin/incidents/${apiId}`, `Update ${tag}`],
    ['/admin/components', NAMES.component],
    ['/admin/api-keys', `content safety ${PAYLOAD.svg}`],
    ['/admin/audit', `Maint ${tag} <img src=x onerror=`],
    ['/admin/settings', 'Page settings'],
  ] as const) {
    await admin.page.goto(path);
    // Text content, hidden parts included (the audit log folds its before/after JSON away).
    await expect(admin.page.locator('main'), path).toContainText(text);
    await assertClean(admin, path);
  }
  await expect(admin.page.getByLabel('Page name')).toHaveValue(NAMES.page);

  // Feeds, calendar and badges: escaped, well-formed; JSON carries the text as data.
  const xml = async (path: string) => {
    const res = await request.get(`${server.url}${path}`);
    expect(res.status(), path).toBe(200);
    const text = await res.text();
    expect(text, path).not.toMatch(/<(script|img|iframe)\b/i);
    // Parsed as a reader would: well-formed, and no element or attribute that could run.
    const found = await visitor.page.evaluate(
      ([body, type]) => {
        const doc = new DOMParser().parseFromString(body!, type as DOMParserSupportedType);
        const elements = [...doc.getElementsByTagName('*')];
        return {
          parseError: doc.querySelector('parsererror')?.textContent ?? null,
          active: elements.filter((e) => /^(script|img|iframe|foreignObject|a|html:.*)$/i.test(e.localName)).map((e) => e.localName),
          handlers: elements.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.localName) || /^\s*javascript:/i.test(a.value)).map((a) => a.name)),
        };
      },
      [text, path.includes('.svg') ? 'image/svg+xml' : 'application/xml'],
    );
    expect(found, path).toEqual({ parseError: null, active: [], handlers: [] });
    return text;
  };
  for (const path of ['/history.rss', '/history.atom']) {
    const feed = await xml(path);
    expect(feed).toContain('API ' + tag + ' &quot;&gt;&lt;svg onload=window.__pwned=1&gt; &lt;script&gt;');
    // The update body is the page's sanitised HTML: the payload's markup is gone (what is left of it
    // is text), so no item's HTML holds an element with an event handler or a javascript: URL.
    // Each item's body is HTML: a reader renders a CDATA section as is, an escaped body once decoded.
    const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const bodies = feed
      .split(/<item>|<entry>/)
      .slice(1)
      .flatMap((item) => [...item.matchAll(/<(content|summary|description)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!))
      .map((body) => (body.startsWith('<![CDATA[') ? body.slice(9, -3) : decode(body)));
    expect(bodies.length, path).toBeGreaterThan(3);
    for (const html of bodies) expect(html, path).not.toMatch(/<[^>]*(\bon[a-z]+\s*=|javascript:)/i);
    expect(feed).toContain(`Update ${tag}:`);
  }
  const badge = await xml('/badge.svg');
  expect(badge).toContain('Acme IoT &lt;img src=x onerror=&quot;window.__pwned=1;alert(1)&quot;&gt;');
  const componentBadge = await xml(`/badge.svg?component=${componentId}`);
  expect(componentBadge).toContain(`Probe ${tag} &quot;&gt;&lt;svg onload=window.__pwned=1&gt;`);

  const ics = await (await request.get(`${server.url}/maintenance.ics`)).text();
  const lines = ics.replace(/\r\n /g, '').split('\r\n');
  expect(ics).not.toMatch(/\r(?!\n)/);
  expect(lines.filter((l) => /^X-PWNED/.test(l))).toEqual([]);
  expect(lines.find((l) => l.startsWith('SUMMARY:') && l.includes(`Maint ${tag}`))).toBe(
    `SUMMARY:Maint ${tag} <img src=x onerror="window.__pwned=1\\;alert(1)">\\nX-PWNED:1\\nX-PWNED:2\\; a\\, b \\\\ c`,
  );

  const summary = await request.get(`${server.url}/api/v2/summary.json`);
  expect(summary.headers()['content-type']).toContain('application/json');
  const data = (await summary.json()) as { page: { name: string }; components: { name: string }[]; incidents: { name: string; incident_updates: { body: string }[] }[] };
  expect(data.page.name).toBe(NAMES.page);
  expect(data.components.map((c) => c.name)).toEqual(expect.arrayContaining([NAMES.component, NAMES.apiComponent]));
  const apiIncident = data.incidents.find((i) => i.name === NAMES.apiIncident)!;
  expect(apiIncident.incident_updates.map((u) => u.body)).toEqual([BODY.apiUpdate, BODY.api]);

  // Put the name back, so the screenshot run of this database reads normally afterwards.
  await admin.page.goto('/admin/settings');
  await admin.page.getByLabel('Page name').fill('Acme IoT');
  await admin.page.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.page.getByRole('status')).toHaveText('Settings saved.');
  await Promise.all([adminContext.close(), visitorContext.close()]);
});

test('a live update of the snapshot page runs under its policy without a violation', async ({ browser }) => {
  const context = await newContext(browser);
  const visitor = await guarded(context);
  await visitor.page.goto('/');
  await expect(visitor.page.locator('[data-live-state]')).toHaveAttribute('data-live-state', 'live');
  await visitor.page.waitForLoadState('networkidle');
  const db = openDb(`file:./${FILE}`);
  const name = `Live ${tag} ${PAYLOAD.img}`;
  try {
    await createIncident({ ctx: { db: db.kysely, now: () => new Date() }, input: { name, body: `${PAYLOAD.script} still text` } });
  } finally {
    await db.kysely.destroy();
  }
  await expect(visitor.page.getByRole('region', { name: 'Active incidents' }).getByRole('heading', { name })).toBeVisible({ timeout: 10_000 });
  await assertClean(visitor, 'live update');
  await context.close();
});

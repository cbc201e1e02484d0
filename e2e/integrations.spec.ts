import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures/operators';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';
import { screenshot } from './screenshot';
import { alertmanagerPayload } from '../app/api/integrations/_tests/payloads';

// Its own server: the spec moves SMS's status, which other specs read on the shared one.
const FILE = `data/e2e-integrations-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 62, { DATABASE_URL: `file:./${FILE}`, BEACON_DEMO: '1' });
const NAME = 'E2E Prometheus';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
}

/** The SMS row of the public page, read again until it shows `status`. */
async function expectPublicSms(page: Page, status: string) {
  await expect(async () => {
    await page.goto('/');
    const row = page.locator('li[data-component]').filter({ has: page.getByText('SMS', { exact: true }) });
    await expect(row).toContainText(status, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: server.url });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  removeSqlite(FILE);
  await server.start();
});
test.afterAll(async () => server.stop());

test('a responder-visible draft from the demo is acknowledged in the console', async ({ page }) => {
  await signIn(page, 'responder');
  await page.goto('/admin/integrations');
  const draft = page.locator('li[data-draft]').first();
  await expect(draft.locator('[data-draft-state="draft"]')).toContainText('publishes');
  const name = (await draft.getAttribute('data-draft'))!;
  await draft.getByRole('button', { name: `Acknowledge ${name}` }).click();
  await expect(draft.locator('[data-draft-state="acknowledged"]')).toHaveText('Acknowledged · not published automatically');
  await expect(draft.getByRole('button', { name: `Acknowledge ${name}` })).toHaveCount(0);
  // A responder sees integrations but cannot create one.
  await expect(page.getByRole('heading', { name: 'New integration' })).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator('main')).not.toContainText(name);
});

test('an admin connects Alertmanager: the secret shown once moves SMS on the public page; a wrong secret is refused', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await signIn(page, 'admin');
  await page.goto('/admin/integrations');
  await expect(page.getByRole('link', { name: 'Integrations' })).toHaveAttribute('aria-current', 'page');

  await page.getByLabel('Kind').selectOption('alertmanager');
  // Blank after trimming passes the browser's `required` and is refused by the service, named as labelled.
  await page.getByLabel('Name', { exact: true }).fill('   ');
  await page.getByRole('button', { name: 'Create integration' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(NAME);
  await page.getByLabel('Flap interval (seconds)').fill('0');
  await page.getByRole('button', { name: 'Create integration' }).click();

  const shown = page.getByRole('status').filter({ hasText: `${NAME} created` });
  await expect(shown).toContainText('it is not shown again');
  const secret = (await shown.locator('pre[data-reveal="Secret"]').textContent())!.trim();
  const url = (await shown.locator('pre[data-reveal="Webhook URL"]').textContent())!.trim();
  expect(secret).toMatch(/^bint_/);
  expect(url).toMatch(new RegExp(`^${server.url}/api/integrations/[a-z0-9]+/alertmanager$`));
  const yaml = (await shown.locator('pre[data-reveal="Alertmanager configuration"]').textContent())!;
  expect(yaml).toContain(`- url: ${url}`);
  expect(yaml).toContain(`credentials: ${secret}`);
  for (const scheme of ['light', 'dark'] as const) {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await screenshot(page, `integrations-created-390-${scheme}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await shown.getByRole('button', { name: 'Copy Secret' }).click();
  await expect(shown.getByRole('button', { name: 'Copy Secret' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // Once: after a reload only the path is shown, never the secret.
  await page.reload();
  const card = page.locator(`li[data-integration="${NAME}"]`);
  await expect(card).toContainText('Alertmanager');
  await expect(card).toContainText('0 rules');
  await expect(card).toContainText('no alert received yet');
  expect(await page.content()).not.toContain(secret);

  await card.getByText(`Add a rule to ${NAME}`).click();
  await card.getByLabel('Alert labels').fill('service=');
  await card.getByLabel('Component or group').selectOption({ label: 'SMS' });
  await card.getByRole('button', { name: 'Add rule' }).click();
  await expect(card.getByText('Alert labels must read like service="sms", severity="critical"')).toBeVisible();
  await card.getByLabel('Alert labels').fill('service="sms"');
  await card.getByLabel('Component or group').selectOption({ label: 'SMS' });
  await card.getByLabel('Status while firing').selectOption('major_outage');
  await card.getByRole('button', { name: 'Add rule' }).click();
  const rule = card.locator('li[data-rule="service=\\"sms\\""]');
  await expect(rule).toContainText('→ SMS · Major Outage · no draft');

  expect(await seriousViolations(page)).toEqual([]);
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await card.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, `integrations-admin-${width}-${scheme}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });

  const post = (body: unknown, token: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const wrong = await post(alertmanagerPayload('firing', 'e2e-sms'), `${secret}x`);
  expect(wrong.status).toBe(401);
  await expectPublicSms(page, 'Operational');

  const firing = await post(alertmanagerPayload('firing', 'e2e-sms'), secret);
  expect(firing.status).toBe(200);
  expect(await firing.json()).toMatchObject({ received: 1, matched: 1, applied: 1 });
  await expectPublicSms(page, 'Major Outage');

  // A wrong secret changes nothing, here a resolve that would bring SMS back.
  expect((await post(alertmanagerPayload('resolved', 'e2e-sms'), 'bint_wrong')).status).toBe(401);
  await expectPublicSms(page, 'Major Outage');

  const resolved = await post(alertmanagerPayload('resolved', 'e2e-sms'), secret);
  expect(resolved.status).toBe(200);
  await expectPublicSms(page, 'Operational');

  await page.goto('/admin/integrations');
  await expect(page.locator(`li[data-integration="${NAME}"]`)).toContainText('last alert');
});

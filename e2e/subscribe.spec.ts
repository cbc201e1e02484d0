import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import SqliteDatabase from '@/lib/db/sqlite-driver';
import { openDb } from '../lib/db/connect';
import { createIncident } from '../lib/services/create-incident';
import { screenshot } from './screenshot';

// The e2e server's database (see playwright.config.ts): the test reads the dev mailbox and
// posts the incident through the same services the console uses.
const DB_FILE = `data/e2e-${process.env.E2E_PORT ?? 3100}.db`;

interface Mail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** Waits for a message to `to` whose subject contains `subject` in the dev mailbox. */
async function mailTo(to: string, subject: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        const db = new SqliteDatabase(DB_FILE, { readonly: true, fileMustExist: true });
        try {
          const row = db
            .prepare('select subject, html, text, headers from dev_mailbox where "to" = ? and instr(subject, ?) > 0 order by created_at desc limit 1')
            .get(to, subject) as (Omit<Mail, 'headers'> & { headers: string }) | undefined;
          found = row && { ...row, headers: JSON.parse(row.headers) as Record<string, string> };
          return Boolean(found);
        } finally {
          db.close();
        }
      },
      { timeout: 20_000, message: `mail "${subject}" to ${to}` },
    )
    .toBe(true);
  return found!;
}

/** axe findings that matter: serious and critical. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`);
}

/** Opens an incident on SMS, as an operator would from the console. */
async function postIncident(name: string) {
  process.env.BEACON_PUBLIC_URL ??= `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  const db = openDb(`file:./${DB_FILE}`);
  try {
    const sms = await db.kysely.selectFrom('components').select('id').where('name', '=', 'SMS').executeTakeFirstOrThrow();
    await createIncident({
      ctx: { db: db.kysely, now: () => new Date() },
      input: { name, status: 'identified', body: 'SMS delivery is failing for **some** devices.', components: [{ id: sms.id, status: 'major_outage' }] },
    });
  } finally {
    await db.kysely.destroy();
  }
}

test.describe('subscribing', () => {
  test('subscribe → confirm → an incident is posted → the alert is in the dev mailbox → one-click unsubscribe', async ({ page, request }) => {
    const email = `e2e-${Date.now()}@example.com`;
    const title = `Data session failures ${Date.now()}`;

    await page.goto('/');
    await page.getByRole('link', { name: 'Subscribe to updates' }).click();
    await expect(page).toHaveURL(/\/subscribe$/);
    await expect(page.getByRole('heading', { name: 'Get alerts' })).toBeVisible();
    await screenshot(page, 'subscribe');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Subscribe by email' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('confirmation link is on its way');

    const confirmation = await mailTo(email, 'Confirm your subscription');
    const confirmUrl = /href="([^"]+\/subscriptions\/confirm\/[\w-]+)"/.exec(confirmation.html)![1]!;
    // Opening the link (as a mail scanner does) confirms nothing; the page's button does.
    const scanned = await request.get(confirmUrl);
    expect(scanned.status()).toBe(200);
    await page.goto(confirmUrl);
    await expect(page.getByRole('heading', { name: 'Confirm your subscription' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(email);
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await expect(page.getByRole('heading', { name: 'You are subscribed' })).toBeVisible();
    await page.getByRole('link', { name: 'Choose components and events' }).click();
    await expect(page.getByTestId('subscription-state')).toHaveText('Active');
    await screenshot(page, 'subscription-manage');
    expect(await seriousViolations(page)).toEqual([]);

    await postIncident(title);
    const alert = await mailTo(email, title);
    expect(alert.subject).toMatch(/^\[.+ status\] Identified: Data session failures \d+ \(SMS\)$/);
    expect(alert.text).toContain('SMS: Operational → Major Outage');
    expect(alert.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(alert.headers['In-Reply-To']).toMatch(/^<incident-[a-z0-9]{12}@/);

    await page.setContent(alert.html);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await screenshot(page, 'alert-email');

    const oneClick = /^<(.+)>$/.exec(alert.headers['List-Unsubscribe']!)![1]!;
    const response = await request.post(oneClick, { form: { 'List-Unsubscribe': 'One-Click' } });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'unsubscribed' });
    const manage = /href="([^"]+\/subscriptions\/manage\/[\w-]+)"/.exec(alert.html)![1]!;
    await page.goto(manage);
    await expect(page.getByTestId('subscription-state')).toHaveText('Unsubscribed');
  });

  test('the form names a refused webhook target and shows no secret', async ({ page }) => {
    await page.goto('/subscribe');
    await page.getByText('Webhook', { exact: true }).click();
    await page.getByLabel('Endpoint URL').fill('http://169.254.169.254/latest/meta-data/');
    await page.getByRole('button', { name: 'Register webhook' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Please correct the marked fields.');
    await expect(page.getByText('Endpoint URL must be a public http(s) address')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Webhook' })).toBeChecked();
    await expect(page.getByLabel('Endpoint URL')).toHaveValue('http://169.254.169.254/latest/meta-data/');
    await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
    await screenshot(page, 'subscribe-webhook-refused');
  });

  test('the JSON API: 202 without enumeration, named fields, SSRF refusal, 429 throttling', async ({ request }) => {
    const ip = { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 200) + 1}` };
    const address = `api-${Date.now()}@example.com`;
    const first = await request.post('/api/subscriptions', { data: { type: 'email', email: address }, headers: ip });
    const again = await request.post('/api/subscriptions', { data: { type: 'email', email: address }, headers: ip });
    expect(first.status()).toBe(202);
    expect(again.status()).toBe(202);
    expect(await again.json()).toEqual(await first.json());

    const bad = await request.post('/api/subscriptions', { data: { type: 'email', email: 'nope' }, headers: ip });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.fields).toEqual({ email: 'must be a valid email address' });

    const loopback = await request.post('/api/subscriptions', { data: { type: 'webhook', url: 'http://127.0.0.1:9/hook' }, headers: ip });
    expect(loopback.status()).toBe(422);
    expect((await loopback.json()).error.fields.url).toBe('must be a public http(s) address');

    const third = await request.post('/api/subscriptions', { data: { type: 'email', email: address }, headers: ip });
    expect(third.status()).toBe(202);
    const limited = await request.post('/api/subscriptions', { data: { type: 'email', email: address }, headers: ip });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });
});

import { expect, test, type Page } from '@playwright/test';
import SqliteDatabase from '@/lib/db/sqlite-driver';
import { fileSecret, secretFilePath } from '@/lib/notify/link-secret';
import { deriveConfirmToken } from '@/lib/notify/links';
import { screenshot } from './screenshot';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';

// A server of its own that accepts loopback webhook targets and runs no worker, so the webhook
// this spec registers is never called (and nothing leaves the machine).
const DB_FILE = `data/e2e-subscribe-form-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 40, {
  DATABASE_URL: `file:./${DB_FILE}`,
  BEACON_DEMO: '1',
  BEACON_ALLOW_PRIVATE_WEBHOOKS: 'true',
  BEACON_LOG_LEVEL: 'warn',
});

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  removeSqlite(DB_FILE);
  await server.start();
});
test.afterAll(async () => {
  await server.stop();
  removeSqlite(DB_FILE);
});

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = new SqliteDatabase(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

/** Fills the webhook tab with a refused URL, a failure address and one component, then fixes the URL. */
async function webhookAfterRefusal(page: Page, tag: string) {
  const failureEmail = `owner-${tag}@example.com`;
  await page.goto(`${server.url}/subscribe`);
  await page.getByText('Webhook', { exact: true }).click();
  await page.getByLabel('Endpoint URL').fill('ftp://hooks.example.test/status');
  await page.getByLabel('Email for failure notices (optional)').fill(failureEmail);
  await page.getByLabel('Only the components I choose').check();
  await page.getByLabel('SMS', { exact: true }).check();
  await page.getByLabel('Only when an incident starts and when it is resolved').check();
  await page.getByRole('button', { name: 'Register webhook' }).click();

  await expect(page.getByText('Endpoint URL must be an http(s) URL with a host')).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Please correct the marked fields.');
  // Everything typed is still there, and the Webhook tab is really the chosen type.
  await expect(page.getByRole('radio', { name: 'Webhook' })).toBeChecked();
  await expect(page.getByLabel('Endpoint URL')).toHaveValue('ftp://hooks.example.test/status');
  await expect(page.getByLabel('Email for failure notices (optional)')).toHaveValue(failureEmail);
  await expect(page.getByLabel('Only the components I choose')).toBeChecked();
  await expect(page.getByLabel('SMS', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Only when an incident starts and when it is resolved')).toBeChecked();

  const url = `http://127.0.0.1:9/hooks/${tag}`;
  await page.getByLabel('Endpoint URL').fill(url);
  await page.getByRole('button', { name: 'Register webhook' }).click();
  await expect(page.getByTestId('webhook-secret')).toContainText('whsec_');

  const rows = query<{ kind: string; url: string | null; email: string | null; all_components: number; events: string; id: string }>(
    'select id, kind, url, email, all_components, events from subscribers where url = ? or email = ?',
    url,
    failureEmail,
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ kind: 'webhook', url, email: failureEmail, all_components: 0, events: 'start_and_resolution' });
  const chosen = query<{ name: string }>(
    'select c.name from subscriber_components sc join components c on c.id = sc.component_id where sc.subscriber_id = ?',
    rows[0]!.id,
  );
  expect(chosen.map((c) => c.name)).toEqual(['SMS']);
}

test('after a refused webhook URL the form keeps the type and every value; the fixed URL makes a webhook', async ({ page }) => {
  await webhookAfterRefusal(page, `js-${Date.now()}`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same, with plain form posts', async ({ page }) => {
    await webhookAfterRefusal(page, `nojs-${Date.now()}`);
  });

  test('choosing "only the components I choose" with none ticked is refused, naming the field', async ({ page }) => {
    const email = `none-${Date.now()}@example.com`;
    await page.goto(`${server.url}/subscribe`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Only the components I choose').check();
    await page.getByRole('button', { name: 'Subscribe by email' }).click();
    await expect(page.getByText('Components: choose at least one component, or all components')).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue(email);
    expect(query('select id from subscribers where email = ?', email)).toHaveLength(0);
  });
});

test('a webhook URL whose host does not resolve is refused in plain words', async ({ page }) => {
  // Private targets are allowed here, so the guard passes; a malformed host is refused by the form's own check.
  await page.goto(`${server.url}/subscribe`);
  await page.getByText('Webhook', { exact: true }).click();
  await page.getByLabel('Endpoint URL').fill('not a url');
  await page.getByRole('button', { name: 'Register webhook' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Please correct the marked fields.');
  await expect(page.getByRole('main')).not.toContainText(/ENOTFOUND|getaddrinfo|Invalid input/);
});

test('screenshots of /subscribe and the confirm page at 1280 and 390 px, light and dark', async ({ page }) => {
  const email = `shots-${Date.now()}@example.com`;
  await page.goto(`${server.url}/subscribe`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Subscribe by email' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('confirmation link is on its way');
  // The worker is off on this server: rebuild the link from the queued message's nonce and the server's key file.
  const [event] = query<{ payload: string; id: string }>(
    "select e.payload, s.id from notification_events e join notifications n on n.event_id = e.id join subscribers s on s.id = n.subscriber_id where s.email = ? and e.type = 'subscription.confirm'",
    email,
  );
  const secret = fileSecret(secretFilePath(`file:./${DB_FILE}`));
  const confirmUrl = `${server.url}/subscriptions/confirm/${deriveConfirmToken(secret, event!.id, (JSON.parse(event!.payload) as { confirmNonce: string }).confirmNonce)}`;
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${server.url}/subscribe`);
      await screenshot(page, `subscribe-${width}-${scheme}`);
      await page.goto(confirmUrl);
      await expect(page.getByRole('button', { name: 'Confirm subscription' })).toBeVisible();
      await screenshot(page, `confirm-${width}-${scheme}`);
    }
  }
  expect(query<{ state: string }>('select state from subscribers where email = ?', email)[0]!.state).toBe('pending');
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openDb } from '@/lib/db/connect';
import { startChatReceiver } from '@/lib/notify/testing/chat-receiver';
import { createApiKey } from '@/lib/services/create-api-key';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';
import { screenshot } from './screenshot';
import { signIn } from './fixtures/operators';

// Its own server, with its worker delivering to a loopback chat receiver.
const FILE = `data/e2e-subscribe-chat-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 17, {
  DATABASE_URL: `file:./${FILE}`,
  BEACON_DEMO: '1',
  BEACON_WORKER: 'inline',
  BEACON_WORKER_POLL_MS: '200',
  BEACON_ALLOW_PRIVATE_WEBHOOKS: 'true',
});
let chat: Awaited<ReturnType<typeof startChatReceiver>>;
let apiKey = '';
let pageId = '';

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  removeSqlite(FILE);
  chat = await startChatReceiver();
  await server.start();
  const db = openDb(`file:./${FILE}`);
  try {
    const operator = await db.kysely.selectFrom('operators').select('id').executeTakeFirstOrThrow();
    apiKey = (await createApiKey({ ctx: { db: db.kysely, now: () => new Date() }, input: { name: 'chat e2e', operatorId: operator.id } })).key;
  } finally {
    await db.kysely.destroy();
  }
  pageId = (await (await fetch(`${server.url}/api/v2/status.json`)).json()).page.id;
});
test.afterAll(async () => {
  await server.stop();
  await chat?.close();
});

async function channelState(): Promise<string | undefined> {
  const db = openDb(`file:./${FILE}`);
  try {
    const row = await db.kysely.selectFrom('subscribers').select('state').where('chat_platform', '=', 'slack').executeTakeFirst();
    return row?.state;
  } finally {
    await db.kysely.destroy();
  }
}

type SlackBody = { text: string; attachments: { color: string; blocks: { type: string; text?: { text: string }; elements?: { url?: string }[] }[] }[] };

test('a Slack channel subscribed through the form gets the test message, then an incident posted via the v1 API as Block Kit', async ({ page, browser }) => {
  await page.goto(`${server.url}/subscribe`);
  await page.getByText('Slack', { exact: true }).click();
  await expect(page.getByText('add the Incoming Webhooks app')).toBeVisible();
  await page.getByLabel('Incoming-webhook URL').fill(chat.url('slack', 'noc-e2e'));
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByText('A test message is on its way to your Slack channel')).toBeVisible();
  const manage = page.getByRole('link', { name: 'its private link' });
  await expect(manage).toHaveAttribute('href', /\/subscriptions\/manage\//);

  await expect.poll(() => chat.to('slack', 'noc-e2e').length, { timeout: 15_000 }).toBe(1);
  const [test] = chat.to('slack', 'noc-e2e');
  expect(test!.issues).toEqual([]);
  expect((test!.body as SlackBody).text).toContain('status alerts');
  // The worker records the 2xx (and so activates the channel) in its next outcome flush, a moment
  // after the receiver has the message; an incident posted before that would find no one to alert.
  await expect.poll(() => channelState(), { timeout: 15_000 }).toBe('active');

  const name = `SMS delivery delayed ${Date.now()}`;
  const res = await fetch(`${server.url}/api/v1/pages/${pageId}/incidents`, {
    method: 'POST',
    headers: { authorization: `OAuth ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ incident: { name, status: 'identified', body: 'The **SMSC** in Frankfurt queues MT messages.', impact_override: 'major' } }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };

  const alertOf = () => chat.to('slack', 'noc-e2e').find((m) => (m.body as SlackBody).text.startsWith(name));
  await expect.poll(() => alertOf() !== undefined, { timeout: 15_000 }).toBe(true);
  const alert = alertOf()!;
  expect(alert.issues).toEqual([]);
  const { color, blocks } = (alert.body as SlackBody).attachments[0]!;
  expect(color).toBe('#e67e22');
  expect(blocks[0]).toMatchObject({ type: 'header', text: { text: name } });
  expect(blocks.find((b) => b.type === 'section')!.text!.text).toBe('The *SMSC* in Frankfurt queues MT messages.');
  expect(blocks.find((b) => b.type === 'actions')!.elements![0]!.url).toBe(`${server.url}/incidents/${id}`);

  // The manage link is posted in the channel: its page names the channel but not the webhook's secret path.
  await manage.click();
  await expect(page.getByText('Slack channel')).toBeVisible();
  await expect(page.getByTestId('subscription-state')).toHaveText('Active');
  await expect(page.getByText('/slack/noc-e2e')).toHaveCount(0);

  // The console names the channel's platform and masks the webhook's secret path too.
  const consoleContext = await browser.newContext({ baseURL: server.url });
  const operator = await consoleContext.newPage();
  await signIn(operator, 'responder');
  await operator.goto('/admin/subscribers?kind=webhook');
  const row = operator.getByRole('row').filter({ hasText: 'Slack' });
  await expect(row).toContainText(`${new URL(chat.url('slack', 'noc-e2e')).origin}/slack/••••`);
  await expect(operator.getByText('noc-e2e')).toHaveCount(0);
  await consoleContext.close();
});

type TeamsBody = { attachments: { content: { body: { type: string; text?: string; items?: { text?: string }[] }[]; actions?: { title: string; url: string }[] } }[] };

test('a Teams channel added from /fr/subscribe gets its test message and an incident in French, with the translation the operator wrote', async ({ page }) => {
  await page.goto(`${server.url}/fr/subscribe`);
  await page.getByText('Microsoft Teams', { exact: true }).click();
  await page.getByLabel('URL du webhook entrant').fill(chat.url('teams', 'noc-fr'));
  await page.getByRole('button', { name: 'Ajouter le canal' }).click();
  await expect(page.getByRole('link', { name: 'son lien privé' })).toHaveAttribute('href', /\/fr\/subscriptions\/manage\//);

  await expect.poll(() => chat.to('teams', 'noc-fr').length, { timeout: 15_000 }).toBe(1);
  const [test] = chat.to('teams', 'noc-fr');
  expect(test!.issues).toEqual([]);
  expect(JSON.stringify(test!.body)).toContain('Alertes d’état de');
  expect(JSON.stringify(test!.body)).toContain('Gérer les alertes');
  const db = openDb(`file:./${FILE}`);
  try {
    await expect
      .poll(async () => (await db.kysely.selectFrom('subscribers').select('state').where('chat_platform', '=', 'teams').executeTakeFirst())?.state, { timeout: 15_000 })
      .toBe('active');
  } finally {
    await db.kysely.destroy();
  }

  const res = await fetch(`${server.url}/api/v1/pages/${pageId}/incidents`, {
    method: 'POST',
    headers: { authorization: `OAuth ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      incident: {
        name: `Roaming data down ${Date.now()}`,
        status: 'identified',
        body: 'A roaming partner rejects data sessions.',
        impact_override: 'major',
        translations: { fr: { name: 'Données en itinérance indisponibles', body: 'Un partenaire d’itinérance refuse les sessions de données.' } },
      },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const alertOf = () => chat.to('teams', 'noc-fr').find((m) => JSON.stringify(m.body).includes(`/incidents/${id}`));
  await expect.poll(() => alertOf() !== undefined, { timeout: 15_000 }).toBe(true);
  const alert = alertOf()!;
  expect(alert.issues).toEqual([]);
  const card = (alert.body as TeamsBody).attachments[0]!.content;
  const text = JSON.stringify(card.body);
  expect(text).toContain('Données en itinérance indisponibles');
  expect(text).toContain('Un partenaire d’itinérance refuse les sessions de données.');
  expect(text).toContain('Cause identifiée');
  expect(text).toMatch(/\/fr\/subscriptions\/manage\//);
  expect(card.actions?.[0]).toMatchObject({ title: 'Voir l’incident' });
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
    test(`the chat choices read well and pass axe (${label}, ${scheme})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${server.url}/subscribe`);
      await page.getByText('Microsoft Teams', { exact: true }).click();
      await expect(page.getByRole('button', { name: 'Add channel' })).toBeVisible();
      await expect(page.getByText('Workflows')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
      await screenshot(page, `subscribe-chat-${label}-${scheme}`);
      // A refused URL is named beside the field, in the channel's words.
      await page.getByLabel('Incoming-webhook URL').fill(`not a url (${label} ${scheme})`);
      await page.getByRole('button', { name: 'Add channel' }).click();
      await expect(page.getByText('Incoming-webhook URL must be an http(s) URL with a host')).toBeVisible();
      await context.close();
    });
  }
}

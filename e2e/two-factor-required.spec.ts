import { expect, test, type Browser } from '@playwright/test';
import { generate } from 'otplib';
import { signIn } from './fixtures/operators';
import { BASE_PORT, BeaconServer, removeSqlite } from './support/beacon-server';
import { addOperator, passwordStep } from './support/operator-accounts';
import { screenshot } from './screenshot';

// Its own server: requiring two-factor sign-in changes every operator's console.
const FILE = `data/e2e-two-factor-required-${BASE_PORT}.db`;
const server = new BeaconServer(BASE_PORT + 70, { DATABASE_URL: `file:./${FILE}`, BEACON_DEMO: '1' });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  removeSqlite(FILE);
  await server.start();
});
test.afterAll(async () => server.stop());

const pageOn = async (browser: Browser) => (await browser.newContext({ baseURL: server.url })).newPage();

test('an admin requires two-factor sign-in: an operator without it can only enrol, then works as before', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await pageOn(browser);
  await signIn(admin, 'admin');
  const { email } = await addOperator(admin, 'responder');

  await admin.goto('/admin/settings');
  await admin.getByLabel('Require two-factor sign-in for every operator').check();
  await admin.getByRole('button', { name: 'Save sign-in security' }).click();
  // The admin has no second factor either: the next console page is the enrolment.
  await expect(admin).toHaveURL(/\/admin\/account\/two-factor$/);

  const responder = await pageOn(browser);
  await passwordStep(responder, email);
  await expect(responder).toHaveURL(/\/admin\/account\/two-factor$/);
  await screenshot(responder, 'two-factor-required-enrol');
  // Every other page and every action sends them back here until they enrol.
  for (const path of ['/admin', '/admin/incidents', '/admin/incidents/new', '/admin/subscribers']) {
    await responder.goto(path);
    await expect(responder, path).toHaveURL(/\/admin\/account\/two-factor$/);
  }
  const api = await responder.request.get('/admin/incidents', { maxRedirects: 0 });
  expect([api.status(), api.headers().location]).toEqual([307, '/admin/account/two-factor']);

  await responder.getByRole('button', { name: 'Show the QR code' }).click();
  const secret = (await responder.getByTestId('totp-secret').getAttribute('data-secret'))!;
  await responder.getByLabel('Code from the app').fill(await generate({ secret }));
  await responder.getByRole('button', { name: 'Turn on two-factor' }).click();
  await expect(responder.getByRole('status').filter({ hasText: 'recovery codes' })).toBeVisible();

  await responder.goto('/admin/incidents');
  await expect(responder).toHaveURL(/\/admin\/incidents$/);
  await expect(responder.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();

  // The admin who turned it on is held to it too, until they enrol.
  await admin.goto('/admin/settings');
  await expect(admin).toHaveURL(/\/admin\/account\/two-factor$/);
  await expect(admin.getByRole('heading', { name: 'Set up two-factor sign-in' })).toBeVisible();
});

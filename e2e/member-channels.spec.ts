import type { APIRequestContext } from '@playwright/test';
import { DEMO_AUDIENCES, DEMO_PRIVATE_INCIDENT } from '../lib/demo/audiences';
import { expect, test } from './fixtures/operators';
import { signInAsMember } from './support/member-sign-in';
import { shots } from './support/shots';

const [GLOBEX, INITECH] = DEMO_AUDIENCES;
/** The demo's operational incident, whose postmortem defaults to Enterprise audiences only. */
const OPERATIONAL_INCIDENT = 'Delayed delivery of SMS to devices';
const POSTMORTEM_SENTENCE = 'SMSC node B stopped draining its delivery queue';

async function incidentIdNamed(request: APIRequestContext, name: string): Promise<string> {
  const { incidents } = (await (await request.get('/api/v2/incidents.json')).json()) as { incidents: { id: string; name: string }[] };
  const found = incidents.find((i) => i.name === name);
  expect(found, name).toBeTruthy();
  return found!.id;
}

test.describe('issue #16: postmortems by support level, members\' own API and feeds', () => {
  test.describe.configure({ timeout: 120_000 });

  test("an Enterprise member reads an operational incident's postmortem that a Business member and the public do not", async ({ browser, adminPage, page: anonymous }) => {
    const id = await incidentIdNamed(anonymous.request, OPERATIONAL_INCIDENT);
    const enterprise = await signInAsMember(browser, adminPage, `e2e-pm-${Date.now()}@${INITECH.domain}`);
    const business = await signInAsMember(browser, adminPage, `e2e-pm-${Date.now()}@${GLOBEX.domain}`);

    await enterprise.goto(`/incidents/${id}`);
    await expect(enterprise.getByRole('heading', { level: 1 })).toContainText(OPERATIONAL_INCIDENT);
    await expect(enterprise.getByRole('heading', { name: 'Postmortem' })).toBeVisible();
    await expect(enterprise.getByText(POSTMORTEM_SENTENCE)).toBeVisible();

    await business.goto(`/incidents/${id}`);
    await expect(business.getByRole('heading', { level: 1 })).toContainText(OPERATIONAL_INCIDENT);
    await expect(business.locator('[data-member]')).toBeVisible();
    await expect(business.getByText(POSTMORTEM_SENTENCE)).toHaveCount(0);
    await expect(business.getByRole('heading', { name: 'Postmortem' })).toHaveCount(0);

    await anonymous.goto(`/incidents/${id}`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toContainText(OPERATIONAL_INCIDENT);
    await expect(anonymous.getByText(POSTMORTEM_SENTENCE)).toHaveCount(0);
    await enterprise.context().close();
    await business.context().close();
  });

  test('the console offers the postmortem visibility, starting from the incident class', async ({ adminPage: page, request }) => {
    const id = await incidentIdNamed(request, OPERATIONAL_INCIDENT);
    await page.goto(`/admin/incidents/${id}`);
    const select = page.getByLabel('Who may read it');
    await expect(select).toHaveValue('enterprise');
    await shots(page, 'postmortem-form', page.locator('section[aria-labelledby="postmortem"]'));
  });

  test('a member makes, uses and rotates their API token and feed URLs; removal ends them at once', async ({ browser, adminPage, request }) => {
    const email = `e2e-feeds-${Date.now()}@${INITECH.domain}`;
    const member = await signInAsMember(browser, adminPage, email);
    await member.getByRole('link', { name: 'Your alerts, feeds and API' }).click();
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Your alerts, feeds and API');
    await expect(member.getByText('You have no token yet.')).toBeVisible();
    await member.getByRole('button', { name: 'Create token' }).click();
    const token = (await member.locator('[data-reveal="API token"]').innerText()).trim();
    expect(token).toMatch(/^bmt_[\w-]{20,}$/);
    const rssUrl = new URL((await member.locator('[data-reveal="History (RSS)"]').innerText()).trim());
    await shots(member, 'member-channels-panel');

    const api = (t: string, path = 'summary.json') => request.get(`/api/v2/member/${path}`, { headers: { authorization: `Bearer ${t}` } });
    const summary = await api(token);
    expect(summary.status()).toBe(200);
    expect(summary.headers()['cache-control']).toBe('private, no-store');
    const body = await summary.text();
    expect(body).toContain(INITECH.component.name);
    expect(body).not.toContain(GLOBEX.component.name);
    expect(await (await api(token, 'incidents/unresolved.json')).text()).toContain(DEMO_PRIVATE_INCIDENT);
    const feed = await request.get(rssUrl.pathname);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(DEMO_PRIVATE_INCIDENT);
    // The public documents stay public, whatever header comes with them.
    const publicSummary = await request.get('/api/v2/summary.json', { headers: { authorization: `Bearer ${token}` } });
    expect(await publicSummary.text()).not.toContain(INITECH.component.name);
    expect((await request.get('/api/v2/member/summary.json')).status()).toBe(401);

    // Rotating: the old token and feed URL stop working at once.
    await member.reload();
    await expect(member.locator('[data-token-state="active"]')).toBeVisible();
    member.once('dialog', (d) => void d.accept());
    await member.getByRole('button', { name: 'Rotate token' }).click();
    const rotated = (await member.locator('[data-reveal="API token"]').innerText()).trim();
    expect(rotated).not.toBe(token);
    expect((await api(token)).status()).toBe(401);
    expect((await request.get(rssUrl.pathname)).status()).toBe(404);
    expect((await api(rotated)).status()).toBe(200);
    const rotatedRss = new URL((await member.locator('[data-reveal="History (RSS)"]').innerText()).trim());

    // Removing the member: their token and feed URLs answer 401 and 404 at once.
    await adminPage.goto('/admin/audiences');
    adminPage.once('dialog', (d) => void d.accept());
    await adminPage.getByRole('button', { name: `Remove ${email}` }).click();
    await expect(adminPage.getByRole('button', { name: `Remove ${email}` })).toHaveCount(0);
    expect((await api(rotated)).status()).toBe(401);
    expect((await request.get(rotatedRss.pathname)).status()).toBe(404);
    await member.context().close();
  });

  test('a member turns on email alerts: a private incident reaches them and no public subscriber; removal stops them', async ({ browser, adminPage }) => {
    const email = `e2e-alerts-${Date.now()}@${INITECH.domain}`;
    const member = await signInAsMember(browser, adminPage, email);
    await member.getByRole('link', { name: 'Your alerts, feeds and API' }).click();
    await expect(member.locator('[data-alerts-state="off"]')).toContainText(`No alerts go to ${email}`);
    await member.getByRole('button', { name: 'Email me alerts' }).click();
    await expect(member.getByText('Alerts are on.')).toBeVisible();
    await member.reload();
    await expect(member.locator('[data-alerts-state="on"]')).toContainText(`Alerts go to ${email}`);
    await expect(member.getByRole('button', { name: 'Stop alerts' })).toBeVisible();
    await shots(member, 'member-alerts', member.locator('section[aria-labelledby="alerts"]'));

    // An incident on Initech's private tunnel only: private to Initech by default.
    const title = `Tunnel keys expire ${Date.now()}`;
    await adminPage.goto('/admin/incidents/new');
    await adminPage.getByLabel('Title').fill(title);
    await adminPage.getByLabel(new RegExp(`^${INITECH.component.name}`)).selectOption('partial_outage');
    await adminPage.getByLabel('Message (markdown)').fill('Re-keying fails on one of two tunnel endpoints.');
    await adminPage.getByRole('button', { name: 'Open incident' }).click();
    await expect(adminPage).toHaveURL(/\/admin\/incidents\/[a-z0-9]{12}$/);
    const incidentUrl = adminPage.url();

    const messages = adminPage.getByRole('list', { name: 'Messages' }).getByRole('link').filter({ hasText: title });
    // Initech's members with alerts on — this one and the demo's NOC — and nobody else: no public
    // subscriber hears of a private incident.
    await expect(async () => {
      await adminPage.goto('/admin/mailbox');
      await expect(messages).toHaveCount(2, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    expect((await messages.allInnerTexts()).map((text) => (text.includes(email) ? email : text.includes(INITECH.member) ? INITECH.member : text)).sort()).toEqual([email, INITECH.member].sort());
    const mine = messages.filter({ hasText: email });
    await mine.click();
    await expect(adminPage.getByRole('heading', { level: 2 })).toHaveText(new RegExp(`Investigating: ${title} \\(${INITECH.component.name}\\)$`));

    // Removed from the console: the resolution goes to nobody.
    await adminPage.goto('/admin/audiences');
    adminPage.once('dialog', (d) => void d.accept());
    await adminPage.getByRole('button', { name: `Remove ${email}` }).click();
    await expect(adminPage.getByRole('button', { name: `Remove ${email}` })).toHaveCount(0);
    await adminPage.goto(incidentUrl);
    await adminPage.getByRole('button', { name: 'Resolve incident' }).click();
    await expect(adminPage.getByRole('status')).toHaveText('Incident resolved.');
    await adminPage.goto(`/admin/subscribers?q=${encodeURIComponent(email)}`);
    await expect(adminPage.getByRole('row').filter({ hasText: email })).toContainText('unsubscribed');
    await adminPage.goto('/admin/mailbox');
    await expect(mine).toHaveCount(1);
    await member.context().close();
  });
});

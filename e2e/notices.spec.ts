import AxeBuilder from '@axe-core/playwright';
import Database from '@/lib/db/sqlite-driver';
import type { Page } from '@playwright/test';
import { DEMO_AUDIENCES, DEMO_NOTICE } from '../lib/demo/audiences';
import { expect, test } from './fixtures/operators';
import { BASE_PORT } from './support/beacon-server';
import { screenshot } from './screenshot';
import { signInAsMember } from './support/member-sign-in';

const [GLOBEX, INITECH] = DEMO_AUDIENCES;
/** The e2e server's database (playwright.config.ts), read for the dev mailbox's rows and their times. */
const DB_FILE = `data/e2e-${BASE_PORT}.db`;

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Who got the early notice with this title, by address (a subscriber alert of the same title does not count). */
const recipientsOf = (title: string) => query<{ to: string }>('select "to" from dev_mailbox where subject like ? order by "to"', `%early notice: ${title}`).map((r) => r.to);

/** An audience's member addresses now (other specs add members as they run). */
const membersOf = (audience: string) =>
  query<{ email: string }>('select m.email from members m join audience_members am on am.member_id = m.id join audiences a on a.id = am.audience_id where a.name = ? order by m.email', audience).map((m) => m.email);

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
}

/** Screenshots at 1280 and 390 px, light and dark, each checked with axe. */
async function shots(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `${name}-${width}-${scheme}`);
      expect(await axeViolations(page), `${name} ${width} ${scheme}`).toEqual([]);
    }
  }
}

test.describe('early notices reach the chosen audiences and nobody else', () => {
  test.describe.configure({ timeout: 180_000 });

  test('an operator sends a notice; the members are mailed at once and see it signed in; the public never does', async ({ browser, adminPage, page: anonymous }) => {
    const email = `e2e-notice-${Date.now()}@${GLOBEX.domain}`;
    const member = await signInAsMember(browser, adminPage, email);
    const title = `PDP retries from Globex SIMs ${Date.now()}`;
    const body = 'Your application server at 198.51.100.7:443 is not answering; your devices retry their PDP contexts every 30 s.';

    await adminPage.goto('/admin');
    await adminPage.getByRole('navigation').getByRole('link', { name: 'Notices' }).click();
    await expect(adminPage.getByRole('heading', { name: 'Notices', level: 1 })).toBeVisible();
    // A refused send names the field as the form shows it and keeps what was typed.
    await adminPage.getByLabel('Title').fill(title);
    await adminPage.getByLabel('Message').fill(body);
    await adminPage.getByLabel('These audiences').check();
    await adminPage.getByRole('button', { name: 'Send notice now' }).click();
    await expect(adminPage.locator('[data-error-for="audienceIds"]')).toHaveText('Audiences must include at least one audience, or choose a support level');
    expect(recipientsOf(title)).toEqual([]);

    await adminPage.getByRole('checkbox', { name: /Globex Logistics/ }).check();
    const posted = Date.now();
    await adminPage.getByRole('button', { name: 'Send notice now' }).click();
    // Await the condition (the mail in the dev mailbox), then report how long it took.
    await expect.poll(() => recipientsOf(title), { timeout: 10_000, intervals: [25] }).toContain(email);
    const arrivedMs = Date.now() - posted;
    const [row] = query<{ sent: string; mailed: string }>(
      'select n.created_at as sent, max(m.created_at) as mailed from notices n join dev_mailbox m on m.subject like \'%\' || n.title || \'%\' where n.title = ? group by n.id',
      title,
    );
    console.log(`[notices] member mail in the mailbox ${arrivedMs} ms after Send was clicked; last mail ${Date.parse(row!.mailed) - Date.parse(row!.sent)} ms after the notice was written`);
    await expect(adminPage.getByText(/Notice sent to Globex Logistics: \d+ emails? delivered/)).toBeVisible();
    // The emptied form offers the default choice again, and shows it.
    await expect(adminPage.getByLabel('Audiences at a support level and up')).toBeChecked();
    await expect(adminPage.getByLabel('Support level', { exact: true })).toBeVisible();

    // Exactly Globex's members: not Initech's member, not the demo's plain subscribers.
    const globexMembers = membersOf(GLOBEX.name);
    expect(globexMembers).toContain(email);
    expect(recipientsOf(title)).toEqual(globexMembers);
    expect(recipientsOf(title)).not.toContain(INITECH.member);

    const item = adminPage.locator(`[data-notice="${title}"]`);
    await expect(item).toContainText('To Globex Logistics');
    await expect(item).toContainText(`${globexMembers.length} of ${globexMembers.length} email`);

    // The member sees it on their page, marked private to their audience.
    await member.reload();
    const notice = member.getByRole('region', { name: 'Notices for you' }).locator('li', { hasText: title });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('198.51.100.7');
    await expect(notice.locator('[data-private-to="Globex Logistics"]')).toBeVisible();
    // Initech's notice is not Globex's business.
    await expect(member.getByText(DEMO_NOTICE.title)).toHaveCount(0);
    await shots(member, 'notices-member-page');

    // Anonymous readers: not on the page, the API or the feeds.
    await anonymous.goto('/');
    await expect(anonymous.getByRole('heading', { name: 'Components' })).toBeVisible();
    await expect(anonymous.getByText(title)).toHaveCount(0);
    for (const url of ['/', '/api/v2/summary.json', '/api/v2/incidents.json', '/history.rss', '/history.atom']) {
      expect(await (await anonymous.request.get(url)).text(), url).not.toContain('198.51.100.7');
    }

    await shots(adminPage, 'notices-console');

    // Closing takes it off the member's page.
    adminPage.once('dialog', (d) => void d.accept());
    await adminPage.getByRole('button', { name: `Close “${title}”` }).click();
    await expect(adminPage.getByRole('list', { name: 'Closed and promoted notices' }).locator(`[data-notice="${title}"]`)).toContainText('Closed');
    await member.reload();
    await expect(member.locator('[data-member]')).toContainText(email);
    await expect(member.getByText(title)).toHaveCount(0);
    await member.context().close();
  });

  test('an open notice is promoted into an incident private to its audiences', async ({ adminPage, page: anonymous }) => {
    const title = `APN RADIUS slow for Initech ${Date.now()}`;
    await adminPage.goto('/admin/notices');
    await adminPage.getByLabel('Title').fill(title);
    await adminPage.getByLabel('Message').fill('Access-Accept takes 4 s on average; attaches time out.');
    await adminPage.getByLabel('Support level', { exact: true }).selectOption('enterprise');
    await adminPage.getByRole('button', { name: 'Send notice now' }).click();
    await expect(adminPage.getByText('Notice sent to Initech Fleet')).toBeVisible();
    expect(recipientsOf(title)).toEqual(membersOf(INITECH.name));
    expect(recipientsOf(title)).toContain(INITECH.member);

    adminPage.once('dialog', (d) => void d.accept());
    await adminPage.getByRole('button', { name: `Promote “${title}” to an incident` }).click();
    await expect(adminPage).toHaveURL(/\/admin\/incidents\/[a-z0-9]+$/);
    await expect(adminPage.getByRole('heading', { level: 1 })).toContainText(title);
    const incidentId = /\/admin\/incidents\/([a-z0-9]+)$/.exec(adminPage.url())![1]!;
    expect((await anonymous.request.get(`/incidents/${incidentId}`)).status()).toBe(404);
    expect(await (await anonymous.request.get('/api/v2/incidents.json')).text()).not.toContain(title);

    await adminPage.goto('/admin/notices');
    await expect(adminPage.getByRole('list', { name: 'Closed and promoted notices' }).locator(`[data-notice="${title}"]`).getByRole('link', { name: 'Promoted to incident' })).toHaveAttribute('href', `/admin/incidents/${incidentId}`);
  });

  test('the composer’s “Notify Business and Enterprise audiences now” mails those members the first message', async ({ adminPage }) => {
    const title = `Attach failures for LTE-M ${Date.now()}`;
    await adminPage.goto('/admin/incidents/new');
    await adminPage.getByLabel('Title').fill(title);
    await adminPage.getByLabel('Message (markdown)').fill('Some LTE-M devices fail to attach in Germany; we are investigating.');
    await adminPage.getByLabel('Notify Business and Enterprise audiences now').check();
    await adminPage.getByRole('button', { name: 'Open incident' }).click();
    await expect(adminPage.getByRole('heading', { level: 1 })).toContainText(title);
    const premium = query<{ email: string }>(
      "select distinct m.email from members m join audience_members am on am.member_id = m.id join audiences a on a.id = am.audience_id where a.support_level in ('business', 'enterprise') order by m.email",
    ).map((m) => m.email);
    expect(premium).toContain(INITECH.member);
    expect(recipientsOf(title)).toEqual(premium);
    const [mail] = query<{ text: string }>('select text from dev_mailbox where subject like ? and "to" = ?', `%${title}%`, INITECH.member);
    expect(mail!.text).toContain('fail to attach in Germany');
  });
});

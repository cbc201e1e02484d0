import { expect, test } from './fixtures/operators';
import { screenshot } from './screenshot';

test.describe('operator console', () => {
  test('runs an incident from first report to postmortem, visible on the public page at each step', async ({ adminPage: page, browser }) => {
    // A whole lifecycle: a dozen navigations and four snapshot rebuilds, on two shared cores.
    test.setTimeout(60_000);
    const title = `Elevated SMS delivery latency ${Date.now()}`;
    const visitor = await (await browser.newContext()).newPage();

    await page.goto('/admin/incidents/new');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Class').selectOption('critical');
    await page.getByLabel('Approximate devices affected').fill('2500');
    await expect(page.getByLabel('Impact')).toHaveValue('critical');
    await page.getByLabel(/^SMS/).selectOption('major_outage');
    await page.getByLabel(/^VPN/).selectOption('partial_outage');
    await page.getByLabel('Message (markdown)').fill('We are investigating **delayed SMS** delivery.\n\n<script>window.__pwned = 1</script>');
    await expect(page.getByTestId('body-preview').locator('strong')).toHaveText('delayed SMS');
    await expect(page.getByTestId('body-preview')).not.toContainText('window.__pwned');
    await screenshot(page, 'admin-composer');
    await page.getByRole('button', { name: 'Open incident' }).click();
    await expect(page).toHaveURL(/\/admin\/incidents\/[a-z0-9]{12}$/);
    const id = page.url().split('/').pop()!;

    const card = visitor.locator(`article[data-incident="${id}"]`);
    await expect(async () => {
      await visitor.goto('/');
      await expect(card).toContainText(title, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(card).toContainText('Critical impact');
    await expect(visitor.locator('[data-indicator]')).toHaveAttribute('data-indicator', 'critical');
    expect(await visitor.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    for (const [status, text] of [
      ['identified', 'The SMSC cluster in Frankfurt is rejecting binds.'],
      ['monitoring', 'A fix is deployed; we are watching delivery times.'],
    ] as const) {
      await page.getByLabel('Status', { exact: true }).selectOption(status);
      await page.getByLabel('Message (markdown)').first().fill(text);
      await page.getByRole('button', { name: 'Post update' }).click();
      await expect(page.getByRole('status')).toHaveText('Update posted.');
      await visitor.goto(`/incidents/${id}`);
      await expect(visitor.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li').first()).toContainText(text);
    }

    await page.reload();
    await page.getByRole('button', { name: 'Resolve incident' }).click();
    await expect(page.getByRole('status')).toHaveText('Incident resolved.');
    // The public snapshot is rebuilt on each change (debounced to at most one rebuild a second).
    await expect(async () => {
      await visitor.goto('/');
      await expect(visitor.locator(`article[data-incident="${id}"]`)).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(visitor.locator(`[data-component] >> text=SMS`).first()).toBeVisible();

    await page.goto('/admin/incidents');
    await expect(page.locator(`tr[data-incident="${id}"]`)).toContainText('postmortem due');
    await page.goto(`/admin/incidents/${id}`);
    await page.getByLabel('Postmortem (markdown)').fill('## Root cause\n\nA certificate expired on the SMSC bind interface.');
    await page.getByRole('button', { name: 'Publish postmortem' }).click();
    await expect(page.getByRole('status')).toHaveText('Postmortem published.');
    await page.goto('/admin/incidents');
    await expect(page.locator(`tr[data-incident="${id}"]`)).not.toContainText('postmortem due');

    await visitor.goto(`/incidents/${id}`);
    await expect(visitor.getByRole('heading', { name: 'Postmortem' })).toBeVisible();
    await expect(visitor.getByText('A certificate expired')).toBeVisible();
    await visitor.goto('/history');
    await expect(visitor.locator(`li[data-incident="${id}"]`)).toContainText(title);
    await screenshot(visitor, 'public-after-postmortem');

    await page.goto('/admin/audit');
    await expect(page.locator('[data-audit="incident.create"]').first()).toContainText('Dana Admin');
    await expect(page.locator('[data-audit="incident.postmortem"]').first()).toBeVisible();
    await screenshot(page, 'admin-audit');
  });

  test('a maintenance window starts and completes on its own', async ({ adminPage: page, browser }) => {
    const title = `Core router upgrade ${Date.now()}`;
    await page.goto('/admin/maintenance/new');
    await page.getByLabel('Title').fill(title);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = (d: Date) =>
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    const now = Date.now();
    await page.getByLabel('Starts').fill(local(new Date(now + 3_000)));
    await page.getByLabel('Ends').fill(local(new Date(now + 9_000)));
    await page.getByRole('checkbox', { name: 'Data Streamer' }).check();
    await page.getByText('Add Deutsch (de)').click();
    await page.getByLabel('Titel (Deutsch)').fill(`Upgrade der Core-Router ${title.split(' ').pop()}`);
    await page.getByLabel('Meldung (Deutsch)').fill('Kurze Unterbrechungen der Datenverbindung.');
    await screenshot(page, 'admin-maintenance-new-translated');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await expect(page).toHaveURL(/\/admin\/maintenance\/[a-z0-9]{12}$/);
    const id = page.url().split('/').pop()!;

    const visitor = await (await browser.newContext()).newPage();
    const updates = visitor.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li h3');
    await expect(async () => {
      await visitor.goto(`/incidents/${id}`);
      await expect(updates.first()).toContainText('Completed', { timeout: 500 });
    }).toPass({ timeout: 30_000 });
    await expect(updates.nth(1)).toContainText('In progress');
    await expect(updates.nth(2)).toContainText('Scheduled');
    const changes = visitor.getByRole('list', { name: 'Component changes' });
    await expect(changes.first()).toContainText('Data Streamer');
    await screenshot(visitor, 'maintenance-completed');
    // German readers get the title and first message the operator translated.
    await visitor.goto(`/de/incidents/${id}`);
    await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(`Upgrade der Core-Router ${title.split(' ').pop()}`);
    await expect(visitor.getByText('Kurze Unterbrechungen der Datenverbindung.')).toBeVisible();
  });

  test('a responder runs incidents but is refused admin-only pages', async ({ responderPage: page }) => {
    await page.goto('/admin/incidents');
    await expect(page.getByRole('heading', { name: 'Incidents' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Operators' })).toHaveCount(0);
    for (const path of ['/admin/operators', '/admin/api-keys', '/admin/settings', '/admin/audit']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
      // Inside the console frame: its navigation stays, without the admin-only entries.
      await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Incidents' })).toBeVisible();
    }
  });

  test('a wrong password gets one generic message and no session', async ({ page }) => {
    await page.goto('/admin/login');
    await page.getByLabel('Email').fill('nobody@demo.beacon');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form [role=alert]')).toHaveText('The email or password is not right');
    const response = await page.goto('/admin');
    expect(response?.url()).toMatch(/\/admin\/login$/);
    await screenshot(page, 'admin-login-error');
  });
});

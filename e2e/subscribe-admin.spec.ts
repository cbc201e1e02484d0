import { expect, test } from './fixtures/operators';
import { screenshot } from './screenshot';

test.describe('alerts in the console', () => {
  test('mailbox, subscribers and deliveries show a new subscription', async ({ responderPage: page, adminPage, request }) => {
    const email = `console-${Date.now()}@example.com`;
    const response = await request.post('/api/subscriptions', { data: { type: 'email', email } });
    expect(response.status()).toBe(202);

    // The confirmation lands in the dev mailbox (no SMTP_URL in the e2e server).
    const message = page.getByRole('list', { name: 'Messages' }).getByRole('link').filter({ hasText: email });
    await expect(async () => {
      await page.goto('/admin/mailbox');
      await expect(message).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await message.click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(/Confirm your subscription$/);
    await expect(page.frameLocator('iframe[title="HTML version"]').getByRole('link', { name: 'Confirm subscription' })).toBeVisible();
    await screenshot(page, 'admin-mailbox');

    await page.goto(`/admin/subscribers?q=${encodeURIComponent(email)}`);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('pending');
    await expect(row).toContainText('all components · every update · maintenance');
    await expect(page.getByRole('table', { name: 'Subscriber counts' })).toBeVisible();
    await screenshot(page, 'admin-subscribers');

    const csv = await page.request.get(`/admin/subscribers/export?q=${encodeURIComponent(email)}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[1]).toContain(`,email,${email},,pending,all,all,true,`);

    await page.goto('/admin/deliveries?state=delivered');
    await expect(page.getByTestId('outbox-backlog')).toContainText('waiting');
    await expect(page.locator('li[data-delivery="delivered"]').filter({ hasText: email }).first()).toContainText('subscription.confirm');
    await screenshot(page, 'admin-deliveries');

    // Removing a subscriber is an admin's (lib/domain/permissions.ts); it takes it off the list.
    adminPage.once('dialog', (dialog) => dialog.accept());
    await adminPage.goto(`/admin/subscribers?q=${encodeURIComponent(email)}`);
    await adminPage.getByRole('row').filter({ hasText: email }).getByRole('button', { name: 'Remove' }).click();
    await expect(adminPage.getByRole('row').filter({ hasText: email })).toHaveCount(0);
    await adminPage.reload();
    await expect(adminPage.getByText('No subscribers match.')).toBeVisible();
  });
});

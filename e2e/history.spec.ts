import { expect, test } from '@playwright/test';
import { screenshot } from './screenshot';

function monthKey(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

test.describe('history', () => {
  test('pages by three calendar months and reaches 13 months back', async ({ page }) => {
    await page.goto('/history');
    await expect(page.locator('section[data-month]')).toHaveCount(3);
    // Follow "Older" links as a visitor would, down to page 5.
    for (let n = 2; n <= 5; n++) {
      await page.getByRole('link', { name: 'Older →' }).click();
      await expect(page).toHaveURL(new RegExp(`page=${n}`));
    }
    const now = new Date();
    const thirteenBack = monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 13, 15)));
    const month = page.locator(`section[data-month="${thirteenBack}"]`);
    await expect(month).toHaveCount(1);
    await expect(page.locator('li[data-incident]').first()).toBeVisible();
    await screenshot(page, 'history-page-5');
  });

  test('says "No incidents reported" for an empty month', async ({ page }) => {
    let found = false;
    for (let n = 1; n <= 5 && !found; n++) {
      await page.goto(`/history?page=${n}`);
      found = (await page.getByText('No incidents reported', { exact: true }).count()) > 0;
    }
    expect(found).toBe(true);
  });

  test('filters by component', async ({ page }) => {
    await page.goto('/history?page=1');
    const all = await page.locator('li[data-incident]').count();
    await page.getByLabel('Component').selectOption({ label: 'SMS' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/component=[a-z0-9]{12}/);
    await expect(page.getByText('SMS only')).toBeVisible();
    const filtered = await page.locator('li[data-incident]').count();
    expect(filtered).toBeLessThan(all);
    // Every listed incident really affects SMS.
    const first = page.locator('li[data-incident] a').first();
    if (filtered > 0) {
      await first.click();
      await expect(page.getByText('Affected components').locator('..')).toContainText('SMS');
    }
    await screenshot(page, 'history-filtered');
  });
});

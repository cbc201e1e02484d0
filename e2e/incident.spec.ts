import { expect, test } from '@playwright/test';
import { screenshot } from './screenshot';

test.describe('incident page', () => {
  test('the active incident links to its full timeline, newest first', async ({ page }) => {
    await page.goto('/');
    const card = page.getByRole('region', { name: 'Active incidents' }).locator('article').first();
    const name = (await card.locator('h3').innerText()).trim();
    await card.getByRole('link', { name: /View all updates/ }).click();
    await expect(page).toHaveURL(/\/incidents\/[a-z0-9]{12}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

    const updates = page.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li');
    await expect(updates).toHaveCount(2);
    await expect(updates.nth(0).locator('h3')).toContainText('Identified');
    await expect(updates.nth(1).locator('h3')).toContainText('Investigating');
    const times = await updates.locator('h3 time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(times[0]! >= times[1]!).toBe(true);
    expect(times[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await expect(page.getByText('Affected components')).toBeVisible();
    await expect(page.getByText('Not yet')).toBeVisible();
    await screenshot(page, 'incident-active');
  });

  test('a resolved critical incident shows its duration and postmortem', async ({ page }) => {
    await page.goto('/history?page=2');
    await page.locator('li[data-incident] a.text-status-major').first().click();
    await expect(page.getByRole('heading', { name: 'Postmortem' })).toBeVisible();
    await expect(page.getByText('Duration')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li').first()).toContainText('Resolved');
    await screenshot(page, 'incident-postmortem');
  });

  test('an unknown id is a proper not-found page', async ({ page }) => {
    const response = await page.goto('/incidents/doesnotexist');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Incident not found' })).toBeVisible();
    await screenshot(page, 'incident-not-found');
  });
});

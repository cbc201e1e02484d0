import { expect, test } from '@playwright/test';
import { screenshot } from './screenshot';

test.describe('status page', () => {
  test('shows the banner, the demo groups and the active incident', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Acme IoT' })).toBeVisible();
    // The demo's active incident degrades components, so the page is not "All Systems Operational".
    const banner = page.getByRole('region', { name: 'Overall status' });
    await expect(banner).toBeVisible();
    await expect(banner).not.toHaveText('All Systems Operational');
    for (const group of ['Core connectivity', 'Platform', 'Regional internet breakouts']) {
      await expect(page.locator('summary', { hasText: group })).toBeVisible();
    }
    // Roaming networks are only shown while degraded; the demo's roaming incidents are over.
    await expect(page.locator('summary', { hasText: 'Roaming networks' })).toHaveCount(0);

    // Other tests open incidents and windows on the same server meanwhile: look for the demo's own.
    const active = page.getByRole('region', { name: 'Active incidents' });
    const demoIncident = active.locator('article', { hasText: 'Packet loss on the EU internet breakout' });
    await expect(demoIncident).toHaveCount(1);
    await expect(demoIncident.getByText('Identified', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Scheduled maintenance' }).locator('article', { hasText: 'Data Streamer cluster upgrade' })).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Past incidents' }).locator('li[data-incident]').first()).toBeVisible();
    await screenshot(page, 'home');
  });

  test('a group collapses and expands from the keyboard', async ({ page }) => {
    await page.goto('/');
    const group = page.locator('details', { has: page.locator('summary', { hasText: 'Platform' }) });
    const rows = group.locator('li[data-component]');
    await expect(rows.first()).toBeVisible();
    await group.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(rows.first()).toBeHidden();
    await page.keyboard.press('Enter');
    await expect(rows.first()).toBeVisible();
  });

  test("a component's uptime is one control: arrow keys move between days, the tooltip and value text follow", async ({ page }) => {
    await page.goto('/');
    const row = page.locator('li[data-component]').first();
    const bars = row.getByRole('slider');
    await expect(bars).toHaveCount(1);
    await expect(bars).toHaveAttribute('data-days', '90');
    // One drawing of a few paths, not one element per day.
    expect(await bars.locator('svg path').count()).toBeLessThanOrEqual(6);
    await expect(row.getByRole('tooltip')).toHaveCount(0);
    await bars.focus();
    const tooltip = row.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText(/uptime|No data/);
    await expect(bars).toHaveAttribute('aria-valuenow', '89');
    await page.keyboard.press('ArrowLeft');
    await expect(bars).toHaveAttribute('aria-valuenow', '88');
    await expect(bars).toHaveAttribute('aria-valuetext', /^\d{1,2} \w+ \d{4}: (\d+\.\d{2} % uptime|No data for this day)/);
    await page.keyboard.press('Home');
    await expect(bars).toHaveAttribute('aria-valuenow', '0');
    // One tab stop per component, not one per day.
    await page.keyboard.press('Tab');
    await expect(bars).not.toBeFocused();
    await expect(row.getByRole('tooltip')).toHaveCount(0);
    await expect(row).toContainText(/\d+\.\d{2} % uptime/);
  });

  test('a phone shows the last 30 days from the same HTML', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/');
    const bars = page.locator('li[data-component]').first().getByRole('slider');
    await expect(bars).toHaveAttribute('data-days', '90');
    // The drawing is three rows wide and shifted so that its newest third (30 days) shows.
    const { row, drawing } = await bars.evaluate((el) => ({ row: el.getBoundingClientRect(), drawing: el.querySelector('svg')!.getBoundingClientRect() }));
    expect(drawing.width / row.width).toBeCloseTo(3, 1);
    expect(drawing.right).toBeCloseTo(row.right, 0);
    await bars.focus();
    await page.keyboard.press('Home');
    await expect(bars).toHaveAttribute('aria-valuenow', '60');
  });

  test('the favicon shows the overall status', async ({ page }) => {
    await page.goto('/');
    const indicator = await page.getByRole('region', { name: 'Overall status' }).getAttribute('data-indicator');
    const icons = await page.locator('head link[rel="icon"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(icons.at(-1)).toBe(`/favicon-${indicator}.svg`);
    expect((await page.request.get(`/favicon-${indicator}.svg`)).status()).toBe(200);
  });

  test('fits a 360 px phone without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto('/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // A tooltip near the right edge must stay on screen too.
    await page.getByRole('slider').first().focus();
    const stillFits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(stillFits).toBe(true);
    await screenshot(page, 'home-360');
  });

  test('renders in dark mode when the system prefers it', async ({ page }) => {
    // Paint the computed background on a canvas to read it as sRGB, whatever colour syntax CSS used.
    const lightness = () =>
      page.evaluate(() => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
        return (r! + g! + b!) / 765;
      });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    expect(await lightness()).toBeGreaterThan(0.8);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await lightness()).toBeLessThan(0.3);
    await screenshot(page, 'home-dark');
  });
});

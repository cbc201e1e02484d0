import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/operators';
import type { Page } from '@playwright/test';
import { screenshot } from './screenshot';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
}

test.describe('console dashboard and craft', () => {
  test('the dashboard answers "what needs me now" and changes a status in one click', async ({ responderPage: page }) => {
    await page.goto('/admin');
    for (const heading of ['Open incidents', 'Postmortems due', 'Maintenance in the next 7 days', 'Delivery health', 'Components']) {
      await expect(page.getByRole('heading', { name: heading, exact: false }).first()).toBeVisible();
    }
    // The demo has open incidents: each shows its age and its latest update.
    const open = page.getByRole('region', { name: /Open incidents/ }).or(page.locator('section[aria-labelledby="open-incidents"]'));
    await expect(open.getByText(/^Open for /).first()).toBeVisible();
    await expect(open.getByText(/Last update .* ago:/).first()).toBeVisible();
    // No SMTP_URL in the e2e server: mail goes to the dev mailbox, and the dashboard says so.
    await expect(page.locator('[data-banner="no-smtp"]')).toContainText('SMTP_URL is not set');
    await expect(page.locator('[data-health]')).toContainText('dev mailbox only');
    await expect(page.locator('[data-figure="backlog"]')).toHaveText(/^\d/);

    // One click sets a component's status; the toast confirms; the page shows it; then back.
    const row = page.locator('[data-component]').filter({ has: page.getByRole('button', { name: /to Operational$/, pressed: true }) }).first();
    const name = (await row.getAttribute('data-component'))!;
    await row.getByRole('button', { name: `Set ${name} to Degraded Performance` }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} is now Degraded Performance.` })).toBeVisible();
    const same = page.locator(`[data-component="${name}"]`);
    await expect(same.getByRole('button', { name: `Set ${name} to Degraded Performance` })).toHaveAttribute('aria-pressed', 'true');
    await expect(same).toContainText('Degraded Performance');
    await same.getByRole('button', { name: `Set ${name} to Operational` }).click();
    await expect(same.getByRole('button', { name: `Set ${name} to Operational` })).toHaveAttribute('aria-pressed', 'true');
  });

  test('navigation marks the current page, folds into a menu on a phone, and unknown pages stay in the console', async ({ adminPage: page }) => {
    await page.goto('/admin/audit');
    const nav = page.getByRole('navigation', { name: 'Console' });
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await page.goto('/admin');
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');

    await page.setViewportSize({ width: 390, height: 800 });
    const menu = nav.getByRole('button', { name: /Menu/ });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Operators' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'Operators' }).click();
    await expect(page).toHaveURL(/\/admin\/operators$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toContainText('Operators');

    await page.setViewportSize({ width: 1280, height: 800 });
    const missing = await page.goto('/admin/no-such-console-page');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Not found in the console' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
  });

  test('form errors sit next to their fields, named as labelled, and keep what was typed', async ({ adminPage: page }) => {
    await page.goto('/admin/settings');
    await page.getByLabel('Public URL').fill('ftp://status.example.com');
    await page.getByLabel('Page name').fill('Renamed but refused');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Public URL must be an http(s) URL')).toBeVisible();
    await expect(page.getByLabel('Public URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Public URL')).toHaveValue('ftp://status.example.com');
    await expect(page.getByLabel('Page name')).toHaveValue('Renamed but refused');
  });

  test('the audit log shows names with links, and filters by person, object and date', async ({ adminPage: page }) => {
    // Make an entry to look for: a status change by the demo admin.
    await page.goto('/admin');
    // The last component: the one-click test picks the first operational one, so the two never race.
    const row = page.locator('[data-component]').last();
    const name = (await row.getAttribute('data-component'))!;
    const current = row.getByRole('button', { pressed: true });
    const currentLabel = (await current.getAttribute('aria-label'))!;
    await row.getByRole('button', { name: `Set ${name} to Under Maintenance` }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} is now Under Maintenance.` })).toBeVisible();
    await row.getByRole('button', { name: currentLabel }).click();
    await expect(row.getByRole('button', { name: currentLabel })).toHaveAttribute('aria-pressed', 'true');

    await page.goto('/admin/audit?entity=component');
    const entry = page.locator('[data-audit]').filter({ hasText: name }).first();
    await expect(entry.getByRole('link', { name })).toHaveAttribute('href', '/admin/components');
    await expect(entry).toContainText('Dana Admin');

    await page.getByLabel('Who').fill('Dana');
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From').fill(today);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/actor=Dana/);
    await expect(page.locator('[data-audit]').first()).toContainText('Dana Admin');
    await page.locator('[data-audit]').first().getByRole('link', { name: /^History of this/ }).click();
    await expect(page.getByText('Showing one object only.')).toBeVisible();

    // A bad date is named and left out, never a server error.
    const bad = await page.goto('/admin/audit?from=2026-02-31');
    expect(bad?.status()).toBe(200);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('From must be a date such as 2026-06-01');
  });

  test('dashboard and audit log at desktop and phone width, light and dark: screenshots, no overflow, axe', async ({ adminPage: page }) => {
    test.setTimeout(150_000);
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        for (const [path, shot] of [['/admin', 'dashboard'], ['/admin/audit', 'audit'], ['/admin/incidents', 'incidents'], ['/admin/nope', 'not-found']] as const) {
          await page.goto(path);
          // The incident tables become lists on a phone.
          if (path === '/admin/incidents') await expect(page.locator(width < 640 ? 'li[data-incident-entry]' : 'tr[data-incident]').first()).toBeVisible();
          await screenshot(page, `console-${shot}-${width}-${scheme}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} overflows by ${overflow}px at ${width}`).toBeLessThanOrEqual(0);
          expect(await seriousViolations(page), `${path} ${width} ${scheme}`).toEqual([]);
        }
      }
    }
  });
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './screenshot';

/** Serious and critical violations, WCAG 2.2 AA rules (target-size among them) included. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
}

const WIDTHS = [1280, 390] as const;

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of WIDTHS) {
      test(`every public page at ${width} px (${scheme})`, async ({ page, request }) => {
        test.setTimeout(90_000);
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        const { incidents } = (await (await request.get('/api/v2/incidents/unresolved.json')).json()) as { incidents: { id: string }[] };
        const pages: [string, string][] = [
          ['/', 'home'],
          [`/incidents/${incidents[0]!.id}`, 'incident'],
          ['/history', 'history'],
          ['/subscribe', 'subscribe'],
          ['/api', 'api'],
          ['/no-such-page', 'not-found'],
        ];
        for (const [path, name] of pages) {
          await page.goto(path);
          await screenshot(page, `a11y-${name}-${width}-${scheme}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
          expect(await seriousViolations(page), path).toEqual([]);
        }
      });
    }
  }

  test('the 404 page carries the page header', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    const home = page.getByRole('banner').getByRole('link').first();
    await expect(home).toHaveAttribute('href', '/');
    await expect(page.getByRole('banner').getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
}

test.describe('accessibility (axe)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`home, an incident and history have no serious violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      expect(await seriousViolations(page)).toEqual([]);

      const link = page.getByRole('region', { name: 'Active incidents' }).locator('h3 a').first();
      await link.click();
      await expect(page).toHaveURL(/\/incidents\//);
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto('/history');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { screenshot } from '../screenshot';

/** Serious and critical axe findings (WCAG 2.2 AA) on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
}

/** Screenshots at 1280 and 390 px, light and dark (of `region` alone when given), each checked with axe. */
export async function shots(page: Page, name: string, region?: Locator): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      if (region) await region.screenshot({ path: `test-results/screenshots/${name}-${width}-${scheme}.png` });
      else await screenshot(page, `${name}-${width}-${scheme}`);
      expect(await axeViolations(page), `${name} ${width} ${scheme}`).toEqual([]);
    }
  }
}

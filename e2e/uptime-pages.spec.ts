import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './screenshot';

/** Serious and critical violations, WCAG 2.2 AA rules included (as accessibility.spec.ts). */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
}

interface V2Component {
  id: string;
  name: string;
  group: boolean;
}

async function components(page: Page): Promise<V2Component[]> {
  return ((await (await page.request.get('/api/v2/components.json')).json()) as { components: V2Component[] }).components;
}

test.describe('component uptime pages and the SLA report', () => {
  test('a component row leads to its page: status, a year of days, figures with their minutes, incidents, the formula', async ({ page }) => {
    await page.goto('/');
    await page.locator('li[data-component]').filter({ hasText: 'Data service' }).getByRole('link', { name: 'Data service' }).click();
    // A client navigation: Next renders the page's RSC payload, slow on a loaded machine.
    await expect(page).toHaveURL(/\/components\/[a-z0-9]{12}$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: 'Data service' })).toBeVisible();
    await expect(page.getByText('Mobile data sessions on every network')).toBeVisible();
    const cells = page.locator('button[data-day]');
    expect(await cells.count()).toBeGreaterThanOrEqual(365);
    await expect(page.locator('table caption', { hasText: 'By month' })).toBeVisible();
    await expect(page.locator('tr[data-figure]')).toHaveCount(12 + 4 + 2);

    // A day with an incident: pointing at it shows the incident, the arrow key moves to the next day
    // (the calendar runs to the end of this month, so there is always one).
    const eventful = cells.filter({ has: page.locator('xpath=self::*[contains(@aria-label, "incident")]') }).first();
    const key = (await eventful.getAttribute('data-day'))!;
    await eventful.hover();
    const detail = page.locator('[data-day-detail]');
    await expect(detail).toHaveAttribute('data-day-detail', key);
    await expect(detail.getByRole('link').first()).toBeVisible();
    await eventful.click();
    await expect(eventful).toBeFocused();
    await page.keyboard.press('ArrowRight');
    const next = new Date(Date.parse(`${key}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await expect(detail).toHaveAttribute('data-day-detail', next);
    await expect(page.locator(`button[data-day="${next}"]`)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(detail).toHaveAttribute('data-day-detail', key);

    // Every figure leads to how it is computed.
    await page.locator('tr[data-figure] a').first().click();
    await expect(page).toHaveURL(/#how-uptime-is-computed$/);
    await expect(page.getByRole('heading', { name: 'How uptime is computed' })).toBeInViewport();
    await expect(page.locator('#how-uptime-is-computed')).toContainText('partial outage counts at 30 %');
    await expect(page.locator('[data-incident]').first()).toBeVisible();
  });

  test('a component created 60 days ago shows the months before as no data, not 100 %', async ({ page }) => {
    const streamer = (await components(page)).find((c) => c.name === 'Data Streamer')!;
    await page.goto(`/components/${streamer.id}`);
    const oldest = page.locator('tr[data-figure]').filter({ has: page.locator('th', { hasText: /\d{4}$/ }) }).last();
    await expect(oldest).toContainText('No data');
    await expect(page.locator('button[data-day]').first()).toHaveAttribute('aria-label', /no data/);
  });

  test('a group has the same page over its components; unknown ids are 404', async ({ page }) => {
    const group = (await components(page)).find((c) => c.group && c.name === 'Core connectivity')!;
    const response = await page.goto(`/components/${group.id}`);
    expect(response!.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Core connectivity' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Components' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'SMS', exact: true })).toBeVisible();
    await expect(page.locator('#how-uptime-is-computed')).toContainText('worst component');
    expect((await page.goto('/components/nothinghere1'))!.status()).toBe(404);
  });

  test('the report shows a year per component and month, and downloads the same numbers as CSV and JSON', async ({ page }) => {
    const all = await components(page);
    const sms = all.find((c) => c.name === 'SMS')!;
    const vpn = all.find((c) => c.name === 'VPN')!;
    await page.goto('/uptime');
    await expect(page.getByRole('heading', { level: 1, name: 'Uptime report' })).toBeVisible();
    const lastYear = String(new Date().getUTCFullYear() - 1);
    await page.getByText('Components: all').click();
    await page.getByRole('checkbox', { name: 'SMS' }).check();
    await page.getByRole('checkbox', { name: 'VPN' }).check();
    await page.getByLabel('Period').selectOption(lastYear);
    await page.getByRole('button', { name: 'Show report' }).click();
    await expect(page).toHaveURL(new RegExp(`period=${lastYear}`));
    await expect(page.locator('tr[data-row]')).toHaveCount(2);
    await expect(page.locator(`tr[data-row="${sms.id}"] td[data-month]`)).toHaveCount(13);

    const cell = (id: string, month: string) => page.locator(`tr[data-row="${id}"] td[data-month="${month}"] a`).innerText();
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const csvFile = await csvDownload;
    expect(csvFile.suggestedFilename()).toBe(`uptime-${lastYear}.csv`);
    const csv = fs.readFileSync((await csvFile.path())!, 'utf8').trim().split('\n').map((l) => l.split(','));
    const header = csv[0]!;
    const rows = csv.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]!])));
    expect(rows).toHaveLength(2 * 13);

    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download JSON' }).click();
    const json = JSON.parse(fs.readFileSync((await (await jsonDownload).path())!, 'utf8')) as {
      components: { id: string; months: { month: string; uptime_percent: number | null; major_outage_minutes: number }[]; total: { uptime_percent: number | null } }[];
    };
    for (const id of [sms.id, vpn.id]) {
      const fromJson = json.components.find((c) => c.id === id)!;
      for (const m of fromJson.months) {
        const fromCsv = rows.find((r) => r.component_id === id && r.month === m.month)!;
        expect(fromCsv.uptime_percent).toBe(m.uptime_percent === null ? '' : String(m.uptime_percent));
        expect(Number(fromCsv.major_outage_minutes)).toBe(m.major_outage_minutes);
        expect(await cell(id, m.month)).toBe(m.uptime_percent === null ? 'No data' : `${m.uptime_percent.toFixed(2)}%`);
      }
      expect(await cell(id, 'total')).toBe(`${fromJson.total.uptime_percent!.toFixed(2)}%`);
    }

    // The component page shows the same figure and minutes for a month of the past 12.
    const month = json.components.find((c) => c.id === sms.id)!.months.at(-1)!;
    await page.goto(`/components/${sms.id}`);
    const row = page.locator(`tr[data-figure="${month.month}"]`);
    if ((await row.count()) > 0) {
      await expect(row.locator('a')).toHaveText(month.uptime_percent === null ? 'No data' : `${month.uptime_percent.toFixed(2)}%`);
      await expect(row.locator('[data-major-minutes]')).toHaveAttribute('data-major-minutes', String(month.major_outage_minutes));
    }
  });

  test('a report asked with bad fields is a 404 that names the fields, and nothing else breaks', async ({ page }) => {
    for (const bad of ['/uptime?period=soon', '/uptime?from=2026-02-01&to=2026-01-01', '/uptime?component=nothinghere1', '/uptime?from=2020-01-01']) {
      const response = await page.goto(bad);
      expect(response!.status(), bad).toBe(404);
      await expect(page.getByRole('heading', { name: 'This report cannot be made' })).toBeVisible();
      await expect(page.locator('main')).toContainText('Period');
    }
  });

  test('in German: the operator’s names, figures in the German number format, and links and the form stay in German', async ({ page }) => {
    const all = await components(page);
    const data = all.find((c) => c.name === 'Data service')!;
    await page.goto(`/de/components/${data.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datendienst');
    await expect(page.getByRole('navigation', { name: 'Navigationspfad' }).getByRole('link', { name: 'Kernkonnektivität' })).toHaveAttribute('href', /^\/de\/components\//);
    await expect(page.locator('table caption', { hasText: 'Nach Monat' })).toBeVisible();
    // Two decimals with a comma: 99,95 %, never 99.95%.
    const figures = await page.locator('tr[data-figure] a').allInnerTexts();
    for (const f of figures) expect(f).toMatch(/^(\d{1,3},\d{2}\s%|Keine Daten)$/);
    await expect(page.locator('button[data-day]').first()).toHaveAttribute('aria-label', /keine Daten|Verfügbarkeit/);
    await expect(page.getByRole('heading', { name: 'So wird die Verfügbarkeit berechnet' })).toBeVisible();
    await expect(page.locator('#how-uptime-is-computed')).toContainText('Teilausfall zählt zu 30 %');

    await page.getByRole('link', { name: 'SLA-Bericht und Downloads' }).click();
    await expect(page).toHaveURL(new RegExp(`/de/uptime\\?component=${data.id}$`), { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verfügbarkeitsbericht');
    await expect(page.locator(`tr[data-row="${data.id}"] th`)).toContainText('Datendienst');
    await expect(page.getByRole('link', { name: 'CSV herunterladen' })).toBeVisible();
    await page.getByLabel('Zeitraum').selectOption(String(new Date().getUTCFullYear()));
    await page.getByRole('button', { name: 'Bericht anzeigen' }).click();
    await expect(page).toHaveURL(/\/de\/uptime\?.*period=\d{4}/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    await page.goto('/de/uptime?period=soon');
    await expect(page.getByRole('heading', { name: 'Dieser Bericht kann nicht erstellt werden' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Neuen Bericht erstellen' })).toHaveAttribute('href', '/de/uptime');
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      test(`reads well and passes axe at ${width} px (${scheme})`, async ({ page }) => {
        test.setTimeout(240_000);
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        const all = await components(page);
        const data = all.find((c) => c.name === 'Data service')!;
        const group = all.find((c) => c.group && c.name === 'Platform')!;
        for (const [path, name] of [
          [`/components/${data.id}`, 'component'],
          [`/components/${group.id}`, 'group'],
          ['/uptime', 'report'],
          ['/uptime?period=soon', 'report-bad'],
        ] as const) {
          await page.goto(path);
          await screenshot(page, `uptime-${name}-${width}-${scheme}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
          expect(await seriousViolations(page), path).toEqual([]);
        }
      });
    }
  }
});

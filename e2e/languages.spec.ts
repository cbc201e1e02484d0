import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './screenshot';

const LOCALES = ['en', 'de', 'fr', 'it', 'es'] as const;
const NAMESPACES = ['common', 'status', 'incident', 'history', 'subscribe', 'uptime'];

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
const catalog = (locale: string) =>
  new Map(NAMESPACES.flatMap((ns) => flatten(JSON.parse(fs.readFileSync(path.join('messages', locale, `${ns}.json`), 'utf8')) as Tree, `${ns}.`)));

/** English strings a translated page must not show: whole phrases, with no placeholder, translated differently. */
function englishLeftovers(locale: string): string[] {
  const en = catalog('en');
  const other = catalog(locale);
  return [...en].filter(([key, text]) => text.includes(' ') && text.length >= 12 && !text.includes('{') && other.get(key) !== text).map(([, text]) => text.trim());
}

const at = (locale: string, p: string) => (locale === 'en' ? p : p === '/' ? `/${locale}` : `/${locale}${p}`);

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
}

async function anIncident(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const res = await request.get('/api/v2/incidents.json');
  const { incidents } = (await res.json()) as { incidents: { id: string }[] };
  return incidents[0]!.id;
}

/** The demo's data service: its page has a year of days, incidents and a German and French name. */
async function dataService(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const { components } = (await (await request.get('/api/v2/components.json')).json()) as { components: { id: string; name: string }[] };
  return components.find((c) => c.name === 'Data service')!.id;
}

/** How far the page is wider than the window: a long German word that does not wrap shows here. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('public pages in every language', () => {
  for (const locale of LOCALES) {
    test(`${locale}: lang, Content-Language, translated text, axe`, async ({ page, request }) => {
      test.setTimeout(120_000);
      const [incident, component] = await Promise.all([anIncident(request), dataService(request)]);
      const leftovers = englishLeftovers(locale);
      for (const p of ['/', `/incidents/${incident}`, '/history', '/subscribe', `/components/${component}`, '/uptime']) {
        const url = at(locale, p);
        const res = await page.goto(url);
        expect(res?.status(), url).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        expect(res?.headers()['content-language'], url).toBe(locale);
        await expect(page.locator(`link[rel="alternate"][hreflang="x-default"]`)).toHaveCount(1);
        for (const l of LOCALES) await expect(page.locator(`link[rel="alternate"][hreflang="${l}"]`)).toHaveCount(1);
        const text = await page.locator('body').innerText();
        for (const english of leftovers) expect(text, `${url} shows "${english}"`).not.toContain(english);
        expect(await seriousViolations(page), url).toEqual([]);
      }
    });

    test(`${locale}: the home, an incident, a component page and the uptime report at 390 px`, async ({ page, request }) => {
      const [incident, component] = await Promise.all([anIncident(request), dataService(request)]);
      await page.setViewportSize({ width: 390, height: 900 });
      await page.goto(at(locale, '/'));
      await screenshot(page, `i18n-${locale}-home-390`);
      await page.goto(at(locale, `/incidents/${incident}`));
      await screenshot(page, `i18n-${locale}-incident-390`);
      for (const [p, name] of [[`/components/${component}`, 'component'], ['/uptime', 'uptime']] as const) {
        await page.goto(at(locale, p));
        await screenshot(page, `i18n-${locale}-${name}-390`);
        expect(await overflow(page), `${at(locale, p)} overflows`).toBeLessThanOrEqual(0);
      }
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`/de at 1280 px (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto('/de');
      await expect(page.getByRole('region', { name: 'Gesamtstatus' })).toBeVisible();
      await screenshot(page, `i18n-de-home-1280-${scheme}`);
    });
  }

  test('/de component page and uptime report at 1280 px', async ({ page, request }) => {
    const component = await dataService(request);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/de/components/${component}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datendienst');
    await screenshot(page, 'i18n-de-component-1280');
    await page.goto('/de/uptime');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verfügbarkeitsbericht');
    await screenshot(page, 'i18n-de-uptime-1280');
  });

  test('the switcher works without JavaScript and remembers the choice', async ({ browser }) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto('/history');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
    await expect(page).toHaveURL(/\/de\/history$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vorfallverlauf');
    const cookies = await noScript.cookies();
    expect(cookies.find((c) => c.name === 'beacon-locale')?.value).toBe('de');
    // Back to English from the German page: the unprefixed page, and the cookie follows.
    await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/history$/);
    expect((await noScript.cookies()).find((c) => c.name === 'beacon-locale')?.value).toBe('en');
    await noScript.close();
  });

  test('an English reader who chose German is offered it on the shared English page', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/language?to=de&from=/');
    await expect(page).toHaveURL(/\/de$/);
    await page.goto('/');
    await expect(page.locator('[data-language-offer="de"]')).toContainText('Diese Seite gibt es auch auf Deutsch.');
    await context.close();
  });

  test('Accept-Language: de gets a one-line offer on / and none on /de', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de' } });
    const page = await context.newPage();
    const res = await page.goto('/');
    // No redirect: the unprefixed page stays the one everyone shares.
    expect(res?.url()).toMatch(/\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const offer = page.locator('[data-language-offer="de"]');
    await expect(offer).toBeVisible();
    await offer.getByRole('link', { name: 'Auf Deutsch wechseln' }).click();
    await expect(page).toHaveURL(/\/de$/);
    await expect(page.locator('[data-language-offer]')).toHaveCount(0);
    await page.goto('/de');
    await expect(page.getByRole('heading', { name: 'Komponenten' })).toBeVisible();
    await expect(page.locator('[data-language-offer]')).toHaveCount(0);
    await context.close();
  });

  test('the switcher refuses a return address off the site', async ({ request }) => {
    for (const url of ['/language?to=de&from=//evil.example', '/language?to=xx&from=/', '/language?to=de&from=https://evil.example']) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(400);
    }
  });
});

test.describe('operator text in the reader’s language', () => {
  const ACTIVE = 'Packet loss on the EU internet breakout';
  async function activeIncident(request: import('@playwright/test').APIRequestContext): Promise<string> {
    const { incidents } = (await (await request.get('/api/v2/incidents/unresolved.json')).json()) as { incidents: { id: string; name: string }[] };
    return incidents.find((i) => i.name === ACTIVE)!.id;
  }

  test('a translated incident, its updates and a component read in German on /de', async ({ page, request }) => {
    const id = await activeIncident(request);
    await page.goto(`/de/incidents/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Paketverluste am EU-Internet-Breakout');
    await expect(page.getByText('Wir untersuchen die Ursache.')).toBeVisible();
    await expect(page.getByText('We are investigating.')).toHaveCount(0);
    await expect(page.locator('[data-original-note]')).toHaveCount(0);
    await expect(page).toHaveTitle(/^Paketverluste am EU-Internet-Breakout/);

    await page.goto('/de');
    await expect(page.locator(`[data-incident="${id}"] h3`)).toHaveText('Paketverluste am EU-Internet-Breakout');
    await expect(page.locator('[data-component]').getByRole('link', { name: 'Datendienst', exact: true })).toBeVisible();
    // The live document the page revalidates from carries the translation, so an update keeps the language.
    const doc = (await (await request.get(`/api/page/incidents/${id}.json`)).json()) as { incident: { translations?: unknown; updates: { htmlIn?: Record<string, string> }[] } };
    expect(doc.incident.translations).toMatchObject({ de: { name: 'Paketverluste am EU-Internet-Breakout' } });
    expect(doc.incident.updates.some((u) => u.htmlIn?.de?.includes('Wir untersuchen die Ursache.'))).toBe(true);
  });

  test('an untranslated text shows the original, marked with its language and a note in the reader’s', async ({ page, request }) => {
    const id = await activeIncident(request);
    await page.goto(`/it/incidents/${id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(ACTIVE);
    await expect(heading.locator('[lang="en"]')).toHaveText(ACTIVE);
    await expect(heading.locator('[data-original-note]')).toHaveText('(Originale in inglese)');
    await expect(page.locator('.markdown[lang="en"]').first()).toBeVisible();
    await screenshot(page, 'i18n-it-incident-original');

    // English readers of an English page see the text exactly as written, with no note.
    await page.goto(`/incidents/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ACTIVE);
    await expect(page.locator('[data-original-note]')).toHaveCount(0);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_AUDIENCES, DEMO_FILE_NAME, DEMO_NOTICE } from '../lib/demo/audiences';
import { DEMO_ACTIVE_INCIDENT } from '../lib/demo/scenario';
import { expect, test } from './fixtures/operators';
import { screenshot } from './screenshot';
import { shots } from './support/shots';
import { signInMail } from './support/member-sign-in';

const [, INITECH] = DEMO_AUDIENCES;

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
const accessCatalog = (locale: string) => new Map(flatten(JSON.parse(fs.readFileSync(path.join('messages', locale, 'access.json'), 'utf8')) as Tree));

/** The access catalog's English phrases (no placeholder, translated differently) a page in `locale` must not show. */
function englishLeftovers(locale: string): string[] {
  const other = accessCatalog(locale);
  return [...accessCatalog('en')].filter(([key, text]) => text.includes(' ') && text.length >= 12 && !/[{<]/.test(text) && other.get(key) !== text).map(([, text]) => text);
}

async function expectNoEnglish(page: Page, locale: string) {
  const text = await page.locator('body').innerText();
  for (const english of englishLeftovers(locale)) expect(text, `${page.url()} shows "${english}"`).not.toContain(english);
}

/** How far the page is wider than the window. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('issue #15: the member pages in the reader’s language', () => {
  test.describe.configure({ timeout: 180_000 });

  test('/de/access/sign-in is German, says so, and keeps /de on its links', async ({ page }) => {
    await page.goto('/de');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Kundenanmeldung' }).click();
    await expect(page).toHaveURL(/\/de\/access\/sign-in$/);
    const res = await page.reload();
    expect(res?.headers()['content-language']).toBe('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle('Kundenanmeldung');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kundenanmeldung');
    await expect(page.getByLabel('Geschäftliche E-Mail-Adresse')).toBeVisible();
    await expectNoEnglish(page, 'de');
    await shots(page, 'access-de-sign-in');
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await overflow(page), 'overflows at 390 px').toBeLessThanOrEqual(0);

    // A stranger's request is answered in German too, as a member's would be.
    await page.getByLabel('Geschäftliche E-Mail-Adresse').fill(`nobody-${Date.now()}@elsewhere.example`);
    await page.getByRole('button', { name: 'Anmeldelink per E-Mail senden' }).click();
    await expect(page.getByText('Wenn sich diese Adresse anmelden darf, ist ein Link unterwegs.')).toBeVisible();

    // A broken link points to the German sign-in page; the way back is the German status page.
    await page.goto('/de/access/verify?token=short');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dieser Link funktioniert nicht');
    await page.getByRole('link', { name: 'Fordern Sie einen neuen Anmeldelink an' }).click();
    await expect(page).toHaveURL(/\/de\/access\/sign-in$/);
    await page.getByRole('link', { name: 'Zurück zur Statusseite' }).click();
    await expect(page).toHaveURL(/\/de$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    // A spent or made-up token is refused in German.
    await page.goto('/de/access/verify?token=notarealtokenbutlongenough');
    await page.getByRole('button', { name: 'Auf diesem Gerät anmelden' }).click();
    await expect(page.getByText('Dieser Anmeldelink ist abgelaufen oder wurde bereits verwendet.')).toBeVisible();
  });

  test('a member who signs in from /fr gets a French mail and link, and sees their bar, notices and files in French', async ({ browser, adminPage }) => {
    const email = `e2e-fr-${Date.now()}@${INITECH.domain}`;
    const context = await browser.newContext();
    const member = await context.newPage();
    await member.goto('/fr');
    await member.getByRole('contentinfo').getByRole('link', { name: 'Connexion client' }).click();
    await expect(member).toHaveURL(/\/fr\/access\/sign-in$/);
    await member.getByLabel('Adresse e-mail professionnelle').fill(email);
    await member.getByRole('button', { name: 'Recevoir un lien de connexion' }).click();
    await expect(member.getByText('Si cette adresse est autorisée à se connecter, un lien est en route.')).toBeVisible();

    const { text, link } = await signInMail(adminPage, email);
    expect(text).toContain('Quelqu’un (vous, nous l’espérons) a demandé à se connecter');
    expect(link.pathname, text).toBe('/fr/access/verify');

    await member.goto(link.pathname + link.search);
    await expect(member.locator('html')).toHaveAttribute('lang', 'fr');
    await member.getByRole('button', { name: 'Se connecter sur cet appareil' }).click();
    await expect(member).toHaveURL(/\/fr$/);

    // The member's own page, in French: the bar, the early notice and the private mark.
    const bar = member.locator('[data-member]');
    await expect(bar).toContainText(`Connecté en tant que ${email} · ${INITECH.name} (Enterprise)`);
    await expect(member.getByRole('heading', { name: 'Avis à votre attention' })).toBeVisible();
    const notice = member.locator('[data-member-notice]').filter({ hasText: DEMO_NOTICE.title });
    await expect(notice).toContainText('Avis anticipé');
    await expect(notice).toContainText('non visible sur la page publique');
    await expect(member.locator('[data-private-to="Initech Fleet"]').first()).toHaveText('Réservé à Initech Fleet');
    await expectNoEnglish(member, 'fr');
    await member.setViewportSize({ width: 390, height: 900 });
    await screenshot(member, 'access-fr-member-home-390');
    expect(await overflow(member), 'the member page overflows at 390 px').toBeLessThanOrEqual(0);

    // The incident's files, in French too.
    const incidents = (await (await member.request.get('/api/v2/incidents/unresolved.json')).json()) as { incidents: { id: string; name: string }[] };
    const incidentId = incidents.incidents.find((i) => i.name === DEMO_ACTIVE_INCIDENT.name)!.id;
    await member.goto(`/fr/incidents/${incidentId}`);
    const files = member.locator('section[data-section="files"]');
    await expect(files.getByRole('heading', { name: 'Fichiers' })).toBeVisible();
    await expect(files.locator(`[data-file="${DEMO_FILE_NAME}"]`)).toContainText(/Capture réseau \(pcap\) · [\d\s,]+\s(octets|ko) · ajouté le/);
    await expect(member.locator('[data-member]')).toContainText('Connecté en tant que');
    await expectNoEnglish(member, 'fr');
    await files.screenshot({ path: 'test-results/screenshots/access-fr-incident-files-390.png' });

    // From the bar to the member's feeds page, still in French; signing out stays there too.
    await member.locator('[data-member]').getByRole('link', { name: 'Vos alertes, flux et votre API' }).click();
    await expect(member).toHaveURL(/\/fr\/access\/channels$/);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Vos alertes, flux et votre API');
    await member.getByRole('button', { name: 'Créer un jeton' }).click();
    await expect(member.getByText('Votre nouveau jeton.')).toBeVisible();
    await expect(member.getByRole('button', { name: 'Copier : Jeton d’API' })).toBeVisible();
    await expectNoEnglish(member, 'fr');

    await member.goto('/fr');
    await member.locator('[data-member]').getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(member).toHaveURL(/\/fr\/access\/sign-in\?signedOut=1$/);
    await expect(member.getByText('Déconnexion effectuée sur cet appareil.')).toBeVisible();
    await context.close();
  });
});

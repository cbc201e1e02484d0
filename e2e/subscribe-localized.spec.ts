import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import SqliteDatabase from '@/lib/db/sqlite-driver';
import { expect, test } from './fixtures/operators';
import { screenshot } from './screenshot';

// The e2e server's database (see playwright.config.ts): the dev mailbox is read from it, as in subscribe.spec.ts.
const DB_FILE = `data/e2e-${process.env.E2E_PORT ?? 3100}.db`;

interface Mail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  created_at: string;
}

/** Waits for a message to `to` whose subject contains `subject` in the dev mailbox. */
async function mailTo(to: string, subject: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        const db = new SqliteDatabase(DB_FILE, { readonly: true, fileMustExist: true });
        try {
          const row = db
            .prepare('select subject, html, text, headers, created_at from dev_mailbox where "to" = ? and instr(subject, ?) > 0 order by created_at desc limit 1')
            .get(to, subject) as (Omit<Mail, 'headers'> & { headers: string }) | undefined;
          found = row && { ...row, headers: JSON.parse(row.headers) as Record<string, string> };
          return Boolean(found);
        } finally {
          db.close();
        }
      },
      { timeout: 20_000, message: `mail "${subject}" to ${to}` },
    )
    .toBe(true);
  return found!;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`);
}

/** Screenshots at phone and desktop width, light and dark, each checked with axe. */
async function shootAll(page: Page, name: string, prepare: () => Promise<void>) {
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await prepare();
      await screenshot(page, `${name}-${width}-${scheme}`);
      expect(await seriousViolations(page)).toEqual([]);
    }
  }
}

test('subscribe in German with Berlin time → confirm → an English incident with a German translation arrives in German', async ({ page, adminPage }) => {
  // Sixteen screenshots, each checked with axe, and two mail round trips through the worker, on shared cores.
  test.setTimeout(300_000);
  const email = `de-${Date.now()}@example.com`;
  const stamp = Date.now();
  const title = `SMS delivery delayed ${stamp}`;
  const germanTitle = `SMS-Zustellung verzögert ${stamp}`;

  await shootAll(page, 'subscribe-language', async () => {
    await page.goto('/subscribe');
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  });
  // On the German page the fields are German, and German alerts are the default.
  await page.goto('/de/subscribe');
  await expect(page.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
  await expect(page.getByLabel('Zeitzone')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/subscribe');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await page.getByLabel('Time zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Subscribe by email' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('confirmation link is on its way');

  const confirmation = await mailTo(email, 'Bitte bestätigen Sie Ihr Abonnement');
  expect(confirmation.headers['Content-Language']).toBe('de');
  expect(confirmation.html).toContain('<html lang="de">');
  // The link opens the confirm page in the subscriber's language: the e2e page's default is English.
  const confirmUrl = /href="([^"]+\/subscriptions\/confirm\/[\w-]+)"/.exec(confirmation.html)![1]!;
  expect(new URL(confirmUrl).pathname).toMatch(/^\/de\/subscriptions\/confirm\/[\w-]+$/);
  expect(confirmation.text).toContain(confirmUrl);
  await shootAll(page, 'subscription-confirm-de', async () => {
    await page.goto(confirmUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Bestätigen Sie Ihr Abonnement' })).toBeVisible();
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(confirmUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveTitle(/^Abonnement bestätigen/);
  await expect(page.getByRole('main')).toContainText(`Statusmeldungen von`);
  await expect(page.getByRole('main').getByText(email)).toBeVisible();
  await page.getByRole('button', { name: 'Abonnement bestätigen' }).click();
  await expect(page.getByRole('heading', { name: 'Ihr Abonnement ist aktiv' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(`Ihr Abonnement ist aktiv. Meldungen gehen an ${email}.`);
  await page.getByRole('link', { name: 'Komponenten und Ereignisse auswählen' }).click();
  // The manage page stays in German and shows (and can change) the language and zone chosen.
  await expect(page).toHaveURL(/\/de\/subscriptions\/manage\/[\w-]+$/);
  const manageUrl = page.url();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1, name: 'Ihr Abonnement verwalten' })).toBeVisible();
  await expect(page.getByTestId('subscription-state')).toHaveText('Aktiv');
  await expect(page.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
  await expect(page.getByLabel('Zeitzone')).toHaveValue('Europe/Berlin');
  await shootAll(page, 'subscription-manage-de', async () => {
    await page.goto(manageUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Ihr Abonnement verwalten' })).toBeVisible();
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });

  // A change is saved and confirmed in German, and is still there on the next visit.
  const maintenance = page.getByRole('checkbox', { name: 'Hinweise zu geplanten Wartungen' });
  await expect(maintenance).toBeChecked();
  await maintenance.uncheck();
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await expect(page.getByRole('form', { name: 'Einstellungen' }).getByRole('status')).toHaveText('Ihre Einstellungen wurden gespeichert.');
  await page.goto(manageUrl);
  await expect(page.getByRole('checkbox', { name: 'Hinweise zu geplanten Wartungen' })).not.toBeChecked();
  await expect(page.getByLabel('Zeitzone')).toHaveValue('Europe/Berlin');

  // Refusals come back in German, each beside the field it names as the page shows it.
  await page.getByRole('radio', { name: 'Nur die Komponenten, die ich auswähle' }).check();
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Bitte korrigieren Sie die markierten Felder.');
  await expect(page.getByText('Komponenten: wählen Sie mindestens eine Komponente oder alle Komponenten')).toBeVisible();
  // A zone the list does not offer (a hand-edited form) is refused by the service, in German too.
  await page.goto(manageUrl);
  await page.getByLabel('Zeitzone').evaluate((select: HTMLSelectElement) => select.add(new Option('Mars/Olympus', 'Mars/Olympus', true, true)));
  await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Bitte korrigieren Sie die markierten Felder.');
  await expect(page.getByLabel('Zeitzone')).toHaveAccessibleDescription(/Zeitzone muss eine IANA-Zeitzone wie „Europe\/Berlin“ sein/);
  await page.goto(manageUrl);
  await expect(page.getByLabel('Zeitzone')).toHaveValue('Europe/Berlin');

  // The operator writes in English and adds German in the composer's Translations section.
  await adminPage.goto('/admin/incidents/new');
  await adminPage.getByLabel('Title', { exact: true }).fill(title);
  await adminPage.getByLabel(/^SMS/).selectOption('partial_outage');
  await adminPage.getByLabel('Message (markdown)').fill('Some SMS are **delivered late**. We are investigating.');
  await adminPage.getByText('Add Deutsch (de)').click();
  await adminPage.getByLabel('Titel (Deutsch)').fill(germanTitle);
  await adminPage.getByLabel('Meldung (Deutsch)').fill('Einige SMS werden **verspätet zugestellt**. Wir untersuchen die Ursache.');
  const section = adminPage.getByTestId('incident-translations');
  for (const width of [1280, 390]) {
    for (const scheme of ['light', 'dark'] as const) {
      await adminPage.setViewportSize({ width, height: 900 });
      await adminPage.emulateMedia({ colorScheme: scheme });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `test-results/screenshots/composer-translations-${width}-${scheme}.png` });
      expect(await seriousViolations(adminPage)).toEqual([]);
    }
  }
  await adminPage.setViewportSize({ width: 1280, height: 900 });
  await adminPage.getByRole('button', { name: 'Open incident' }).click();
  await expect(adminPage).toHaveURL(/\/admin\/incidents\/[a-z0-9]{12}$/);

  const alert = await mailTo(email, germanTitle);
  expect(alert.subject).toMatch(new RegExp(`^\\[.+ Status\\] Wird untersucht: ${germanTitle} \\(SMS\\)$`));
  expect(alert.headers['Content-Language']).toBe('de');
  expect(alert.html).toContain('<html lang="de">');
  expect(alert.text).toContain('Einige SMS werden **verspätet zugestellt**.');
  // SMS may already be down from another spec's incident: its old status is whatever it was, in German.
  expect(alert.text).toMatch(/- SMS: (Betriebsbereit|Eingeschränkte Leistung|Teilausfall|Schwerer Ausfall|In Wartung) → Teilausfall/);
  expect(alert.text).not.toContain('Original auf Englisch');
  // The alert's links open the subscriber's pages in German; the one-click unsubscribe is an API, never prefixed.
  expect(alert.text).toContain(`: ${manageUrl}`);
  expect(alert.text).toMatch(/: http\S+\/de\/subscriptions\/unsubscribe\/[\w-]+$/m);
  expect(alert.headers['List-Unsubscribe']).toMatch(/^<http\S+\/api\/subscriptions\/unsubscribe\/[\w-]+>$/);
  // Berlin time: December is CET (MEZ), one hour ahead of UTC.
  const posted = /Veröffentlicht (.+)/.exec(alert.text)![1]!;
  const sentAt = new Date(alert.created_at);
  const berlin = (d: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(d);
  const candidates = [-1, 0].map((m) => berlin(new Date(sentAt.getTime() + m * 60_000)));
  expect(candidates.some((c) => posted.includes(c))).toBe(true);
  expect(posted).toMatch(/MEZ|MESZ/);

  await page.setContent(alert.html);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(germanTitle);
  await screenshot(page, 'alert-email-de');

  // The unsubscribe link: a German page whose button ends the subscription.
  const unsubscribeUrl = /: (http\S+\/de\/subscriptions\/unsubscribe\/[\w-]+)$/m.exec(alert.text)![1]!;
  await page.goto(unsubscribeUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Statusmeldungen von .+ abbestellen$/);
  await page.getByRole('button', { name: 'Ja, abmelden' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Sie sind abgemeldet. Es werden keine Meldungen mehr gesendet.');
  await page.goto(manageUrl);
  await expect(page.getByTestId('subscription-state')).toHaveText('Abgemeldet');
});

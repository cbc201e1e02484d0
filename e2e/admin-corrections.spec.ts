import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures/operators';
import { screenshot } from './screenshot';

/** Serious and critical axe violations (WCAG 2.2 AA), as e2e/accessibility.spec.ts counts them. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ')}`);
}

/** An admin page whose datetime fields and the status page's days share one time zone. */
async function adminIn(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  await signIn(page, 'admin');
  return page;
}

/** Opens an incident from the composer, with the component statuses given by label, and returns its id. */
async function openIncident(page: Page, title: string, statuses: Record<string, string> = {}): Promise<string> {
  await page.goto('/admin/incidents/new');
  await page.getByLabel('Title').fill(title);
  for (const [name, status] of Object.entries(statuses)) {
    const select = page.getByLabel(`${name} status`, { exact: true });
    if (!(await select.isVisible())) await page.getByLabel('Filter components').fill(name);
    await select.selectOption(status);
  }
  await page.getByLabel('Message (markdown)').fill('We are investigatign.');
  await page.getByRole('button', { name: 'Open incident' }).click();
  // Opening writes and rebuilds snapshots: slow on a loaded machine.
  await expect(page).toHaveURL(/\/admin\/incidents\/[a-z0-9]{12}$/, { timeout: 20_000 });
  return page.url().split('/').pop()!;
}

/** Resolves the incident the page shows. */
async function resolve(page: Page) {
  const section = page.getByRole('region', { name: 'Resolve' });
  await section.getByRole('button', { name: 'Resolve incident' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Incident resolved.' })).toBeVisible(); // the console's toast
}

/** Shifts a `datetime-local` value by some minutes, in the browser's own zone. */
function shifted(page: Page, value: string, minutes: number): Promise<string> {
  return page.evaluate(
    ([v, m]) => {
      const d = new Date(new Date(v as string).getTime() + (m as number) * 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    },
    [value, minutes] as const,
  );
}

test.describe('fixing mistakes from the console', () => {
  test('renames an incident and edits an update; the public page shows both, marked edited', async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await adminIn(browser);
    const visitor = await (await browser.newContext()).newPage();
    const stamp = Date.now();
    const id = await openIncident(page, `Portal slwo ${stamp}`);

    await page.getByLabel('Title', { exact: true }).fill(`Portal slow ${stamp}`);
    await page.getByRole('button', { name: 'Save corrections' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Incident corrected.' })).toBeVisible(); // the console's toast
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Portal slow ${stamp}`);

    const update = page.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li').first();
    await update.getByText('Correct or withdraw').click();
    await update.getByRole('textbox').fill('We are investigating slow portal pages.');
    await update.getByRole('button', { name: 'Save text' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Update corrected.' })).toBeVisible(); // the console's toast

    await expect(async () => {
      await visitor.goto(`/incidents/${id}`);
      await expect(visitor.getByRole('heading', { level: 1 })).toContainText(`Portal slow ${stamp}`, { timeout: 500 });
      const first = visitor.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li').first();
      await expect(first).toContainText('We are investigating slow portal pages.', { timeout: 500 });
      await expect(first.locator('[data-edited]')).toContainText('edited', { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(visitor.getByText('investigatign')).toHaveCount(0);

    await resolve(page);
  });

  test('withdraws an update posted by mistake: gone from the public page, kept folded in the console', async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await adminIn(browser);
    const visitor = await (await browser.newContext()).newPage();
    const stamp = Date.now();
    const id = await openIncident(page, `Roaming partner outage ${stamp}`);
    const mistake = `Posted to the wrong incident ${stamp}`;
    await page.getByLabel('Status', { exact: true }).selectOption('identified');
    await page.getByLabel('Message (markdown)').first().fill(mistake);
    await page.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Update posted.' })).toBeVisible();
    await page.reload();

    const update = page.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li').filter({ hasText: mistake });
    await update.getByText('Correct or withdraw').click();
    page.once('dialog', (dialog) => dialog.accept());
    await update.getByRole('button', { name: 'Withdraw this update' }).click();
    await expect(page.getByRole('list', { name: 'Updates, newest first' }).getByText(mistake)).toHaveCount(0);

    const withdrawn = page.locator('[data-withdrawn-updates]');
    await withdrawn.getByText('Withdrawn updates (1)').click();
    await expect(withdrawn).toContainText(mistake);
    await expect(withdrawn.getByRole('link', { name: 'who and why' })).toHaveAttribute('href', /\/admin\/audit\?entity=incident_update&id=[a-z0-9]{12}$/);
    await screenshot(page, 'admin-incident-withdrawn');

    await expect(async () => {
      await visitor.goto(`/incidents/${id}`);
      await expect(visitor.getByText('We are investigatign.')).toBeVisible({ timeout: 500 });
      await expect(visitor.getByText(mistake)).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await resolve(page);
  });

  test('corrects the text of a maintenance update; the public page marks it edited', async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await adminIn(browser);
    const visitor = await (await browser.newContext()).newPage();
    const stamp = Date.now();
    await page.goto('/admin/maintenance/new');
    await page.getByLabel('Title').fill(`SMSC patch ${stamp}`);
    const local = (d: Date) => {
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    await page.getByLabel('Starts').fill(local(new Date(stamp + 2 * 86_400_000)));
    await page.getByLabel('Ends').fill(local(new Date(stamp + 2 * 86_400_000 + 3_600_000)));
    await page.getByLabel('Message (markdown)').fill('We will patch the SMSC in Frankfrut.');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await expect(page).toHaveURL(/\/admin\/maintenance\/[a-z0-9]{12}$/);
    const id = page.url().split('/').pop()!;

    const update = page.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li').first();
    await update.getByText('Correct or withdraw').click();
    await update.getByRole('textbox').fill('We will patch the SMSC in Frankfurt.');
    await update.getByRole('button', { name: 'Save text' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Update corrected.' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Updates, newest first' })).toContainText('We will patch the SMSC in Frankfurt.');

    await expect(async () => {
      await visitor.goto(`/incidents/${id}`);
      const first = visitor.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li').first();
      await expect(first).toContainText('We will patch the SMSC in Frankfurt.', { timeout: 500 });
      await expect(first.locator('[data-edited]')).toContainText('edited', { timeout: 500 });
    }).toPass({ timeout: 10_000 });
  });

  test('reopens a resolved incident: back in the active list, subscribers not told by default', async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await adminIn(browser);
    const visitor = await (await browser.newContext()).newPage();
    const title = `API errors ${Date.now()}`;
    const id = await openIncident(page, title);
    await resolve(page);
    await page.reload();

    const reopen = page.getByRole('region', { name: 'Reopen' });
    await expect(reopen.getByLabel('Notify subscribers')).not.toBeChecked();
    await reopen.getByLabel('Status', { exact: true }).selectOption('identified');
    await reopen.getByRole('button', { name: 'Reopen incident' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Incident reopened.' })).toBeVisible(); // the console's toast

    await page.goto('/admin/incidents');
    await expect(page.getByRole('region', { name: 'Open' }).locator(`tr[data-incident="${id}"]`)).toContainText('Identified');
    await expect(async () => {
      await visitor.goto('/');
      await expect(visitor.locator(`article[data-incident="${id}"]`)).toContainText(title, { timeout: 500 });
    }).toPass({ timeout: 10_000 });

    await page.goto(`/admin/incidents/${id}`);
    await resolve(page);
  });

  test("corrects when an outage really began and ended, and that day's uptime bar follows", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await adminIn(browser);
    const visitor = await (await browser.newContext({ timezoneId: 'Europe/Berlin' })).newPage();
    const id = await openIncident(page, `Asia-Pacific breakout down ${Date.now()}`, { 'Asia-Pacific': 'major_outage' });
    await resolve(page);
    await page.reload();

    const componentId = await page.locator('[data-intervals]').first().getAttribute('data-intervals');
    const outage = page.locator('[data-intervals] li').filter({ hasText: 'Major outage' }).last();
    const from = outage.getByLabel('From');
    const until = outage.getByLabel('Until');
    const bar = visitor.locator(`[data-uptime="${componentId}"]`);
    const today = async () => {
      await visitor.goto('/');
      return (await bar.getAttribute('aria-valuetext')) ?? '';
    };
    await expect(async () => expect(await today()).toMatch(/Major outage: less than a minute/)).toPass({ timeout: 10_000 });

    // Began an hour earlier than posted (or at the start of the day, if that is later).
    const began = await from.inputValue();
    const earlier = await shifted(page, began, -60);
    const start = earlier.slice(0, 10) === began.slice(0, 10) ? earlier : `${began.slice(0, 10)}T00:00:01`;
    await from.fill(start);
    await outage.getByRole('button', { name: 'Save times' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Times corrected; uptime follows.' })).toBeVisible(); // the console's toast
    await expect(async () => expect(await today()).toMatch(/Major outage: \d+ (hour|minute)/)).toPass({ timeout: 10_000 });
    const longer = await today();

    // And came back a minute after it began: the bar shows the shorter outage.
    await page.reload();
    await until.fill(await shifted(page, start, 1));
    await outage.getByRole('button', { name: 'Save times' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Times corrected; uptime follows.' })).toBeVisible(); // the console's toast
    await expect(async () => {
      const text = await today();
      expect(text).not.toBe(longer);
      expect(text).toMatch(/Major outage: 1 minute(,|$)/);
    }).toPass({ timeout: 10_000 });

    // A bad correction is refused with the field named, and changes nothing.
    await page.reload();
    await until.fill(await shifted(page, start, -5));
    await outage.getByRole('button', { name: 'Save times' }).click();
    await expect(outage.getByRole('alert')).toContainText('Left this status at must be after the start');
    expect(id).toMatch(/^[a-z0-9]{12}$/);
  });

  test('sets the status of a whole group in one action, picked from a template', async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await adminIn(browser);
    await page.goto('/admin/incidents/new');

    // The template fills everything: title, class, scope, text and component statuses.
    await page.getByLabel('Start from a template').selectOption({ label: 'Roaming partner outage' });
    await expect(page.getByLabel('Title')).toHaveValue('Roaming partner outage in Germany');
    await expect(page.getByLabel('Class')).toHaveValue('operational');
    await expect(page.getByLabel('Regions')).toHaveValue('Germany');
    await expect(page.getByLabel('Germany status', { exact: true })).toHaveValue('partial_outage');
    await expect(page.getByLabel('Message (markdown)')).toHaveValue(/partner network in Germany/);
    await page.getByLabel('Title').fill(`Roaming partners down ${Date.now()}`);

    // A filter box narrows the list...
    const picker = page.getByTestId('component-picker');
    await picker.getByLabel('Filter components').fill('bra');
    await expect(picker.getByLabel('Brazil status', { exact: true })).toBeVisible();
    await expect(picker.getByLabel('SMS status', { exact: true })).toBeHidden();
    await picker.getByLabel('Filter components').fill('');
    await screenshot(page, 'admin-composer-template');

    // ...and a whole group gets one status at once.
    // The group is open already: the template gave one of its components a status.
    await expect(picker.getByLabel('Select all of Roaming networks')).toBeVisible();
    await picker.getByLabel('Select all of Roaming networks').check();
    await picker.getByLabel(/^Status for the 5 selected/).selectOption('major_outage');
    await picker.getByRole('button', { name: 'Set status' }).click();
    for (const country of ['Germany', 'United States', 'Brazil', 'India', 'Japan']) {
      await expect(picker.getByLabel(`${country} status`, { exact: true })).toHaveValue('major_outage');
    }
    await page.getByRole('button', { name: 'Open incident' }).click();
    await expect(page).toHaveURL(/\/admin\/incidents\/[a-z0-9]{12}$/, { timeout: 20_000 });

    const first = page.getByRole('list', { name: 'Updates, newest first' }).locator(':scope > li').first();
    for (const country of ['Germany', 'United States', 'Brazil', 'India', 'Japan']) {
      await expect(first).toContainText(`${country}: Operational → Major Outage`);
    }
    await resolve(page);
  });

  test('the composer and the incident page read well and pass axe: desktop and phone, light and dark', async ({ browser }) => {
    test.setTimeout(150_000);
    const page = await adminIn(browser);
    const id = await openIncident(page, `Data Streamer delays ${Date.now()}`, { 'Data Streamer': 'degraded_performance' });
    const views = async (stage: string, path: string, prepare: () => Promise<void>) => {
      for (const scheme of ['light', 'dark'] as const) {
        for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.setViewportSize({ width, height: 900 });
          await page.goto(path);
          await prepare();
          await screenshot(page, `${stage}-${label}-${scheme}`);
          expect(await seriousViolations(page), `${stage} ${label} ${scheme}`).toEqual([]);
          // The console's own navigation is not this page's: only the main content must fit.
          const overflow = await page.locator('main').evaluate((main) => main.scrollWidth - main.clientWidth);
          expect(overflow, `${stage} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
        }
      }
    };
    await views('admin-composer', '/admin/incidents/new', async () => {
      await page.getByLabel('Start from a template').selectOption({ label: 'Data service degraded in a region' });
      await expect(page.getByTestId('body-preview')).toContainText('slow or failing data sessions');
    });
    await views('admin-incident', `/admin/incidents/${id}`, async () => {
      await page.getByRole('list', { name: 'Updates, newest first' }).getByText('Correct or withdraw').first().click();
    });
    await resolve(page);
    await views('admin-incident-resolved', `/admin/incidents/${id}`, async () => {
      await expect(page.getByRole('region', { name: 'Reopen' })).toBeVisible();
    });
  });
});

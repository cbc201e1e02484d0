import { expect, test } from './fixtures/operators';
import { screenshot } from './screenshot';

interface V2Incident {
  id: string;
  status: string;
  resolved_at: string | null;
}

const DAY_MS = 86_400_000;

test.describe('deleting from the console', () => {
  test('a resolved incident younger than 365 days cannot be deleted; the page says when it can', async ({ adminPage: page, request }) => {
    const { incidents } = (await (await request.get('/api/v2/incidents.json')).json()) as { incidents: V2Incident[] };
    const recent = incidents.find((i) => i.status === 'resolved' && i.resolved_at && Date.now() - Date.parse(i.resolved_at) < 300 * DAY_MS);
    expect(recent, 'the demo has incidents resolved this year').toBeDefined();

    await page.goto(`/admin/incidents/${recent!.id}`);
    const section = page.getByRole('region', { name: 'Delete' });
    await expect(section).toContainText('kept in the public history for 365 days');
    await expect(section).toContainText('can be deleted from');
    await expect(section.getByRole('button')).toHaveCount(0);
    await screenshot(page, 'admin-incident-retained');
  });

  test('an incident opened by mistake is deleted after confirming, and is gone everywhere', async ({ adminPage: page, request }) => {
    const title = `Opened by mistake ${Date.now()}`;
    await page.goto('/admin/incidents/new');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Message (markdown)').fill('Wrong page, sorry.');
    await page.getByLabel('Notify subscribers').uncheck();
    await page.getByRole('button', { name: 'Open incident' }).click();
    await expect(page).toHaveURL(/\/admin\/incidents\/[a-z0-9]{12}$/);
    const id = page.url().split('/').pop()!;

    const section = page.getByRole('region', { name: 'Delete' });
    await expect(section).toContainText('still open');
    await section.getByRole('button', { name: 'Delete incident' }).click();
    await expect(section.getByRole('alert')).toContainText('Tick the box to confirm the deletion');
    await page.goto(`/admin/incidents/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    await section.getByLabel('I understand this incident is deleted for good').check();
    await section.getByRole('button', { name: 'Delete incident' }).click();
    await expect(page).toHaveURL(/\/admin\/incidents$/);
    await expect(page.locator(`tr[data-incident="${id}"]`)).toHaveCount(0);
    expect((await request.get(`/incidents/${id}`)).status()).toBe(404);
    await expect(async () => {
      const { incidents } = (await (await request.get('/api/v2/incidents/unresolved.json')).json()) as { incidents: V2Incident[] };
      expect(incidents.map((i) => i.id)).not.toContain(id);
    }).toPass({ timeout: 10_000 });
  });

  test('a responder is not offered deletion', async ({ responderPage: page, request }) => {
    const { incidents } = (await (await request.get('/api/v2/incidents.json')).json()) as { incidents: V2Incident[] };
    await page.goto(`/admin/incidents/${incidents[0]!.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Delete' })).toHaveCount(0);
  });
});

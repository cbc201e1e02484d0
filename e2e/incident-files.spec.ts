import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import Database from '@/lib/db/sqlite-driver';
import type { Locator, Page } from '@playwright/test';
import { DEMO_AUDIENCES, DEMO_FILE_NAME } from '../lib/demo/audiences';
import { demoTrace } from '../lib/demo/pcap';
import { DEMO_ACTIVE_INCIDENT } from '../lib/demo/scenario';
import { expect, test } from './fixtures/operators';
import { BASE_PORT } from './support/beacon-server';
import { signInAsMember } from './support/member-sign-in';

const [GLOBEX, INITECH] = DEMO_AUDIENCES;
const DB_FILE = `data/e2e-${BASE_PORT}.db`;

/** The section at 1280 and 390 px, light and dark, saved for a human and checked with axe. */
async function shots(page: Page, section: Locator, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await section.screenshot({ path: `test-results/screenshots/${name}-${width}-${scheme}.png` });
      const results = await new AxeBuilder({ page }).include('[data-section="files"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
      expect(serious, `${name} ${width} ${scheme}`).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The audit rows of downloads of one file, read from the server's database. */
function downloads(fileId: string): { actor_type: string; actor_name: string }[] {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select actor_type, actor_name from audit_log where action = 'incident_file.download' and entity_id = ?").all(fileId) as { actor_type: string; actor_name: string }[];
  } finally {
    db.close();
  }
}

test.describe('incident files: for the audiences who asked', () => {
  test.describe.configure({ timeout: 180_000 });

  test('an operator uploads a trace, its member downloads the same bytes, nobody else sees it', async ({ browser, adminPage, page: anonymous }) => {
    const incidents = (await (await anonymous.request.get('/api/v2/incidents/unresolved.json')).json()) as { incidents: { id: string; name: string }[] };
    const incidentId = incidents.incidents.find((i) => i.name === DEMO_ACTIVE_INCIDENT.name)!.id;
    const name = `e2e-trace-${Date.now()}.pcap`;
    const trace = Buffer.from(demoTrace(new Date(), 4));

    // The console: the demo's trace is listed; a renamed file is refused by name; the upload goes to Initech only.
    await adminPage.goto(`/admin/incidents/${incidentId}`);
    const section = adminPage.locator('section[data-section="files"]');
    await expect(section.locator(`[data-file="${DEMO_FILE_NAME}"]`)).toContainText('Network trace (pcap)');
    const attach = section.getByRole('form', { name: 'Attach a file' });
    await attach.getByLabel('File', { exact: true }).setInputFiles({ name: 'renamed.pcapng', mimeType: 'application/octet-stream', buffer: trace });
    await attach.getByLabel('Only these audiences').check();
    await attach.getByLabel(INITECH.name, { exact: true }).check();
    await attach.getByRole('button', { name: 'Upload file' }).click();
    await expect(attach.getByRole('alert')).toContainText('renamed.pcapng does not contain what its extension says');

    await attach.getByLabel('File', { exact: true }).setInputFiles({ name, mimeType: 'application/vnd.tcpdump.pcap', buffer: trace });
    await attach.getByRole('button', { name: 'Upload file' }).click();
    const row = section.locator(`[data-file="${name}"]`);
    await expect(row).toContainText('Network trace (pcap)');
    await expect(row.getByLabel(INITECH.name)).toBeChecked();
    await expect(row.getByLabel(GLOBEX.name)).not.toBeChecked();
    // The confirmation, then out of the way of the screenshots.
    const toast = adminPage.getByRole('status').filter({ hasText: `${name} uploaded for ${INITECH.name}.` });
    await expect(toast).toBeVisible();
    await adminPage.getByRole('button', { name: 'Dismiss' }).click();
    await expect(toast).toHaveCount(0);
    await shots(adminPage, section, 'incident-files-console');

    // The server refuses a file one byte over the limit, by name, whatever the browser lets through.
    const tooBig = await adminPage.request.post(`/admin/incidents/${incidentId}/files`, {
      headers: { Origin: new URL(adminPage.url()).origin },
      multipart: { file: { name: 'huge.pcap', mimeType: 'application/octet-stream', buffer: Buffer.concat([trace, Buffer.alloc(20 * 1024 * 1024 + 1 - trace.length)]) }, visibility: 'audiences', audienceIds: 'x' },
    });
    expect(tooBig.status(), await tooBig.text()).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toBe('file: huge.pcap is 20,971,521 bytes; files may be at most 20,971,520 bytes (20 MB)');

    // Initech's member sees it on the incident page and downloads exactly what was uploaded.
    const email = `e2e-files-${Date.now()}@${INITECH.domain}`;
    const member = await signInAsMember(browser, adminPage, email);
    await member.goto(`/incidents/${incidentId}`);
    const files = member.locator('section[data-section="files"]');
    const link = files.getByRole('link', { name, exact: true });
    await expect(link).toBeVisible();
    await expect(files.locator(`[data-file="${name}"]`)).toContainText('Private to Initech Fleet');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/files\/[a-z0-9]+\?member=[a-z0-9]+&expires=\d+&signature=[\w-]{43}$/);
    const fileId = /\/api\/files\/([a-z0-9]+)/.exec(href)![1]!;
    const [download] = await Promise.all([member.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(name);
    expect(fs.readFileSync((await download.path())!).equals(trace)).toBe(true);
    const response = await member.request.get(href);
    expect(response.headers()).toMatchObject({
      'content-type': 'application/vnd.tcpdump.pcap',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    expect(response.headers()['content-disposition']).toMatch(new RegExp(`^attachment; filename="${name}"`));
    expect(Buffer.from(await response.body()).equals(trace)).toBe(true);
    // Each download is audited, as the member.
    expect(downloads(fileId)).toEqual([
      { actor_type: 'member', actor_name: email },
      { actor_type: 'member', actor_name: email },
    ]);
    await shots(member, files, 'incident-files-member');

    // A Globex member does not see it, and the Initech member's link does not open it for them.
    const other = await signInAsMember(browser, adminPage, `e2e-files-${Date.now()}@${GLOBEX.domain}`);
    await other.goto(`/incidents/${incidentId}`);
    await expect(other.locator('[data-member]')).toBeVisible();
    await expect(other.getByText(name)).toHaveCount(0);
    await expect(other.getByText(DEMO_FILE_NAME)).toHaveCount(0);
    expect((await other.request.get(href)).status()).toBe(403);

    // Nor does an anonymous reader: not on the page, and the link alone opens nothing.
    await anonymous.goto(`/incidents/${incidentId}`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toContainText(DEMO_ACTIVE_INCIDENT.name);
    expect(await anonymous.content()).not.toContain(name);
    const stranger = await anonymous.request.get(href);
    expect(stranger.status()).toBe(401);
    expect(await stranger.text()).not.toContain('pcap');

    // Removed in the console: the link stops working at once.
    await adminPage.goto('/admin/audiences');
    adminPage.once('dialog', (d) => void d.accept());
    await adminPage.getByRole('button', { name: `Remove ${email}` }).click();
    await expect(adminPage.getByRole('button', { name: `Remove ${email}` })).toHaveCount(0);
    expect((await member.request.get(href)).status()).toBe(401);
    expect(downloads(fileId)).toHaveLength(2);

    // The operator takes a copy from the console, whoever may see it; that is audited too. Signed out, the URL gives nothing.
    await adminPage.goto(`/admin/incidents/${incidentId}`);
    const [copy] = await Promise.all([adminPage.waitForEvent('download'), adminPage.getByRole('link', { name: `Download ${name}` }).click()]);
    expect(copy.suggestedFilename()).toBe(name);
    expect(fs.readFileSync((await copy.path())!).equals(trace)).toBe(true);
    expect(downloads(fileId)).toHaveLength(3);
    expect(downloads(fileId)[2]).toMatchObject({ actor_type: 'operator' });
    const consoleUrl = `/admin/incidents/${incidentId}/files/${fileId}`;
    const operatorCopy = await adminPage.request.get(consoleUrl);
    expect(operatorCopy.headers()).toMatchObject({ 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; sandbox" });
    const signedOut = await anonymous.request.get(consoleUrl, { maxRedirects: 0 });
    expect(signedOut.status()).toBeGreaterThanOrEqual(300);
    expect(signedOut.status()).toBeLessThan(400);
    expect(signedOut.headers()['location']).toContain('/admin/login');
    expect(downloads(fileId)).toHaveLength(4);

    // The operator deletes the upload; the demo's trace stays.
    adminPage.once('dialog', (d) => void d.accept());
    await adminPage.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(adminPage.locator(`[data-file="${name}"]`)).toHaveCount(0);
    await expect(adminPage.locator(`[data-file="${DEMO_FILE_NAME}"]`)).toBeVisible();
    await member.context().close();
    await other.context().close();
  });
});

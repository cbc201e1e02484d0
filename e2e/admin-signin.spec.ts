import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import SqliteDatabase from '@/lib/db/sqlite-driver';
import { generate } from 'otplib';
import { signIn } from './fixtures/operators';
import { screenshot } from './screenshot';
import { addOperator, nextCode, passwordStep } from './support/operator-accounts';

// The e2e server's database (see playwright.config.ts): the reset test reads the dev mailbox.
const DB_FILE = `data/e2e-${process.env.E2E_PORT ?? 3100}.db`;
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} ${v.nodes[0]?.target.join(' ')}`);
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test.describe('safe sign-in', () => {
  test('enrol TOTP from the shown secret, sign out, sign in again needing the code; a recovery code works once', async ({ browser }) => {
    test.setTimeout(90_000);
    const admin = await freshPage(browser);
    await signIn(admin, 'admin');
    const { email, name } = await addOperator(admin, 'responder');

    const page = await freshPage(browser);
    // A wrong password keeps the email and names the problem.
    await passwordStep(page, email, 'not the password at all');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('The email or password is not right');
    await expect(page.getByLabel('Email')).toHaveValue(email);

    await passwordStep(page, email);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto('/admin/account');
    await page.getByRole('link', { name: 'Set up two-factor sign-in' }).click();
    await expect(page.getByRole('heading', { name: 'Set up two-factor sign-in' })).toBeVisible();
    await page.getByRole('button', { name: 'Show the QR code' }).click();
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' }).locator('svg')).toBeVisible();
    const secret = (await page.getByTestId('totp-secret').getAttribute('data-secret'))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await seriousViolations(page)).toEqual([]);

    // A wrong code is named next to its field and nothing is turned on.
    await page.getByLabel('Code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on two-factor' }).click();
    await expect(page.getByText('Code from the app is not right')).toBeVisible();

    await page.getByLabel('Code from the app').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Turn on two-factor' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'recovery codes' });
    await expect(shown).toBeVisible();
    const codes = await shown.getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(10);
    expect(codes[0]).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);

    // The password alone now leads to the code step, and no further.
    await passwordStep(page, email);
    await expect(page).toHaveURL(/\/admin\/login\/code$/);
    expect(await seriousViolations(page)).toEqual([]);
    const blocked = await page.request.get('/admin', { maxRedirects: 0 });
    expect(blocked.status()).toBe(307);
    await page.getByLabel('Code').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { name: `Hello, ${name}` })).toBeVisible();

    // A recovery code signs in once; the account page then says how many are left.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await passwordStep(page, email);
    await page.getByLabel('Code').fill(codes[4]!.toLowerCase());
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page).toHaveURL(/\/admin\/account\?recovery=used$/);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('9 are left');
    await expect(page.locator('[data-session]').filter({ hasText: 'this browser' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(page).toHaveURL(/\/admin\/login\?signedOut=everywhere$/);
    await expect(page.getByText('You are signed out on every device.')).toBeVisible();
    await passwordStep(page, email);
    await page.getByLabel('Code').fill(codes[4]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByText('Code is not right')).toBeVisible();

    // The admin sees the last sign-in and that two-factor is on.
    await admin.goto('/admin/operators');
    const row = admin.locator(`[data-operator="${email}"]`);
    await expect(row).toContainText('Two-factor: on');
    await expect(row).not.toContainText('Last sign-in: never');
  });

  test('a responder cannot change roles: the page is 403 and a replayed role change is refused', async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const admin = await freshPage(browser);
    await signIn(admin, 'admin');
    const { email } = await addOperator(admin, 'responder');
    const responder = await freshPage(browser);
    await passwordStep(responder, email);
    await expect(responder).toHaveURL(/\/admin$/);
    const page403 = await responder.goto('/admin/operators');
    expect(page403?.status()).toBe(403);
    await expect(responder.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Operators' })).toHaveCount(0);

    // Record the admin's "make this operator an admin" request without letting it through…
    await admin.goto('/admin/operators');
    const row = admin.locator(`[data-operator="${email}"]`);
    let recorded: { headers: Record<string, string>; body: Buffer } | undefined;
    await admin.route('**/admin/operators', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      recorded = { headers: await route.request().allHeaders(), body: route.request().postDataBuffer()! };
      await route.abort();
    });
    await row.getByLabel('Role', { exact: true }).selectOption('admin');
    await row.getByRole('button', { name: /^Change role/ }).click();
    await expect.poll(() => recorded).toBeTruthy();
    await admin.unroute('**/admin/operators');

    // …and send it as the responder, from this site.
    const cookie = (await responder.context().cookies()).find((c) => c.name === 'beacon_session')!;
    const headers = Object.fromEntries(Object.entries(recorded!.headers).filter(([k]) => !['cookie', 'content-length', 'host'].includes(k)));
    const replay = await responder.request.post('/admin/operators', {
      headers: { ...headers, Cookie: `beacon_session=${cookie.value}`, Origin: new URL(baseURL!).origin },
      data: recorded!.body,
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(403);
    await admin.reload();
    await expect(admin.locator(`[data-operator="${email}"]`).getByLabel('Role', { exact: true })).toHaveValue('responder');
    expect((await responder.goto('/admin/operators'))?.status()).toBe(403);

    // The admin can: the toast confirms and the audit log records it by name.
    await admin.locator(`[data-operator="${email}"]`).getByLabel('Role', { exact: true }).selectOption('admin');
    await admin.locator(`[data-operator="${email}"]`).getByRole('button', { name: /^Change role/ }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'is now an admin' })).toBeVisible();
    await admin.goto(`/admin/audit?entity=operator`);
    await expect(admin.locator('[data-audit="operator.role"]').first()).toContainText('role');
  });

  test('an admin sends a reset link by mail; it sets a new password once', async ({ browser }) => {
    test.setTimeout(90_000);
    const admin = await freshPage(browser);
    await signIn(admin, 'admin');
    const { email, name } = await addOperator(admin, 'responder');
    await admin.goto('/admin/operators');
    await admin.getByRole('button', { name: `Send ${name} a password reset link` }).click();
    await expect(admin.getByRole('status').filter({ hasText: `A reset link is on its way to ${email}` })).toBeVisible();

    let link = '';
    await expect
      .poll(() => {
        const db = new SqliteDatabase(DB_FILE, { readonly: true, fileMustExist: true });
        try {
          const row = db.prepare('select text from dev_mailbox where "to" = ? order by created_at desc limit 1').get(email) as { text: string } | undefined;
          link = row?.text.match(/https?:\/\/\S+\/admin\/reset-password\/[\w-]+/)?.[0] ?? '';
          return link;
        } finally {
          db.close();
        }
      })
      .not.toBe('');

    const page = await freshPage(browser);
    await page.goto(new URL(link).pathname);
    await expect(page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('New password', { exact: true }).fill('brand new e2e passphrase');
    await page.getByLabel('Repeat the new password').fill('brand new e2e passphrase!');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page.getByText('Repeat the new password does not match the new password')).toBeVisible();
    await page.getByLabel('Repeat the new password').fill('brand new e2e passphrase');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page).toHaveURL(/\/admin\/login\?done=reset$/);
    await passwordStep(page, email, 'brand new e2e passphrase');
    await expect(page).toHaveURL(/\/admin$/);

    const again = await freshPage(browser);
    await again.goto(new URL(link).pathname);
    await expect(again.getByRole('heading', { name: 'This link no longer works' })).toBeVisible();
  });

  test('sign in and account pages read well and pass axe at desktop and phone width', async ({ browser }) => {
    test.setTimeout(150_000);
    const page = await freshPage(browser);
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto('/admin/login');
        expect(await seriousViolations(page)).toEqual([]);
      }
    }
    await signIn(page, 'admin');
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: scheme });
        for (const [path, shot] of [['/admin/account', 'account'], ['/admin/operators', 'operators'], ['/admin/settings', 'settings']] as const) {
          await page.goto(path);
          await screenshot(page, `console-${shot}-${width}-${scheme}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
          expect(await seriousViolations(page), path).toEqual([]);
        }
      }
    }
  });
});

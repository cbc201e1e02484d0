import { expect, test } from '@playwright/test';
import { signIn } from './fixtures/operators';

test.describe('sessions and cross-site requests', () => {
  test('a session id planted before sign-in is never adopted (no fixation)', async ({ page, context, baseURL }) => {
    const planted = 'attacker-chosen-session-value-0123456789';
    await context.addCookies([{ name: 'beacon_session', value: planted, url: baseURL! }]);
    await signIn(page, 'admin');
    const cookie = (await context.cookies()).find((c) => c.name === 'beacon_session')!;
    expect(cookie.value).not.toBe(planted);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');

    const attacker = await page.request.get('/admin', { headers: { Cookie: `beacon_session=${planted}` }, maxRedirects: 0 });
    expect(attacker.status()).toBe(307);

    // Signing out ends the session on the server, not just in this browser.
    const stolen = cookie.value;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
    const replay = await page.request.get('/admin', { headers: { Cookie: `beacon_session=${stolen}` }, maxRedirects: 0 });
    expect(replay.status()).toBe(307);
  });

  test('a signed-in operator’s browser cannot be made to post from another site', async ({ page, baseURL }) => {
    await signIn(page, 'admin');
    const nameNow = async () => {
      await page.goto('/admin/settings');
      return page.getByLabel('Page name').inputValue();
    };
    const original = await nameNow();

    // Record the exact request the settings form sends, without letting it through.
    let recorded: { headers: Record<string, string>; body: Buffer } | undefined;
    await page.route('**/admin/settings', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      recorded = { headers: await route.request().allHeaders(), body: route.request().postDataBuffer()! };
      await route.abort();
    });
    await page.getByLabel('Page name').fill(`${original} (forged)`);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => recorded).toBeTruthy();
    await page.unroute('**/admin/settings');

    const replay = (headers: Record<string, string>) => {
      const base = Object.fromEntries(
        Object.entries(recorded!.headers).filter(([k]) => !['origin', 'sec-fetch-site', 'referer', 'content-length', 'host'].includes(k)),
      );
      return page.request.post('/admin/settings', { headers: { ...base, ...headers }, data: recorded!.body, maxRedirects: 0 });
    };

    await replay({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(await nameNow()).toBe(original);
    // Without an Origin header at all (Next lets that through), our own check refuses it.
    await replay({ 'Sec-Fetch-Site': 'cross-site' });
    expect(await nameNow()).toBe(original);

    // Control: the same bytes from this site do change the name, so the refusals above are real.
    await replay({ Origin: new URL(baseURL!).origin, 'Sec-Fetch-Site': 'same-origin' });
    expect(await nameNow()).toBe(`${original} (forged)`);
    await page.getByLabel('Page name').fill(original);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  });
});

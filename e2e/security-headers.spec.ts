import { createHash } from 'node:crypto';
import { expect, test } from './fixtures/operators';

test.describe('security headers', () => {
  test('console pages carry a per-request nonce CSP with no unsafe-inline and no framing', async ({ adminPage: page }) => {
    const first = await page.request.get('/admin/incidents');
    const second = await page.request.get('/admin/incidents');
    const policy = first.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toBe(second.headers()['content-security-policy']);
    // Next's own scripts carry the nonce, so the console still hydrates under the policy.
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/admin/incidents/new');
    await page.getByLabel('Message (markdown)').fill('**bold**');
    await expect(page.getByTestId('body-preview').locator('strong')).toHaveText('bold');
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  test('the snapshot of / allows exactly its own inline scripts by hash, and runs clean under it', async ({ page, request }) => {
    const response = await request.get('/');
    expect(response.headers()['x-beacon-snapshot']).toBeTruthy();
    const policy = response.headers()['content-security-policy'] ?? '';
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    const scriptSrc = directives.get('script-src') ?? [];
    expect(scriptSrc[0]).toBe("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    // Every inline script of the page is listed, and nothing else is.
    const html = await response.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      .filter(([, attrs]) => !/\bsrc=/.test(attrs!))
      .map(([, , body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
    expect(inline.length).toBeGreaterThan(0);
    expect(new Set(scriptSrc.slice(1))).toEqual(new Set(inline));

    const violations: string[] = [];
    await page.exposeFunction('__reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/');
    await expect(page.locator('[data-live-state]')).toHaveAttribute('data-live-state', 'live');
    // Hydrated: a tooltip opens on focus.
    const row = page.locator('li[data-component]').first();
    await row.getByRole('slider').focus();
    await expect(row.getByRole('tooltip')).toBeVisible();
    // Client-side navigation keeps this document (and its policy) and loads more code.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await expect(page).toHaveURL(/\/history$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goBack();
    await expect(row.getByRole('slider')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });

  test('pages rendered per request carry the nonce policy; snapshot pages a hash-based one', async ({ request }) => {
    for (const path of ['/subscriptions/manage/notatoken', '/admin/login']) {
      const response = await request.get(path);
      const policy = response.headers()['content-security-policy'] ?? '';
      expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).not.toContain('unsafe-inline');
      const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
      expect(await response.text(), path).toContain(`nonce="${nonce}"`);
    }
    const { incidents } = await (await request.get('/api/v2/incidents.json')).json();
    for (const path of ['/history', `/incidents/${incidents[0].id}`, '/subscribe']) {
      const response = await request.get(path);
      const policy = response.headers()['content-security-policy'] ?? '';
      expect(response.headers()['x-beacon-snapshot'], path).toBe('hit');
      expect(policy, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
      expect(policy, path).toContain("frame-ancestors 'none'");
    }
  });

  test('every response says nosniff and sets a referrer policy', async ({ request }) => {
    for (const path of ['/', '/history', '/admin/login', '/incidents/doesnotexist']) {
      const response = await request.get(path);
      expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers()['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });
});

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

  test('every response says nosniff and sets a referrer policy', async ({ request }) => {
    for (const path of ['/', '/history', '/admin/login', '/incidents/doesnotexist']) {
      const response = await request.get(path);
      expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers()['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    }
  });
});

import { DEMO_AUDIENCES, DEMO_PRIVATE_INCIDENT } from '../lib/demo/audiences';
import { expect, test } from './fixtures/operators';
import { signInAsMember } from './support/member-sign-in';
import { shots } from './support/shots';

const [GLOBEX, INITECH] = DEMO_AUDIENCES;

test.describe('audiences: members sign in and see what is theirs', () => {
  // Several pages, a mailbox round trip and axe at four sizes: more than the default 30 s on a busy machine.
  test.describe.configure({ timeout: 120_000 });
  test('a member signs in by magic link and sees the private component and incident an anonymous reader does not', async ({ browser, adminPage, page: anonymous }) => {
    const email = `e2e-${Date.now()}@${INITECH.domain}`;
    const member = await signInAsMember(browser, adminPage, email);

    await expect(member.locator('[data-member]')).toContainText(email);
    await expect(member.getByRole('link', { name: INITECH.component.name, exact: true })).toBeVisible();
    await expect(member.locator('[data-private-to="Initech Fleet"]').first()).toBeVisible();
    await expect(member.getByRole('link', { name: DEMO_PRIVATE_INCIDENT }).first()).toBeVisible();
    // Another customer's private component stays hidden from this member.
    await expect(member.getByText(GLOBEX.component.name)).toHaveCount(0);
    // The per-request page is never a shared cache's to keep.
    const response = await member.request.get('/');
    expect(response.headers()['cache-control'] ?? '').toMatch(/private|no-store/);
    await shots(member, 'audiences-member-overview');

    await member.getByRole('link', { name: INITECH.component.name, exact: true }).click();
    await expect(member.getByRole('heading', { level: 1 })).toHaveText(INITECH.component.name);
    await member.goBack();

    await member.getByRole('link', { name: DEMO_PRIVATE_INCIDENT }).first().click();
    await expect(member.getByRole('heading', { level: 1 })).toContainText(DEMO_PRIVATE_INCIDENT);
    await expect(member.getByRole('heading', { level: 1 })).toContainText('Private to Initech Fleet');

    await anonymous.goto('/');
    await expect(anonymous.getByRole('heading', { name: 'Components' })).toBeVisible();
    await expect(anonymous.getByText(INITECH.component.name)).toHaveCount(0);
    await expect(anonymous.getByText(DEMO_PRIVATE_INCIDENT)).toHaveCount(0);

    // Signing out on the device returns it to the public page.
    await member.goto('/');
    await member.getByRole('button', { name: 'Sign out' }).click();
    await expect(member).toHaveURL(/\/access\/sign-in\?signedOut=1/);
    await member.goto('/');
    await expect(member.getByText(INITECH.component.name)).toHaveCount(0);
    await member.context().close();
  });

  test('removing a member in the console signs them out at once', async ({ browser, adminPage }) => {
    const email = `e2e-removed-${Date.now()}@${GLOBEX.domain}`;
    const member = await signInAsMember(browser, adminPage, email);
    await expect(member.getByRole('link', { name: GLOBEX.component.name, exact: true })).toBeVisible();

    await adminPage.goto('/admin/audiences');
    adminPage.once('dialog', (d) => void d.accept());
    await adminPage.getByRole('button', { name: `Remove ${email}` }).click();
    await expect(adminPage.getByRole('button', { name: `Remove ${email}` })).toHaveCount(0);

    await member.reload();
    await expect(member.getByText(GLOBEX.component.name)).toHaveCount(0);
    await expect(member.locator('[data-member]')).toHaveCount(0);
    await member.context().close();
  });

  test('the sign-in page answers a stranger as it answers a member', async ({ page }) => {
    await page.goto('/access/sign-in');
    await shots(page, 'audiences-sign-in');
    await page.getByLabel('Work email').fill(`nobody-${Date.now()}@elsewhere.example`);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByText('If this address may sign in, a link is on its way.')).toBeVisible();
    await page.goto('/access/verify?token=notarealtokenbutlongenough');
    await page.getByRole('button', { name: 'Sign in on this device' }).click();
    await expect(page.getByText('expired or was already used').first()).toBeVisible();
  });

  test('the console lists audiences with members and private components', async ({ adminPage: page }) => {
    await page.goto('/admin/audiences');
    await expect(page.getByRole('heading', { name: 'Audiences', level: 1 })).toBeVisible();
    for (const a of DEMO_AUDIENCES) {
      const item = page.locator(`[data-audience="${a.name}"]`);
      await expect(item).toContainText(a.member);
      await expect(item).toContainText('1 private component');
    }
    await shots(page, 'audiences-console');
  });
});

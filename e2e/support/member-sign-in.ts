import { expect, type Browser, type Page } from '@playwright/test';

/** Asks for a sign-in link as `email` and follows it from the dev mailbox; returns the member's page. */
export async function signInAsMember(browser: Browser, adminPage: Page, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // As a customer finds it: from the public page's footer.
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Customer sign-in' }).click();
  await expect(page).toHaveURL(/\/access\/sign-in$/);
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByText('If this address may sign in, a link is on its way.')).toBeVisible();

  const { link } = await signInMail(adminPage, email);
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Sign in on this device' }).click();
  await expect(page).toHaveURL(/\/$/);
  return page;
}

/** The newest sign-in mail to `email` in the dev mailbox: its plain text and the link in it. */
export async function signInMail(adminPage: Page, email: string): Promise<{ text: string; link: URL }> {
  await adminPage.goto('/admin/mailbox');
  await adminPage.getByRole('link', { name: new RegExp(`to ${email.replace(/[.]/g, '\\.')}`) }).first().click();
  await adminPage.getByText('Plain text and headers').click();
  const text = await adminPage.locator('pre').first().innerText();
  const link = /https?:\/\/\S+\/access\/verify\?token=[\w-]+/.exec(text)?.[0];
  expect(link, text).toBeTruthy();
  return { text, link: new URL(link!) };
}

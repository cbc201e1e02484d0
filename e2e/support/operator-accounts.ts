import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';

/** The initial password the operators added by these helpers get. */
export const PASSWORD = 'a long enough e2e passphrase';

/** Adds an operator through the operators page (so the demo accounts stay untouched by the tests). */
export async function addOperator(admin: Page, role: 'admin' | 'responder') {
  const email = `e2e-${role}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}@example.com`;
  const name = `Tess ${role} ${Math.floor(Math.random() * 1e4)}`;
  await admin.goto('/admin/operators');
  await admin.getByLabel('Email').fill(email);
  await admin.getByLabel('Name').fill(name);
  await admin.getByLabel('Role', { exact: true }).last().selectOption(role);
  await admin.getByLabel('Initial password').fill(PASSWORD);
  await admin.getByRole('button', { name: 'Add operator' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `${email} can now sign in` })).toBeVisible();
  return { email, name };
}

/** The sign-in form's first step: email and password. */
export async function passwordStep(page: Page, email: string, password = PASSWORD) {
  await page.goto('/admin/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The code the authenticator app would show one step from now (a step later than any used so far). */
export const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

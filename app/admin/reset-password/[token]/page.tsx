import type { Metadata } from 'next';
import Link from 'next/link';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { requestContext } from '@/lib/services/context';
import { getPasswordResetOperator } from '@/lib/services/reset-password';
import { resetPasswordAction } from '@/app/admin/actions/reset-password';
import { ActionForm } from '@/components/admin/action-form';
import { Field, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Set a new password', referrer: 'no-referrer' };

/** Where a password-reset link lands: open without a session, good once. */
export default async function ResetPasswordPage({ params }: PageProps<'/admin/reset-password/[token]'>) {
  const { token } = await params;
  const ctx = await requestContext();
  const operator = await getPasswordResetOperator(ctx.db, token, ctx.now());
  if (!operator) {
    return (
      <div className="mx-auto max-w-sm py-12">
        <h1 className="text-2xl font-bold">This link no longer works</h1>
        <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">Reset links work once, for 30 minutes. Ask an admin to send a new one.</p>
        <p className="mt-6 text-sm">
          <Link href="/admin/login" className="underline underline-offset-2">
            Go to sign-in
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-sm py-12">
      <h1 className="text-2xl font-bold">Set a new password</h1>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">For {operator.email}. Every device signed in to this account is signed out.</p>
      <ActionForm action={resetPasswordAction} submitLabel="Set password" className="mt-6 space-y-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="username" value={operator.email} autoComplete="username" />
        <Field label="New password" htmlFor="password" name="password" help={`At least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`}>
          <TextInput id="password" name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required />
        </Field>
        <Field label="Repeat the new password" htmlFor="repeat" name="repeat">
          <TextInput id="repeat" name="repeat" type="password" autoComplete="new-password" required />
        </Field>
      </ActionForm>
    </div>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentOperator } from '@/lib/auth/require-operator';
import { signInAction } from '@/app/admin/actions/session';
import { ActionForm } from '@/components/admin/action-form';
import { Field, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await currentOperator()) redirect('/admin');
  return (
    <div className="mx-auto max-w-sm py-12">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">Operators only. Customers: the status page is public.</p>
      <ActionForm action={signInAction} submitLabel="Sign in" pendingLabel="Signing in…" className="mt-6 space-y-4">
        <Field label="Email" htmlFor="email">
          <TextInput id="email" name="email" type="email" autoComplete="username" required />
        </Field>
        <Field label="Password" htmlFor="password">
          <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
      </ActionForm>
    </div>
  );
}

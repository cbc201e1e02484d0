import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentOperator } from '@/lib/auth/require-operator';
import { signInAction } from '@/app/admin/actions/session';
import { ActionForm } from '@/components/admin/action-form';
import { Field, TextInput } from '@/components/ui/fields';
import { RememberedInput } from '@/components/ui/remembered-input';

export const metadata: Metadata = { title: 'Sign in' };

const NOTES: Record<string, string> = {
  everywhere: 'You are signed out on every device.',
  reset: 'Your new password is set. Sign in with it.',
};

export default async function LoginPage({ searchParams }: PageProps<'/admin/login'>) {
  if (await currentOperator()) redirect('/admin');
  const q = await searchParams;
  const note = typeof q.signedOut === 'string' ? NOTES[q.signedOut] : typeof q.done === 'string' ? NOTES[q.done] : undefined;
  return (
    <div className="mx-auto max-w-sm py-12">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">Operators only. Customers: the status page is public.</p>
      {note && <p className="mt-4 rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950/50 dark:text-green-200">{note}</p>}
      <ActionForm action={signInAction} submitLabel="Sign in" pendingLabel="Signing in…" className="mt-6 space-y-4">
        <Field label="Email" htmlFor="email" name="email">
          <RememberedInput id="email" name="email" type="email" autoComplete="username" required />
        </Field>
        <Field label="Password" htmlFor="password" name="password">
          <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
      </ActionForm>
    </div>
  );
}

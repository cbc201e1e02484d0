import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentOperator } from '@/lib/auth/require-operator';
import { secondFactorAction } from '@/app/admin/actions/session';
import { ActionForm } from '@/components/admin/action-form';
import { Field, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Sign-in code' };

/** The second step of signing in, after a right password. */
export default async function SignInCodePage() {
  if (await currentOperator()) redirect('/admin');
  return (
    <div className="mx-auto max-w-sm py-12">
      <h1 className="text-2xl font-bold">Enter your code</h1>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        Open your authenticator app and type the 6-digit code for this console. Lost your phone? Type one of your recovery codes instead.
      </p>
      <ActionForm action={secondFactorAction} submitLabel="Verify" pendingLabel="Checking…" className="mt-6 space-y-4">
        <Field label="Code" htmlFor="code" name="code" help="6 digits from the app, or a recovery code such as K7QMN-3WXPA">
          <TextInput id="code" name="code" autoComplete="one-time-code" inputMode="text" autoCapitalize="characters" spellCheck={false} required maxLength={40} autoFocus />
        </Field>
      </ActionForm>
      <p className="mt-6 text-sm">
        <Link href="/admin/login" className="underline underline-offset-2">
          Start again with your password
        </Link>
      </p>
    </div>
  );
}

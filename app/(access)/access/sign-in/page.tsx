import type { Metadata } from 'next';
import { currentMemberViewer } from '@/lib/auth/member-session';
import { memberSignOutAction, requestLinkAction } from '@/app/(access)/access/actions';
import { ActionForm } from '@/components/admin/action-form';
import { Button, Field, TextInput } from '@/components/ui/fields';

export const metadata: Metadata = { title: 'Customer sign-in', robots: { index: false } };
export const dynamic = 'force-dynamic';

export default async function MemberSignInPage({ searchParams }: PageProps<'/access/sign-in'>) {
  const [viewer, q] = await Promise.all([currentMemberViewer(), searchParams]);
  if (viewer) {
    return (
      <>
        <h1 className="text-2xl font-bold">You are signed in</h1>
        <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
          As {viewer.email}, for {viewer.audiences.map((a) => a.name).join(', ')}.
        </p>
        <form action={memberSignOutAction} className="mt-6">
          <Button type="submit" variant="secondary">
            Sign out on this device
          </Button>
        </form>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">Customer sign-in</h1>
      <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
        Customers with a support contract see the status of their own services here too. Enter your work email and we send you a sign-in link.
      </p>
      {q.signedOut === '1' && <p className="mt-4 rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950/50 dark:text-green-200">You are signed out on this device.</p>}
      <ActionForm action={requestLinkAction} submitLabel="Email me a sign-in link" pendingLabel="Sending…" className="mt-6 space-y-4">
        <Field label="Work email" htmlFor="member-email" name="email">
          <TextInput id="member-email" name="email" type="email" autoComplete="email" required maxLength={254} />
        </Field>
      </ActionForm>
    </>
  );
}

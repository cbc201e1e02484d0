import type { Metadata } from 'next';
import Link from 'next/link';
import { verifyLinkAction } from '@/app/(access)/access/actions';
import { ActionForm } from '@/components/admin/action-form';

export const metadata: Metadata = { title: 'Finish signing in', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function VerifyMemberLinkPage({ searchParams }: PageProps<'/access/verify'>) {
  const q = await searchParams;
  const token = typeof q.token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(q.token) ? q.token : undefined;
  if (!token) {
    return (
      <>
        <h1 className="text-2xl font-bold">This link does not work</h1>
        <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
          It may be incomplete. <Link href="/access/sign-in" className="underline">Ask for a new sign-in link</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">Finish signing in</h1>
      <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">This device stays signed in until you sign out. The link works once.</p>
      <ActionForm action={verifyLinkAction} submitLabel="Sign in on this device" pendingLabel="Signing in…" className="mt-6 space-y-4">
        <input type="hidden" name="token" value={token} />
      </ActionForm>
      <p className="mt-6 text-sm text-neutral-600 dark:text-neutral-400">
        Link expired? <Link href="/access/sign-in" className="underline">Ask for a new one</Link>.
      </p>
    </>
  );
}

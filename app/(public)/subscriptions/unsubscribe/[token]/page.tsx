import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/status/page-header';
import { UnsubscribeForm } from '@/components/subscriptions/manage-forms';
import { CARD } from '@/components/subscriptions/styles';
import { requestContext } from '@/lib/services/context';
import { getSubscription } from '@/lib/services/get-subscription';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

/** The unsubscribe link in every alert: shows a confirm button (the POST unsubscribes). */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await requestContext();
  const view = /^[\w-]{20,64}$/.test(token) ? await getSubscription(ctx.db, token, ctx.now()) : undefined;
  if (!view) notFound();
  const who = view.subscriber.kind === 'email' ? view.subscriber.email : view.subscriber.url;
  return (
    <>
      <PageHeader page={view.page} />
      <div className={`${CARD} space-y-4`}>
        <h1 className="text-2xl font-bold">Unsubscribe from {view.pageName} status alerts</h1>
        {view.subscriber.state === 'unsubscribed' ? (
          <p role="status">{who} is already unsubscribed.</p>
        ) : (
          <>
            <p>
              Stop sending alerts to <strong className="break-all">{who}</strong>?
            </p>
            <UnsubscribeForm token={token} label="Yes, unsubscribe" />
          </>
        )}
        <p className="text-sm">
          <Link className="underline" href={`/subscriptions/manage/${token}`}>
            Change what you receive instead
          </Link>
        </p>
      </div>
    </>
  );
}

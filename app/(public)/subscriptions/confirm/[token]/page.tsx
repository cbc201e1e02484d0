import type { Metadata } from 'next';
import Link from 'next/link';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { requestContext } from '@/lib/services/context';
import { ServiceError } from '@/lib/services/errors';
import { CARD } from '@/components/subscriptions/styles';
import { PageHeader } from '@/components/status/page-header';
import { getPageSettings } from '@/lib/services/page-settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirm subscription', robots: { index: false } };

/** The link from the confirmation email: activates the subscription. */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let result: { token: string; email: string } | null = null;
  let problem = 'This confirmation link is not valid. It may have been used already.';
  const ctx = await requestContext();
  const settings = await getPageSettings(ctx.db, ctx.now());
  try {
    result = await confirmSubscription({ ctx, input: { token } });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.code === 'expired') problem = error.message;
  }
  return (
    <>
      <PageHeader page={{ id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone }} />
      <div className={`${CARD} space-y-3`}>
        {result ? (
          <>
            <h1 className="text-2xl font-bold">You are subscribed</h1>
            <p>
              Alerts will go to <strong>{result.email}</strong>.
            </p>
            <p>
              <Link className="font-medium underline" href={`/subscriptions/manage/${result.token}`}>
                Choose components and events
              </Link>{' '}
              · <Link className="underline" href="/">Back to the status page</Link>
            </p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">Link not valid</h1>
            <p>{problem}</p>
            <p>
              <Link className="font-medium underline" href="/subscribe">
                Subscribe again
              </Link>
            </p>
          </>
        )}
      </div>
    </>
  );
}

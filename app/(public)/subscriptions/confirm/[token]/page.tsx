import type { Metadata } from 'next';
import Link from 'next/link';
import { confirmSubscription } from '@/lib/services/confirm-subscription';
import { requestContext } from '@/lib/services/context';
import { ServiceError } from '@/lib/services/errors';
import { CARD } from '@/components/subscriptions/styles';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirm subscription', robots: { index: false } };

/** The link from the confirmation email: activates the subscription. */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let result: { token: string; email: string } | null = null;
  let problem = 'This confirmation link is not valid. It may have been used already.';
  try {
    result = await confirmSubscription({ ctx: await requestContext(), input: { token } });
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.code === 'expired') problem = error.message;
  }
  return (
    <div className={`${CARD} mt-8 space-y-3`}>
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
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/status/page-header';
import { ConfirmForm } from '@/components/subscriptions/manage-forms';
import { CARD } from '@/components/subscriptions/styles';
import { getPendingConfirmation } from '@/lib/services/confirm-subscription';
import { requestContext } from '@/lib/services/context';
import { ServiceError } from '@/lib/services/errors';
import { getPageSettings } from '@/lib/services/page-settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirm subscription', robots: { index: false } };

/**
 * The link from the confirmation email. Opening it changes nothing (mail scanners open every
 * link); the page's button posts the confirmation.
 */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await requestContext();
  const settings = await getPageSettings(ctx.db, ctx.now());
  let email: string | null = null;
  let problem = 'This confirmation link is not valid. It may have been used already.';
  try {
    email = (await getPendingConfirmation({ ctx, input: { token } })).email;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.code === 'expired') problem = error.message;
  }
  return (
    <>
      <PageHeader page={{ id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone }} />
      <div className={`${CARD} space-y-3`}>
        {email !== null ? (
          <>
            <h1 className="text-2xl font-bold">Confirm your subscription</h1>
            <p>
              Send {settings.name} status alerts to <strong className="break-all">{email}</strong>?
            </p>
            <ConfirmForm token={token} />
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

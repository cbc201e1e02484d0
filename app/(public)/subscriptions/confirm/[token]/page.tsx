import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ConfirmForm } from '@/app/(public)/subscriptions/forms';
import { PageHeader } from '@/components/status/page-header';
import { CARD } from '@/components/subscriptions/styles';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { pageLanguage } from '@/lib/i18n/page-request';
import { getPendingConfirmation } from '@/lib/services/confirm-subscription';
import { requestContext } from '@/lib/services/context';
import { ServiceError } from '@/lib/services/errors';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('subscription.confirm'))('metaTitle'), robots: { index: false } };
}

/**
 * The link from the confirmation email, in the language of its URL (the subscriber's). Opening it
 * changes nothing (mail scanners open every link); the page's button posts the confirmation.
 */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await requestContext();
  const [settings, t, lang] = await Promise.all([getPageSettings(ctx.db, ctx.now()), getTranslations('subscription.confirm'), pageLanguage()]);
  let email: string | null = null;
  let problem = t('invalid');
  try {
    email = (await getPendingConfirmation({ ctx, input: { token } })).email;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.code === 'expired') problem = t('expired');
  }
  return (
    <>
      <PageHeader page={{ id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone }} />
      <div className={`${CARD} space-y-3`}>
        {email !== null ? (
          <>
            <h1 className="text-2xl font-bold">{t('title')}</h1>
            <p>{t.rich('question', { name: settings.name, email, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}</p>
            <ConfirmForm token={token} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold">{t('invalidTitle')}</h1>
            <p>{problem}</p>
            <p>
              <Link prefetch={false} className="font-medium underline" href={`${lang.prefix}/subscribe`}>
                {t('subscribeAgain')}
              </Link>
            </p>
          </>
        )}
      </div>
    </>
  );
}

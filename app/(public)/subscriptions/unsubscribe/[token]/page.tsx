import type { Metadata } from 'next';
import { maskedWebhookUrl } from '@/lib/domain/webhook-display';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { UnsubscribeForm } from '@/app/(public)/subscriptions/forms';
import { PageHeader } from '@/components/status/page-header';
import { CARD } from '@/components/subscriptions/styles';
import { pageLanguage } from '@/lib/i18n/page-request';
import { requestContext } from '@/lib/services/context';
import { getSubscription } from '@/lib/services/get-subscription';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('subscription.unsubscribe'))('metaTitle'), robots: { index: false } };
}

/** The unsubscribe link in every alert: shows a confirm button (the POST unsubscribes). */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await requestContext();
  const view = /^[\w-]{20,64}$/.test(token) ? await getSubscription(ctx.db, token, ctx.now()) : undefined;
  if (!view) notFound();
  const [t, lang] = await Promise.all([getTranslations('subscription.unsubscribe'), pageLanguage()]);
  // A webhook URL can carry its secret (a chat channel's always does), and this page is reached by a link posted there.
  const who = (view.subscriber.kind === 'email' ? view.subscriber.email : view.subscriber.url && maskedWebhookUrl(view.subscriber.url)) ?? '';
  return (
    <>
      <PageHeader page={view.page} />
      <div className={`${CARD} space-y-4`}>
        <h1 className="text-2xl font-bold">{t('title', { name: view.pageName })}</h1>
        {view.subscriber.state === 'unsubscribed' ? (
          <p role="status">{t('already', { who })}</p>
        ) : (
          <>
            <p>{t.rich('question', { who, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}</p>
            <UnsubscribeForm token={token} confirm />
          </>
        )}
        <p className="text-sm">
          <Link prefetch={false} className="underline" href={`${lang.prefix}/subscriptions/manage/${token}`}>
            {t('instead')}
          </Link>
        </p>
      </div>
    </>
  );
}

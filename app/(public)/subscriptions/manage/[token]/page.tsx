import type { Metadata } from 'next';
import { maskedWebhookUrl } from '@/lib/domain/webhook-display';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PreferencesForm, UnsubscribeForm } from '@/app/(public)/subscriptions/forms';
import { PageHeader } from '@/components/status/page-header';
import { preferencesLabels } from '@/components/subscriptions/preferences-labels';
import { CARD } from '@/components/subscriptions/styles';
import { LocalTime } from '@/components/ui/local-time';
import { CHAT_PLATFORM_LABEL } from '@/lib/domain/chat/alert';
import { isLocale } from '@/lib/i18n/locales';
import { pageLanguage } from '@/lib/i18n/page-request';
import { timeZoneChoices } from '@/lib/i18n/time-zones';
import { requestContext } from '@/lib/services/context';
import { getSubscription, listComponentChoices } from '@/lib/services/get-subscription';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('subscription.manage'))('metaTitle'), robots: { index: false } };
}

/** A subscriber's private page, in the language of its URL: preferences (language and zone too), recent deliveries, unsubscribe. */
export default async function ManagePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await requestContext();
  const view = /^[\w-]{20,64}$/.test(token) ? await getSubscription(ctx.db, token, ctx.now()) : undefined;
  if (!view) notFound();
  const [choices, lang, t, subscriberStates, deliveryStates, root] = await Promise.all([
    listComponentChoices(ctx.db),
    pageLanguage(),
    getTranslations('subscription.manage'),
    getTranslations('subscription.manage.states'),
    getTranslations('subscription.manage.deliveryStates'),
    getTranslations('subscription'),
  ]);
  const s = view.subscriber;
  const kind = s.kind === 'email' ? t('email') : s.chat_platform ? t('channel', { platform: CHAT_PLATFORM_LABEL[s.chat_platform] }) : t('webhook');
  // A state added to the outbox later shows as stored until the catalogs name it.
  const deliveryState = (state: string) => (deliveryStates.has(state) ? deliveryStates(state) : state);
  return (
    <>
      <PageHeader page={view.page} />
      <div className="space-y-6">
        <div>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">{root('alertsOf', { name: view.pageName })}</p>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-neutral-600 dark:text-neutral-400">{kind}</dt>
            {/* A chat webhook URL lets anyone post to the channel, and this link is posted in the channel: its secret part is masked. */}
            <dd className="font-medium break-all">{s.kind === 'email' ? s.email : maskedWebhookUrl(s.url ?? '')}</dd>
            <dt className="text-neutral-600 dark:text-neutral-400">{t('state')}</dt>
            <dd className="font-medium" data-testid="subscription-state">{subscriberStates(s.state)}</dd>
          </dl>
        </div>
        {s.state !== 'unsubscribed' && (
          <PreferencesForm token={token} choices={choices} allComponents={s.all_components} componentIds={view.componentIds} events={s.events}
            maintenance={s.maintenance}
            preferences={{
              text: preferencesLabels(lang.locale),
              zones: timeZoneChoices(),
              // Never chosen (rows from before migration 018): the emails go out in the page's default language.
              locale: isLocale(s.locale) ? s.locale : lang.defaultLocale,
              timeZone: s.time_zone ?? view.page.timeZone ?? 'UTC',
            }}
          />
        )}
        <section className={CARD} aria-labelledby="deliveries">
          <h2 id="deliveries" className="text-lg font-semibold">{t('deliveries')}</h2>
          {view.deliveries.length === 0 ? (
            <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">{t('nothingSent')}</p>
          ) : (
            // Focusable, so a keyboard can scroll the table where a phone cuts it off.
            <div className="mt-3 overflow-x-auto" role="region" aria-labelledby="deliveries" tabIndex={0}>
              <table className="w-full text-start text-sm">
                <thead className="text-neutral-600 dark:text-neutral-400">
                  <tr>
                    <th className="py-1 pe-3 font-medium">{t('queuedAt')}</th>
                    <th className="py-1 pe-3 font-medium">{t('alert')}</th>
                    <th className="py-1 pe-3 font-medium">{t('deliveryState')}</th>
                    <th className="py-1 pe-3 font-medium">{t('tries')}</th>
                    <th className="py-1 font-medium">{t('lastAnswer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.deliveries.map((d) => (
                    <tr key={d.id} className="border-t border-neutral-200 dark:border-neutral-800">
                      <td className="py-1 pe-3 whitespace-nowrap"><LocalTime iso={d.createdAt} timeZone={view.page.timeZone} /></td>
                      <td className="py-1 pe-3"><code>{d.type}</code></td>
                      <td className="py-1 pe-3">{deliveryState(d.state)}</td>
                      <td className="py-1 pe-3">{d.attempts}</td>
                      {/* The receiver's own answer stays as it came. */}
                      <td className="py-1">{d.lastStatus ? `HTTP ${d.lastStatus}` : (d.lastError ?? (d.state === 'delivered' ? t('accepted') : '–'))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        {s.state !== 'unsubscribed' && (
          <section className={CARD} aria-labelledby="leave">
            <h2 id="leave" className="mb-3 text-lg font-semibold">{t('leave')}</h2>
            <UnsubscribeForm token={token} />
          </section>
        )}
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/status/page-header';
import { SubscribeForm } from '@/components/subscriptions/subscribe-form';
import { requestContext } from '@/lib/services/context';
import { listComponentChoices } from '@/lib/services/get-subscription';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { preferencesLabels } from '@/components/subscriptions/preferences-labels';
import { pageLanguage } from '@/lib/i18n/page-request';
import { timeZoneChoices } from '@/lib/i18n/time-zones';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const ctx = await requestContext();
  const settings = await getPageSettings(ctx.db, ctx.now());
  return { title: (await getTranslations('subscribe'))('pageTitle', { name: settings.name }) };
}

/** Subscribe to alerts by email, webhook or a chat channel. */
export default async function SubscribePage() {
  const ctx = await requestContext();
  const [settings, choices, t, lang] = await Promise.all([getPageSettings(ctx.db, ctx.now()), listComponentChoices(ctx.db), getTranslations('subscribe'), pageLanguage()]);
  return (
    <>
      <PageHeader page={{ id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone }} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 mb-6 text-neutral-700 dark:text-neutral-300">
        {t('intro', { name: settings.name })}
      </p>
      <SubscribeForm
        choices={choices}
        // A reader of /de/subscribe gets German fields, and German alerts unless they choose otherwise.
        preferences={{ text: preferencesLabels(lang.locale), zones: timeZoneChoices(), locale: lang.locale, timeZone: settings.time_zone }}
      />
      <p className="mt-6 text-sm break-words text-neutral-600 dark:text-neutral-400 [&_code]:break-all">
        {t('automating')} <code>POST /api/subscriptions</code> {t('with')}{' '}
        <code>{'{"type":"webhook","url":"https://…"}'}</code>, <code>{'{"type":"email","email":"…"}'}</code> {t('orChat')}{' '}
        <code>{'{"type":"slack","url":"https://hooks.slack.com/…"}'}</code> {t('also')} <code>teams</code>, <code>discord</code>, <code>google_chat</code>,{' '}
        <code>mattermost</code>).
      </p>
    </>
  );
}

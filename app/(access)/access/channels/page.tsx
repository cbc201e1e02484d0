import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { currentMemberViewer } from '@/lib/auth/member-session';
import { publicUrl } from '@/lib/env';
import { requestPath } from '@/lib/i18n/page-prefix';
import { requestContext } from '@/lib/services/context';
import { getMemberChannels, getMemberSubscriptions, memberChannelUrls } from '@/lib/services/get-member-channels';
import { CHAT_PLATFORM_LABEL, type ChatPlatform } from '@/lib/domain/chat/alert';
import { LocalLink } from '@/components/i18n/locale-prefix';
import { memberAlertsAction, rotateChannelTokenAction } from '@/app/(access)/access/actions';
import { getMemberAlerts } from '@/lib/db/queries/member-subscriptions';
import { formTexts } from '@/app/(access)/access/form-texts';
import { ActionForm } from '@/components/admin/action-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('access'))('channels.title'), robots: { index: false } };
}

const code = 'rounded bg-neutral-100 px-1 py-0.5 font-mono text-xs [overflow-wrap:anywhere] dark:bg-neutral-800';

const FEEDS = [
  ['history.rss', 'channels.feedRss'],
  ['history.atom', 'channels.feedAtom'],
  ['maintenance.ics', 'channels.feedCalendar'],
] as const;

/** A signed-in member's own channels: their v2 API token and feed URLs, and a way to rotate them. */
export default async function MemberChannelsPage() {
  const viewer = await currentMemberViewer();
  if (!viewer) redirect(await requestPath('/access/sign-in'));
  const { db } = await requestContext();
  const [channels, alerts, subscriptions, t, format] = await Promise.all([
    getMemberChannels(db, viewer.memberId),
    getMemberAlerts(db, viewer.memberId),
    getMemberSubscriptions(db, viewer.memberId, publicUrl()),
    getTranslations('access'),
    getFormatter(),
  ]);
  const hooks = subscriptions.filter((s) => s.kind === 'webhook');
  const audiences = viewer.audiences.map((a) => a.name).join(', ');
  const urls = memberChannelUrls(publicUrl(), '<token>');
  const since = channels.tokenCreatedAt ? format.dateTime(new Date(channels.tokenCreatedAt), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) : null;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('channels.title')}</h1>
      <p className="mt-2 text-sm text-neutral-700 dark:text-neutral-300">
        {t('channels.intro', { email: viewer.email, audiences })}
      </p>

      <section aria-labelledby="alerts" className="mt-6 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="alerts" className="text-lg font-semibold">
          {t('channels.alerts')}
        </h2>
        <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300" data-alerts-state={alerts.on ? 'on' : 'off'}>
          {alerts.on ? t('channels.alertsOn', { email: viewer.email, audiences }) : t('channels.alertsOff', { email: viewer.email, audiences })}
        </p>
        {alerts.on && !alerts.allComponents && <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">{t('channels.alertsChosen')}</p>}
        <ActionForm
          action={memberAlertsAction}
          submitLabel={alerts.on ? t('channels.alertsStop') : t('channels.alertsStart')}
          pendingLabel={t('channels.alertsPending')}
          variant={alerts.on ? 'secondary' : 'primary'}
          className="mt-3 space-y-3"
          texts={formTexts(t)}
        >
          <input type="hidden" name="alerts" value={alerts.on ? 'off' : 'on'} />
        </ActionForm>
      </section>

      <section aria-labelledby="hooks" className="mt-6 text-sm">
        <h2 id="hooks" className="text-lg font-semibold">
          {t('channels.channelsList')}
        </h2>
        <p className="mt-1 text-neutral-700 dark:text-neutral-300">{t('channels.channelsListIntro', { audiences })}</p>
        {hooks.length === 0 ? (
          <p className="mt-2 text-neutral-600 dark:text-neutral-400">{t('channels.channelsNone')}</p>
        ) : (
          <ul className="mt-2 space-y-2" aria-label={t('channels.channelsList')}>
            {hooks.map((hook) => (
              <li key={hook.id} data-member-channel={hook.state} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded border border-neutral-200 px-3 py-2 dark:border-neutral-800">
                <span className="min-w-0">
                  <span className="font-medium">{hook.chatPlatform ? CHAT_PLATFORM_LABEL[hook.chatPlatform as ChatPlatform] : 'Webhook'}</span>{' '}
                  <code className={code}>{hook.target}</code>{' '}
                  <span className="text-neutral-600 dark:text-neutral-400">· {t(`channelState.${hook.state as 'pending' | 'active' | 'disabled'}`)}</span>
                </span>
                <LocalLink prefetch={false} href={new URL(hook.manageUrl).pathname} className="font-medium underline underline-offset-2">
                  {t('channels.channelManage')}
                </LocalLink>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3">
          <LocalLink prefetch={false} href="/subscribe" className="font-medium underline underline-offset-2">
            {t('channels.channelsAdd')}
          </LocalLink>
        </p>
      </section>

      <section aria-labelledby="token" className="mt-6 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <h2 id="token" className="text-lg font-semibold">
          {t('channels.token')}
        </h2>
        <p className="mt-1 text-sm text-neutral-700 dark:text-neutral-300" data-token-state={since ? 'active' : 'none'}>
          {since ? t('channels.hasToken', { made: since }) : t('channels.noToken')}
        </p>
        <ActionForm
          action={rotateChannelTokenAction}
          submitLabel={since ? t('channels.rotate') : t('channels.create')}
          pendingLabel={t('channels.pending')}
          variant={since ? 'secondary' : 'primary'}
          className="mt-3 space-y-3"
          confirm={since ? t('channels.confirmRotate') : undefined}
          texts={formTexts(t)}
        />
      </section>

      <section aria-labelledby="api" className="mt-6 text-sm">
        <h2 id="api" className="text-lg font-semibold">
          {t('channels.api')}
        </h2>
        <p className="mt-1 text-neutral-700 dark:text-neutral-300">
          {t.rich('channels.apiIntro', {
            url: urls.api,
            header: 'Authorization: Bearer <token>',
            code: (chunks) => <code className={code}>{chunks}</code>,
          })}
        </p>
        <ul className="mt-2 list-disc space-y-1 ps-5">
          {channels.apiPaths.map((p) => (
            <li key={p}>
              <code className={code}>{p}</code>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="feeds" className="mt-6 text-sm">
        <h2 id="feeds" className="text-lg font-semibold">
          {t('channels.feeds')}
        </h2>
        <p className="mt-1 text-neutral-700 dark:text-neutral-300">{t('channels.feedsIntro')}</p>
        <dl className="mt-2 space-y-2">
          {FEEDS.map(([file, label]) => (
            <div key={file}>
              <dt className="font-medium">{t(label)}</dt>
              <dd>
                <code className={code}>{urls.feeds[file]}</code>
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

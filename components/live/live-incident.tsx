'use client';

import { formatDuration } from '@/lib/domain/duration';
import { useLocale, useTranslations } from 'next-intl';
import { PAGE_DOC, type IncidentDocument } from '@/lib/snapshot/page-document-types';
import { useLiveDoc } from '@/components/live/use-live-doc';
import { IMPACT_TEXT } from '@/components/status/status-style';
import { UpdateTimeline } from '@/components/status/update-timeline';
import { TranslatedText } from '@/components/status/translated-text';
import { HtmlBlock } from '@/components/ui/html-block';
import { LocalTime } from '@/components/ui/local-time';
import { PrivateMark } from '@/components/access/private-mark';

/** An incident or maintenance page's article (status, summary, postmortem, timeline), kept current. */
export function LiveIncident({ initial, live = true }: { initial: IncidentDocument; live?: boolean }) {
  // A member's view of a private incident has no public document to follow.
  const { incident, timeZone: tz } = useLiveDoc(live ? PAGE_DOC.incident(initial.incident.id) : null, initial);
  const maintenance = incident.kind === 'maintenance';
  const t = useTranslations('incident');
  const locale = useLocale();
  return (
    <article>
      <p className="text-sm font-medium text-neutral-600 dark:text-neutral-400" data-incident-status={incident.status}>
        {maintenance ? t('kindMaintenance') : t('kindIncident')} · {t(`status.${incident.status}`)}
      </p>
      <h1 className="mt-1 text-2xl font-bold break-words">
        <TranslatedText original={incident.name} translations={incident.translations} field="name" note />
        <PrivateMark audiences={incident.privateTo} />
      </h1>

      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-neutral-200 bg-white p-4 text-sm sm:grid-cols-2 dark:border-neutral-800 dark:bg-neutral-900">
        {!maintenance && (
          <div>
            <dt className="text-neutral-600 dark:text-neutral-400">{t('impactLabel')}</dt>
            <dd className={`font-medium ${IMPACT_TEXT[incident.impact]}`}>{t(`level.${incident.impact}`)}</dd>
          </div>
        )}
        <div>
          <dt className="text-neutral-600 dark:text-neutral-400">{t('affectedComponents')}</dt>
          <dd className="font-medium">
            {incident.components.length > 0 ? incident.components.map((c) => c.name).join(', ') : t('noneListed')}
          </dd>
        </div>
        {maintenance && incident.scheduledFor && incident.scheduledUntil && (
          <div>
            <dt className="text-neutral-600 dark:text-neutral-400">{incident.status === 'scheduled' ? t('scheduledForLabel') : t('windowLabel')}</dt>
            <dd className="font-medium">
              <LocalTime iso={incident.scheduledFor} timeZone={tz} /> – <LocalTime iso={incident.scheduledUntil} timeZone={tz} />
            </dd>
          </div>
        )}
        {incident.status !== 'scheduled' && (
          <div>
            <dt className="text-neutral-600 dark:text-neutral-400">{t('started')}</dt>
            <dd className="font-medium">
              <LocalTime iso={incident.startedAt} timeZone={tz} />
            </dd>
          </div>
        )}
        <div>
          <dt className="text-neutral-600 dark:text-neutral-400">{maintenance ? t('completedLabel') : t('resolvedLabel')}</dt>
          <dd className="font-medium">{incident.resolvedAt ? <LocalTime iso={incident.resolvedAt} timeZone={tz} /> : t('notYet')}</dd>
        </div>
        {incident.durationMs !== null && (
          <div>
            <dt className="text-neutral-600 dark:text-neutral-400">{t('duration')}</dt>
            <dd className="font-medium">
              {formatDuration(incident.durationMs, locale)}
              {!incident.resolvedAt && t('soFar')}
            </dd>
          </div>
        )}
      </dl>

      {incident.postmortem && (
        <section aria-labelledby="postmortem" className="mt-8 rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900">
          <h2 id="postmortem" className="text-lg font-semibold">
            {t('postmortem')}
          </h2>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            {t('published')}<LocalTime iso={incident.postmortem.publishedAt} timeZone={tz} />
          </p>
          <HtmlBlock html={incident.postmortem.html} className="mt-3" />
        </section>
      )}

      <section aria-labelledby="updates" className="mt-8">
        <h2 id="updates" className="mb-4 text-lg font-semibold">
          {t('updates')}
        </h2>
        <UpdateTimeline updates={incident.updates} timeZone={tz} />
      </section>
    </article>
  );
}

import { useTranslations } from 'next-intl';
import { TranslatedText, TranslatedHtml } from '@/components/status/translated-text';
import { LocalLink } from '@/components/i18n/locale-prefix';
import type { LiveIncident } from '@/lib/snapshot/page-document-types';
import { LocalTime } from '@/components/ui/local-time';
import { PrivateMark } from '@/components/access/private-mark';
import { IMPACT_BORDER, IMPACT_TEXT, MAINTENANCE_BORDER } from '@/components/status/status-style';

/** An active incident or maintenance: name, impact, affected components and its latest update. */
export function IncidentCard({ incident, timeZone }: { incident: LiveIncident; timeZone: string }) {
  const maintenance = incident.kind === 'maintenance';
  const border = maintenance ? MAINTENANCE_BORDER : IMPACT_BORDER[incident.impact];
  const update = incident.latestUpdate;
  const t = useTranslations('incident');
  return (
    <article
      className={`rounded-lg border border-s-4 border-neutral-200 bg-white p-4 shadow-sm dark:border-neutral-800 dark:bg-neutral-900 ${border}`}
      data-incident={incident.id}
    >
      <h3 className="text-lg font-semibold break-words">
        <LocalLink href={`/incidents/${incident.id}`} prefetch={false} className="hover:underline">
          <TranslatedText original={incident.name} translations={incident.translations} field="name" />
        </LocalLink>
        <PrivateMark audiences={incident.privateTo} />
      </h3>
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
        {maintenance ? (
          incident.scheduledFor &&
          incident.scheduledUntil && (
            <span>
              {incident.status === 'scheduled' ? t('scheduledFor') : t('window')}
              <LocalTime iso={incident.scheduledFor} timeZone={timeZone} /> –{' '}
              <LocalTime iso={incident.scheduledUntil} timeZone={timeZone} />
            </span>
          )
        ) : (
          <span className={`font-medium ${IMPACT_TEXT[incident.impact]}`}>{t(`impact.${incident.impact}`)}</span>
        )}
        {incident.components.length > 0 && (
          <span>{t('affects', { names: incident.components.map((c) => c.name).join(', ') })}</span>
        )}
      </p>
      {update && (
        <div className="mt-3">
          <p className="text-sm">
            <strong>{t(`status.${update.status}`)}</strong>
            {' · '}
            <LocalTime iso={update.displayAt} timeZone={timeZone} className="text-neutral-600 dark:text-neutral-400" />
          </p>
          <TranslatedHtml html={update.html} htmlIn={update.htmlIn} className="mt-1 text-sm" />
        </div>
      )}
      <p className="mt-3 text-sm">
        <LocalLink href={`/incidents/${incident.id}`} prefetch={false} className="font-medium underline underline-offset-2">
          {t('viewAllUpdates')}<span className="sr-only">{t('viewAllUpdatesFor', { name: incident.name })}</span>
        </LocalLink>
      </p>
    </article>
  );
}

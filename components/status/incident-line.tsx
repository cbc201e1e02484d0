import { useLocale, useTranslations } from 'next-intl';
import { TranslatedText } from '@/components/status/translated-text';
import { LocalLink } from '@/components/i18n/locale-prefix';
import { formatDuration } from '@/lib/domain/duration';
import type { IncidentView } from '@/lib/services/views';
import { LocalTime } from '@/components/ui/local-time';
import { PrivateMark } from '@/components/access/private-mark';
import { IMPACT_BORDER, IMPACT_TEXT, MAINTENANCE_BORDER } from '@/components/status/status-style';

/** A one-entry summary of an incident for lists: name, impact colour, time and duration. */
export function IncidentLine({ incident, timeZone }: { incident: IncidentView; timeZone: string }) {
  const maintenance = incident.kind === 'maintenance';
  const border = maintenance ? MAINTENANCE_BORDER : IMPACT_BORDER[incident.impact];
  const t = useTranslations('incident');
  const locale = useLocale();
  return (
    <li className={`border-s-4 py-1 ps-3 ${border}`} data-incident={incident.id}>
      <LocalLink href={`/incidents/${incident.id}`} prefetch={false} className={`font-medium break-words hover:underline ${maintenance ? 'text-status-maintenance' : IMPACT_TEXT[incident.impact]}`}>
        <TranslatedText original={incident.name} translations={incident.translations} field="name" />
      </LocalLink>
      <PrivateMark audiences={incident.privateTo} />
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        <span className="sr-only">{maintenance ? t('maintenance') : t(`impact.${incident.impact}`)}. </span>
        {incident.status === 'scheduled' && incident.scheduledFor ? (
          <>
            {t('scheduledFor')}<LocalTime iso={incident.scheduledFor} timeZone={timeZone} />
          </>
        ) : (
          <>
            {t(`status.${incident.status}`)} · <LocalTime iso={incident.startedAt} timeZone={timeZone} />
          </>
        )}
        {incident.durationMs !== null && incident.resolvedAt && t('lasted', { duration: formatDuration(incident.durationMs, locale) })}
        {incident.durationMs !== null && !incident.resolvedAt && t('ongoingFor', { duration: formatDuration(incident.durationMs, locale) })}
      </p>
    </li>
  );
}

import Link from 'next/link';
import { formatDuration } from '@/lib/domain/duration';
import { UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { IncidentView } from '@/lib/services/views';
import { LocalTime } from '@/components/ui/local-time';
import { IMPACT_BORDER, IMPACT_TEXT, MAINTENANCE_BORDER, impactText } from '@/components/status/status-style';

/** A one-entry summary of an incident for lists: name, impact colour, time and duration. */
export function IncidentLine({ incident, timeZone }: { incident: IncidentView; timeZone: string }) {
  const maintenance = incident.kind === 'maintenance';
  const border = maintenance ? MAINTENANCE_BORDER : IMPACT_BORDER[incident.impact];
  return (
    <li className={`border-l-4 py-1 pl-3 ${border}`} data-incident={incident.id}>
      <Link href={`/incidents/${incident.id}`} prefetch={false} className={`font-medium break-words hover:underline ${maintenance ? 'text-status-maintenance' : IMPACT_TEXT[incident.impact]}`}>
        {incident.name}
      </Link>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        <span className="sr-only">{maintenance ? 'Maintenance' : impactText(incident.impact)}. </span>
        {incident.status === 'scheduled' && incident.scheduledFor ? (
          <>
            Scheduled for <LocalTime iso={incident.scheduledFor} timeZone={timeZone} />
          </>
        ) : (
          <>
            {UPDATE_STATUS_LABEL[incident.status]} · <LocalTime iso={incident.startedAt} timeZone={timeZone} />
          </>
        )}
        {incident.durationMs !== null && incident.resolvedAt && <> · lasted {formatDuration(incident.durationMs)}</>}
        {incident.durationMs !== null && !incident.resolvedAt && <> · ongoing for {formatDuration(incident.durationMs)}</>}
      </p>
    </li>
  );
}

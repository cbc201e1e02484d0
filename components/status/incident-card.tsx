import Link from 'next/link';
import { UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { LiveIncident } from '@/lib/snapshot/page-document-types';
import { LocalTime } from '@/components/ui/local-time';
import { HtmlBlock } from '@/components/ui/html-block';
import { IMPACT_BORDER, IMPACT_TEXT, MAINTENANCE_BORDER, impactText } from '@/components/status/status-style';

/** An active incident or maintenance: name, impact, affected components and its latest update. */
export function IncidentCard({ incident, timeZone }: { incident: LiveIncident; timeZone: string }) {
  const maintenance = incident.kind === 'maintenance';
  const border = maintenance ? MAINTENANCE_BORDER : IMPACT_BORDER[incident.impact];
  const update = incident.latestUpdate;
  return (
    <article
      className={`rounded-lg border border-l-4 border-neutral-200 bg-white p-4 shadow-sm dark:border-neutral-800 dark:bg-neutral-900 ${border}`}
      data-incident={incident.id}
    >
      <h3 className="text-lg font-semibold break-words">
        <Link href={`/incidents/${incident.id}`} prefetch={false} className="hover:underline">
          {incident.name}
        </Link>
      </h3>
      <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
        {maintenance ? (
          incident.scheduledFor &&
          incident.scheduledUntil && (
            <span>
              {incident.status === 'scheduled' ? 'Scheduled for ' : 'Window: '}
              <LocalTime iso={incident.scheduledFor} timeZone={timeZone} /> –{' '}
              <LocalTime iso={incident.scheduledUntil} timeZone={timeZone} />
            </span>
          )
        ) : (
          <span className={`font-medium ${IMPACT_TEXT[incident.impact]}`}>{impactText(incident.impact)}</span>
        )}
        {incident.components.length > 0 && (
          <span>Affects {incident.components.map((c) => c.name).join(', ')}</span>
        )}
      </p>
      {update && (
        <div className="mt-3">
          <p className="text-sm">
            <strong>{UPDATE_STATUS_LABEL[update.status]}</strong>
            {' · '}
            <LocalTime iso={update.displayAt} timeZone={timeZone} className="text-neutral-600 dark:text-neutral-400" />
          </p>
          <HtmlBlock html={update.html} className="mt-1 text-sm" />
        </div>
      )}
      <p className="mt-3 text-sm">
        <Link href={`/incidents/${incident.id}`} prefetch={false} className="font-medium underline underline-offset-2">
          View all updates<span className="sr-only"> for {incident.name}</span>
        </Link>
      </p>
    </article>
  );
}

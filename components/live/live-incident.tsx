'use client';

import { formatDuration } from '@/lib/domain/duration';
import { IMPACT_LABEL, UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import { PAGE_DOC, type IncidentDocument } from '@/lib/snapshot/page-document-types';
import { useLiveDoc } from '@/components/live/use-live-doc';
import { IMPACT_TEXT } from '@/components/status/status-style';
import { UpdateTimeline } from '@/components/status/update-timeline';
import { HtmlBlock } from '@/components/ui/html-block';
import { LocalTime } from '@/components/ui/local-time';

/** An incident or maintenance page's article (status, summary, postmortem, timeline), kept current. */
export function LiveIncident({ initial }: { initial: IncidentDocument }) {
  const { incident, timeZone: tz } = useLiveDoc(PAGE_DOC.incident(initial.incident.id), initial);
  const maintenance = incident.kind === 'maintenance';
  return (
    <article>
      <p className="text-sm font-medium text-neutral-600 dark:text-neutral-400" data-incident-status={incident.status}>
        {maintenance ? 'Scheduled maintenance' : 'Incident'} · {UPDATE_STATUS_LABEL[incident.status]}
      </p>
      <h1 className="mt-1 text-2xl font-bold break-words">{incident.name}</h1>

      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-neutral-200 bg-white p-4 text-sm sm:grid-cols-2 dark:border-neutral-800 dark:bg-neutral-900">
        {!maintenance && (
          <div>
            <dt className="text-neutral-600 dark:text-neutral-400">Impact</dt>
            <dd className={`font-medium ${IMPACT_TEXT[incident.impact]}`}>{IMPACT_LABEL[incident.impact]}</dd>
          </div>
        )}
        <div>
          <dt className="text-neutral-600 dark:text-neutral-400">Affected components</dt>
          <dd className="font-medium">
            {incident.components.length > 0 ? incident.components.map((c) => c.name).join(', ') : 'None listed'}
          </dd>
        </div>
        {maintenance && incident.scheduledFor && incident.scheduledUntil && (
          <div>
            <dt className="text-neutral-600 dark:text-neutral-400">{incident.status === 'scheduled' ? 'Scheduled for' : 'Window'}</dt>
            <dd className="font-medium">
              <LocalTime iso={incident.scheduledFor} timeZone={tz} /> – <LocalTime iso={incident.scheduledUntil} timeZone={tz} />
            </dd>
          </div>
        )}
        {incident.status !== 'scheduled' && (
          <div>
            <dt className="text-neutral-600 dark:text-neutral-400">Started</dt>
            <dd className="font-medium">
              <LocalTime iso={incident.startedAt} timeZone={tz} />
            </dd>
          </div>
        )}
        <div>
          <dt className="text-neutral-600 dark:text-neutral-400">{maintenance ? 'Completed' : 'Resolved'}</dt>
          <dd className="font-medium">{incident.resolvedAt ? <LocalTime iso={incident.resolvedAt} timeZone={tz} /> : 'Not yet'}</dd>
        </div>
        {incident.durationMs !== null && (
          <div>
            <dt className="text-neutral-600 dark:text-neutral-400">Duration</dt>
            <dd className="font-medium">
              {formatDuration(incident.durationMs)}
              {!incident.resolvedAt && ' so far'}
            </dd>
          </div>
        )}
      </dl>

      {incident.postmortem && (
        <section aria-labelledby="postmortem" className="mt-8 rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900">
          <h2 id="postmortem" className="text-lg font-semibold">
            Postmortem
          </h2>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            Published <LocalTime iso={incident.postmortem.publishedAt} timeZone={tz} />
          </p>
          <HtmlBlock html={incident.postmortem.html} className="mt-3" />
        </section>
      )}

      <section aria-labelledby="updates" className="mt-8">
        <h2 id="updates" className="mb-4 text-lg font-semibold">
          Updates
        </h2>
        <UpdateTimeline updates={incident.updates} timeZone={tz} />
      </section>
    </article>
  );
}

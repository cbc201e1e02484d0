import { COMPONENT_STATUS_LABEL } from '@/lib/domain/status';
import type { IncidentIntervals } from '@/lib/services/list-incident-intervals';
import { correctIntervalAction } from '@/app/admin/actions/corrections';
import { ActionForm } from '@/components/admin/action-form';
import { LocalTimeField } from '@/components/admin/local-time-field';
import { STATUS_TEXT } from '@/components/status/status-style';

/**
 * When each affected component really went down and came back: its status history around the
 * incident, each period's start and end correctable. Uptime bars and percentages follow.
 */
export function ImpactTimes({ history }: { history: IncidentIntervals[] }) {
  return (
    <section aria-labelledby="impact-times" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
      <h2 id="impact-times" className="text-lg font-semibold">Correct impact times</h2>
      <p className="mb-3 text-sm text-neutral-600 dark:text-neutral-400">
        When a component really went down and came back, a day either side of the incident. Moving a time moves the next or previous
        period with it; uptime follows. Times are in your browser’s time zone.
      </p>
      {history.length === 0 && <p className="text-sm">This incident names no components.</p>}
      <div className="space-y-4">
        {history.map((component) => (
          <div key={component.componentId} data-intervals={component.componentId}>
            <h3 className="font-medium">{component.componentName}</h3>
            <ol className="mt-2 space-y-2">
              {component.intervals.map((interval) => (
                <li key={interval.id} className="rounded-md border border-neutral-200 p-3 dark:border-neutral-800" data-interval={interval.id}>
                  <ActionForm action={correctIntervalAction} submitLabel="Save times" pendingLabel="Saving…" variant="secondary" className="space-y-2">
                    <p className={`text-sm font-semibold ${STATUS_TEXT[interval.status]}`}>{COMPONENT_STATUS_LABEL[interval.status]}</p>
                    <input type="hidden" name="componentId" value={component.componentId} />
                    <input type="hidden" name="intervalId" value={interval.id} />
                    <div className="grid gap-3 sm:grid-cols-2">
                      <LocalTimeField id={`from-${interval.id}`} name="startedAt" label="From" iso={interval.startedAt} />
                      {interval.endedAt ? (
                        <LocalTimeField id={`until-${interval.id}`} name="endedAt" label="Until" iso={interval.endedAt} />
                      ) : (
                        <p className="self-end pb-2 text-sm text-neutral-600 dark:text-neutral-400">Until now (current status)</p>
                      )}
                    </div>
                  </ActionForm>
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
}

import { COMPONENT_STATUS_LABEL, UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import type { LiveUpdate } from '@/lib/snapshot/page-document-types';
import { LocalTime } from '@/components/ui/local-time';
import { HtmlBlock } from '@/components/ui/html-block';
import { STATUS_TEXT } from '@/components/status/status-style';

/** The updates of an incident, newest first, each with its status, time, text and component changes. */
export function UpdateTimeline({ updates, timeZone }: { updates: LiveUpdate[]; timeZone: string }) {
  if (updates.length === 0) return <p className="text-neutral-600 dark:text-neutral-400">No updates have been posted yet.</p>;
  return (
    <ol className="space-y-6 border-l-2 border-neutral-200 pl-5 dark:border-neutral-800" aria-label="Updates, newest first">
      {updates.map((update) => (
        <li key={update.id} className="relative" data-update={update.id}>
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[27px] h-3 w-3 rounded-full border-2 border-white bg-neutral-400 dark:border-neutral-950"
          />
          <h3 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
            {UPDATE_STATUS_LABEL[update.status]}
            <LocalTime iso={update.displayAt} timeZone={timeZone} className="text-sm font-normal text-neutral-600 dark:text-neutral-400" />
          </h3>
          <HtmlBlock html={update.html} className="mt-1" />
          {update.changes.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label="Component changes">
              {update.changes.map((change) => (
                <li
                  key={change.componentId}
                  className="rounded-full border border-neutral-200 px-2 py-0.5 dark:border-neutral-700"
                >
                  {change.componentName}:{' '}
                  <span className={STATUS_TEXT[change.oldStatus]}>{COMPONENT_STATUS_LABEL[change.oldStatus]}</span>
                  {' → '}
                  <span className={STATUS_TEXT[change.newStatus]}>{COMPONENT_STATUS_LABEL[change.newStatus]}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

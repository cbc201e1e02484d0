import { useTranslations } from 'next-intl';
import { TranslatedHtml } from '@/components/status/translated-text';
import type { LiveUpdate } from '@/lib/snapshot/page-document-types';
import { LocalTime } from '@/components/ui/local-time';
import { STATUS_TEXT } from '@/components/status/status-style';

/** The updates of an incident, newest first, each with its status, time, text and component changes. */
export function UpdateTimeline({ updates, timeZone }: { updates: LiveUpdate[]; timeZone: string }) {
  const t = useTranslations('incident');
  const ts = useTranslations('status');
  if (updates.length === 0) return <p className="text-neutral-600 dark:text-neutral-400">{t('noUpdates')}</p>;
  return (
    <ol className="space-y-6 border-s-2 border-neutral-200 ps-5 dark:border-neutral-800" aria-label={t('updatesNewestFirst')}>
      {updates.map((update) => (
        <li key={update.id} className="relative" data-update={update.id}>
          <span
            aria-hidden="true"
            className="absolute top-1.5 -start-[27px] h-3 w-3 rounded-full border-2 border-white bg-neutral-400 dark:border-neutral-950"
          />
          <h3 className="flex flex-wrap items-baseline gap-x-2 font-semibold">
            {t(`status.${update.status}`)}
            <LocalTime iso={update.displayAt} timeZone={timeZone} className="text-sm font-normal text-neutral-600 dark:text-neutral-400" />
            {update.editedAt && (
              <span className="text-xs font-normal text-neutral-600 italic dark:text-neutral-400" data-edited={update.editedAt}>
                {t('edited')}<LocalTime iso={update.editedAt} timeZone={timeZone} />
              </span>
            )}
          </h3>
          <TranslatedHtml html={update.html} htmlIn={update.htmlIn} className="mt-1" />
          {update.changes.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label={t('componentChanges')}>
              {update.changes.map((change) => (
                <li
                  key={change.componentId}
                  className="rounded-full border border-neutral-200 px-2 py-0.5 dark:border-neutral-700"
                >
                  {change.componentName}:{' '}
                  <span className={STATUS_TEXT[change.oldStatus]}>{ts(`component.${change.oldStatus}`)}</span>
                  {' → '}
                  <span className={STATUS_TEXT[change.newStatus]}>{ts(`component.${change.newStatus}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

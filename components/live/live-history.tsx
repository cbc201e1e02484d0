'use client';

import { useLocale, useTranslations } from 'next-intl';
import { PAGE_DOC, type HistoryDocument } from '@/lib/snapshot/page-document-types';
import { monthLabel } from '@/components/ui/format-time';
import { useLiveDoc } from '@/components/live/use-live-doc';
import { IncidentLine } from '@/components/status/incident-line';

/**
 * The months of a history page. The first page without a filter (where anything new appears)
 * is kept current from the history document; older or filtered pages stay as rendered.
 */
export function LiveHistory({ initial, live }: { initial: HistoryDocument; live: boolean }) {
  const { months, timeZone: tz } = useLiveDoc(live ? PAGE_DOC.history : null, initial);
  const t = useTranslations('history');
  const locale = useLocale();
  return (
    <div className="mt-6 space-y-8">
      {months.map((month) => (
        <section key={month.key} aria-labelledby={`month-${month.key}`} data-month={month.key}>
          <h2 id={`month-${month.key}`} className="border-b border-neutral-200 pb-1 text-lg font-semibold dark:border-neutral-800">
            {monthLabel(month.key, month.label, locale)}
          </h2>
          {month.incidents.length === 0 ? (
            <p className="mt-3 text-sm text-neutral-600 dark:text-neutral-400">{t('noIncidents')}</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {month.incidents.map((incident) => (
                <IncidentLine key={incident.id} incident={incident} timeZone={tz} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}


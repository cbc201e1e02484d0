'use client';

import { useLocale, useTranslations } from 'next-intl';
import { LocalLink } from '@/components/i18n/locale-prefix';
import type { ReactNode } from 'react';
import { PAGE_DOC, type OverviewDocument } from '@/lib/snapshot/page-document-types';
import { useLiveDoc } from '@/components/live/use-live-doc';
import { ComponentList } from '@/components/status/component-list';
import { IncidentCard } from '@/components/status/incident-card';
import { IncidentLine } from '@/components/status/incident-line';
import { StatusBanner } from '@/components/status/status-banner';
import { dateLocale, formatDayKey } from '@/components/ui/format-time';

/**
 * Everything on `/` below the header, kept current from the overview document. The document
 * carries no uptime bars: each component keeps the bars the server rendered (`bars`, by id), passed
 * as rendered nodes so the days' detail is not sent again as props.
 */
export function LiveOverview({
  initial,
  bars,
  docKey = PAGE_DOC.overview,
}: {
  initial: OverviewDocument;
  bars: Record<string, ReactNode>;
  /** null keeps `initial` (a member's page, which the public document must not overwrite). */
  docKey?: string | null;
}) {
  const view = useLiveDoc(docKey, initial);
  const t = useTranslations('status');
  const tc = useTranslations('common');
  const locale = useLocale();
  const tz = view.timeZone;
  const maintenance = [...view.activeMaintenance, ...view.upcomingMaintenance];

  return (
    <>
      <StatusBanner status={view.status} />

      {view.activeIncidents.length > 0 && (
        <section aria-labelledby="active-incidents" className="mt-8">
          <h2 id="active-incidents" className="mb-3 text-lg font-semibold">
            {t('activeIncidents')}
          </h2>
          <div className="space-y-4">
            {view.activeIncidents.map((incident) => (
              <IncidentCard key={incident.id} incident={incident} timeZone={tz} />
            ))}
          </div>
        </section>
      )}

      {maintenance.length > 0 && (
        <section aria-labelledby="maintenance" className="mt-8">
          <h2 id="maintenance" className="mb-3 text-lg font-semibold">
            {view.activeMaintenance.length > 0 ? t('maintenanceInProgress') : t('scheduledMaintenance')}
          </h2>
          <div className="space-y-4">
            {maintenance.map((m) => (
              <IncidentCard key={m.id} incident={m} timeZone={tz} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="components" className="mt-8">
        <h2 id="components" className="mb-3 text-lg font-semibold">
          {t('components')}
        </h2>
        <ComponentList groups={view.groups} ungrouped={view.ungrouped} bars={bars} />
      </section>

      <section aria-labelledby="past-incidents" className="mt-10">
        <h2 id="past-incidents" className="mb-3 text-lg font-semibold">
          {t('pastIncidents')}
        </h2>
        <div className="space-y-5">
          {view.recentDays.map((day) => (
            <div key={day.key}>
              <h3 className="border-b border-neutral-200 pb-1 font-medium dark:border-neutral-800">
                <time dateTime={day.key}>{formatDayKey(day.key, dateLocale(locale))}</time>
              </h3>
              {day.incidents.length === 0 ? (
                <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">{t('noIncidentsReported')}</p>
              ) : (
                <ul className="mt-2 space-y-2">
                  {day.incidents.map((incident) => (
                    <IncidentLine key={incident.id} incident={incident} timeZone={tz} />
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
        <p className="mt-6">
          <LocalLink prefetch={false} href={'/history'} className="font-medium underline underline-offset-2">
            {tc('incidentHistory')}
          </LocalLink>
        </p>
      </section>
    </>
  );
}

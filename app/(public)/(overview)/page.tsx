import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { getEnv } from '@/lib/env';
import { requestContext } from '@/lib/services/context';
import { getStatusPage } from '@/lib/services/get-status-page';
import { ComponentList } from '@/components/status/component-list';
import { IncidentCard } from '@/components/status/incident-card';
import { IncidentLine } from '@/components/status/incident-line';
import { PageHeader } from '@/components/status/page-header';
import { StatusBanner } from '@/components/status/status-banner';
import { formatDayKey } from '@/components/ui/format-time';

export const dynamic = 'force-dynamic';

const load = cache(async () =>
  getStatusPage({ ctx: await requestContext(), partialWeight: getEnv().BEACON_UPTIME_PARTIAL_WEIGHT }),
);

export async function generateMetadata(): Promise<Metadata> {
  const view = await load();
  return { title: `${view.page.name} status`, description: view.status.description };
}

export default async function StatusPage() {
  const view = await load();
  const tz = view.page.timeZone;
  return (
    <>
      <PageHeader page={view.page} />
      <StatusBanner status={view.status} />

      {view.activeIncidents.length > 0 && (
        <section aria-labelledby="active-incidents" className="mt-8">
          <h2 id="active-incidents" className="mb-3 text-lg font-semibold">
            Active incidents
          </h2>
          <div className="space-y-4">
            {view.activeIncidents.map((incident) => (
              <IncidentCard key={incident.id} incident={incident} timeZone={tz} />
            ))}
          </div>
        </section>
      )}

      {(view.activeMaintenance.length > 0 || view.upcomingMaintenance.length > 0) && (
        <section aria-labelledby="maintenance" className="mt-8">
          <h2 id="maintenance" className="mb-3 text-lg font-semibold">
            {view.activeMaintenance.length > 0 ? 'Maintenance in progress' : 'Scheduled maintenance'}
          </h2>
          <div className="space-y-4">
            {[...view.activeMaintenance, ...view.upcomingMaintenance].map((m) => (
              <IncidentCard key={m.id} incident={m} timeZone={tz} />
            ))}
          </div>
        </section>
      )}

      <section aria-labelledby="components" className="mt-8">
        <h2 id="components" className="mb-3 text-lg font-semibold">
          Components
        </h2>
        <ComponentList groups={view.groups} ungrouped={view.ungrouped} />
      </section>

      <section aria-labelledby="past-incidents" className="mt-10">
        <h2 id="past-incidents" className="mb-3 text-lg font-semibold">
          Past incidents
        </h2>
        <div className="space-y-5">
          {view.recentDays.map((day) => (
            <div key={day.key}>
              <h3 className="border-b border-neutral-200 pb-1 font-medium dark:border-neutral-800">
                <time dateTime={day.key}>{formatDayKey(day.key)}</time>
              </h3>
              {day.incidents.length === 0 ? (
                <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">No incidents reported.</p>
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
          <Link href="/history" className="font-medium underline underline-offset-2">
            Incident history
          </Link>
        </p>
      </section>
    </>
  );
}

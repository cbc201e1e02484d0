import type { Metadata } from 'next';
import Link from 'next/link';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { getStatusPage } from '@/lib/services/get-status-page';
import { listAdminIncidents } from '@/lib/services/list-admin-incidents';
import { IncidentTable } from '@/components/admin/incident-table';
import { StatusBanner } from '@/components/status/status-banner';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const operator = await requireOperator('responder');
  const ctx = await requestContext();
  const [page, incidents, maintenance] = await Promise.all([
    getStatusPage({ ctx }),
    listAdminIncidents({ ctx, kind: 'incident', limit: 10 }),
    listAdminIncidents({ ctx, kind: 'maintenance', limit: 0 }),
  ]);
  const due = incidents.closed.filter((i) => i.postmortemDue);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Hello, {operator.name}</h1>
        <div className="flex gap-2">
          <Link href="/admin/incidents/new" className="rounded-md bg-neutral-900 px-3 py-2 text-sm font-medium text-white dark:bg-neutral-100 dark:text-neutral-900">
            New incident
          </Link>
          <Link href="/admin/maintenance/new" className="rounded-md border border-neutral-300 px-3 py-2 text-sm font-medium dark:border-neutral-700">
            Schedule maintenance
          </Link>
        </div>
      </div>
      <section aria-label="What customers see">
        <StatusBanner status={page.status} />
      </section>
      <section aria-labelledby="open-incidents">
        <h2 id="open-incidents" className="mb-2 text-lg font-semibold">Open incidents</h2>
        <IncidentTable items={incidents.open} timeZone={page.page.timeZone} empty="No open incidents." />
      </section>
      {due.length > 0 && (
        <section aria-labelledby="postmortems">
          <h2 id="postmortems" className="mb-2 text-lg font-semibold">Postmortems due</h2>
          <IncidentTable items={due} timeZone={page.page.timeZone} empty="" />
        </section>
      )}
      <section aria-labelledby="maintenance">
        <h2 id="maintenance" className="mb-2 text-lg font-semibold">Scheduled and in-progress maintenance</h2>
        <IncidentTable items={maintenance.open} timeZone={page.page.timeZone} empty="Nothing scheduled." />
      </section>
    </div>
  );
}

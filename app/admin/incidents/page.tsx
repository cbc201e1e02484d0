import type { Metadata } from 'next';
import Link from 'next/link';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { listAdminIncidents } from '@/lib/services/list-admin-incidents';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { IncidentTable } from '@/components/admin/incident-table';

export const metadata: Metadata = { title: 'Incidents' };

export default async function IncidentsPage() {
  await requireOperator('responder');
  const ctx = await requestContext();
  const [{ open, closed }, settings] = await Promise.all([listAdminIncidents({ ctx, kind: 'incident' }), getPageSettings(ctx.db, ctx.now())]);
  return (
    <div className="space-y-8">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Incidents</h1>
        <Link href="/admin/incidents/new" className="rounded-md bg-neutral-900 px-3 py-2 text-sm font-medium text-white dark:bg-neutral-100 dark:text-neutral-900">
          New incident
        </Link>
      </div>
      <section aria-labelledby="open">
        <h2 id="open" className="mb-2 text-lg font-semibold">Open</h2>
        <IncidentTable items={open} timeZone={settings.time_zone} empty="No open incidents. All quiet." />
      </section>
      <section aria-labelledby="closed">
        <h2 id="closed" className="mb-2 text-lg font-semibold">Recently resolved</h2>
        <IncidentTable items={closed} timeZone={settings.time_zone} empty="Nothing resolved yet." />
      </section>
    </div>
  );
}

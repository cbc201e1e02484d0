import type { Metadata } from 'next';
import Link from 'next/link';
import { requireOperator } from '@/lib/auth/require-operator';
import { requestContext } from '@/lib/services/context';
import { listAdminIncidents } from '@/lib/services/list-admin-incidents';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { IncidentTable } from '@/components/admin/incident-table';

export const metadata: Metadata = { title: 'Maintenance' };

export default async function MaintenanceListPage() {
  await requireOperator('responder');
  const ctx = await requestContext();
  const [{ open, closed }, settings] = await Promise.all([listAdminIncidents({ ctx, kind: 'maintenance' }), getPageSettings(ctx.db, ctx.now())]);
  return (
    <div className="space-y-8">
      <div className="flex items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Maintenance</h1>
        <Link href="/admin/maintenance/new" className="rounded-md bg-neutral-900 px-3 py-2 text-sm font-medium text-white dark:bg-neutral-100 dark:text-neutral-900">
          Schedule maintenance
        </Link>
      </div>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming" className="mb-2 text-lg font-semibold">Scheduled and in progress</h2>
        <IncidentTable items={open} timeZone={settings.time_zone} empty="Nothing scheduled." />
      </section>
      <section aria-labelledby="past">
        <h2 id="past" className="mb-2 text-lg font-semibold">Completed and cancelled</h2>
        <IncidentTable items={closed} timeZone={settings.time_zone} empty="No past maintenance." />
      </section>
    </div>
  );
}

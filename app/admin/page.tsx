import type { Metadata } from 'next';
import Link from 'next/link';
import { requireOperator } from '@/lib/auth/require-operator';
import { formatDuration } from '@/lib/domain/duration';
import { IMPACT_LABEL, UPDATE_STATUS_LABEL } from '@/lib/domain/status';
import { mailGoesToDevMailboxInProduction } from '@/lib/notify/email';
import { requestContext } from '@/lib/services/context';
import { getDashboard } from '@/lib/services/get-dashboard';
import { getStatusPage } from '@/lib/services/get-status-page';
import type { AdminIncidentItem } from '@/lib/services/list-admin-incidents';
import { DashboardComponents } from '@/components/admin/dashboard-components';
import { DeliveryHealth } from '@/components/admin/delivery-health';
import { StatusBanner } from '@/components/status/status-banner';
import { IMPACT_TEXT } from '@/components/status/status-style';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Dashboard' };

const excerpt = (markdown: string) => {
  const plain = markdown.replace(/[#*_`>[\]()]/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > 140 ? `${plain.slice(0, 139)}…` : plain;
};

const hrefOf = (item: AdminIncidentItem) => `/admin/${item.kind === 'incident' ? 'incidents' : 'maintenance'}/${item.id}`;

/** Incidents or maintenance as a list that reads the same on a phone: name, state, age, the latest word. */
function WorkList({ items, now, timeZone, empty, kind }: { items: AdminIncidentItem[]; now: number; timeZone: string; empty: string; kind: 'open' | 'due' | 'maintenance' }) {
  if (items.length === 0) return <p className="rounded-lg border border-dashed border-neutral-300 px-4 py-3 text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">{empty}</p>;
  return (
    <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
      {items.map((item) => (
        <li key={item.id} className="space-y-1 px-4 py-3 text-sm" data-incident={item.id}>
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Link href={hrefOf(item)} className="font-medium underline-offset-2 hover:underline">
              {item.name}
            </Link>
            <span className="text-neutral-700 dark:text-neutral-300">{UPDATE_STATUS_LABEL[item.status]}</span>
            {item.kind === 'incident' && <span className={`font-medium ${IMPACT_TEXT[item.impact]}`}>{IMPACT_LABEL[item.impact]}</span>}
          </p>
          <p className="text-neutral-600 dark:text-neutral-400">
            {kind === 'open' && <>Open for {formatDuration(now - Date.parse(item.startedAt))}</>}
            {kind === 'due' && item.resolvedAt && <>Resolved {formatDuration(now - Date.parse(item.resolvedAt))} ago, no postmortem yet</>}
            {kind === 'maintenance' && item.scheduledFor && (
              <>
                <LocalTime iso={item.scheduledFor} timeZone={timeZone} />
                {item.scheduledUntil && (
                  <>
                    {' '}
                    to <LocalTime iso={item.scheduledUntil} timeZone={timeZone} />
                  </>
                )}
              </>
            )}
            {item.components.length > 0 && <> · {item.components.map((c) => c.name).join(', ')}</>}
          </p>
          {kind === 'open' && item.latestUpdate && (
            <p className="text-neutral-800 dark:text-neutral-200">
              <span className="font-medium">Last update {formatDuration(now - Date.parse(item.latestUpdate.displayAt))} ago:</span> {excerpt(item.latestUpdate.body)}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export default async function DashboardPage() {
  const operator = await requireOperator('responder');
  const ctx = await requestContext();
  const [page, dashboard] = await Promise.all([getStatusPage({ ctx }), getDashboard({ ctx })]);
  const now = ctx.now().getTime();
  const tz = page.page.timeZone;
  const affected = dashboard.componentGroups.flatMap((g) => g.components).filter((c) => c.status !== 'operational').length;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Hello, {operator.name}</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/incidents/new" className="rounded-md bg-neutral-900 px-3 py-2 text-sm font-medium text-white dark:bg-neutral-100 dark:text-neutral-900">
            New incident
          </Link>
          <Link href="/admin/maintenance/new" className="rounded-md border border-neutral-300 px-3 py-2 text-sm font-medium dark:border-neutral-700">
            Schedule maintenance
          </Link>
        </div>
      </div>
      {!dashboard.delivery.smtpConfigured && !mailGoesToDevMailboxInProduction() && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100" data-banner="no-smtp">
          <strong>Email goes to the dev mailbox.</strong> SMTP_URL is not set, so subscribers get no mail; read it in the{' '}
          <Link href="/admin/mailbox" className="underline">
            mailbox
          </Link>
          .
        </p>
      )}
      <section aria-label="What customers see">
        <StatusBanner status={page.status} />
      </section>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-8">
          <section aria-labelledby="open-incidents">
            <h2 id="open-incidents" className="mb-2 text-lg font-semibold">
              Open incidents <span className="text-sm font-normal text-neutral-600 dark:text-neutral-400">({dashboard.openIncidents.length})</span>
            </h2>
            <WorkList items={dashboard.openIncidents} now={now} timeZone={tz} empty="No open incidents." kind="open" />
          </section>
          <section aria-labelledby="postmortems">
            <h2 id="postmortems" className="mb-2 text-lg font-semibold">Postmortems due</h2>
            <WorkList items={dashboard.postmortemsDue} now={now} timeZone={tz} empty="No critical incident is waiting for a postmortem." kind="due" />
          </section>
          <section aria-labelledby="maintenance">
            <h2 id="maintenance" className="mb-2 text-lg font-semibold">Maintenance in the next 7 days</h2>
            <WorkList items={dashboard.maintenance} now={now} timeZone={tz} empty="Nothing under way or scheduled this week." kind="maintenance" />
          </section>
        </div>
        <section aria-labelledby="delivery">
          <h2 id="delivery" className="mb-2 text-lg font-semibold">Delivery health</h2>
          <DeliveryHealth delivery={dashboard.delivery} timeZone={tz} />
        </section>
      </div>
      <section aria-labelledby="components">
        <h2 id="components" className="mb-2 text-lg font-semibold">
          Components <span className="text-sm font-normal text-neutral-600 dark:text-neutral-400">({affected === 0 ? 'all operational' : `${affected} not operational`})</span>
        </h2>
        <DashboardComponents groups={dashboard.componentGroups} />
      </section>
    </div>
  );
}

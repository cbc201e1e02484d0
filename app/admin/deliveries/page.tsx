import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/subscriptions/action-button';
import { LocalTime } from '@/components/ui/local-time';
import { requireOperator } from '@/lib/auth/require-operator';
import { DeliveryFilter, getOutboxBacklog, listDeliveries } from '@/lib/services/admin-deliveries';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { retryDeliveryAction } from '@/app/admin/deliveries/actions';

export const metadata: Metadata = { title: 'Deliveries' };

const STATES = ['queued', 'delivered', 'dead', 'cancelled'] as const;

/** Every alert with its attempts; dead ones can be retried. */
export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireOperator('responder');
  const q = await searchParams;
  const parsed = DeliveryFilter.safeParse({ state: typeof q.state === 'string' && q.state ? q.state : undefined });
  const filter = parsed.success ? parsed.data : {};
  const ctx = await requestContext();
  const [rows, backlog, settings] = await Promise.all([listDeliveries(ctx.db, filter), getOutboxBacklog(ctx.db, ctx.now()), getPageSettings(ctx.db, ctx.now())]);
  const tz = settings.time_zone;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Deliveries</h1>
      <p className="text-sm" data-testid="outbox-backlog">
        Outbox: <strong>{backlog.queued}</strong> waiting
        {backlog.oldestAgeSeconds !== null && <> · oldest due for {backlog.oldestAgeSeconds} s</>} · <strong>{backlog.dead}</strong> dead
      </p>
      <nav aria-label="Filter by state" className="flex flex-wrap gap-3 text-sm">
        <Link className={!filter.state ? 'font-semibold underline' : 'underline'} href="/admin/deliveries">All</Link>
        {STATES.map((s) => (
          <Link key={s} className={filter.state === s ? 'font-semibold underline' : 'underline'} href={`/admin/deliveries?state=${s}`}>
            {s === 'queued' ? 'Waiting' : s[0]!.toUpperCase() + s.slice(1)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No deliveries{filter.state ? ` in state ${filter.state}` : ' yet'}.</p>
      ) : (
        <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          {rows.map((r) => (
            <li key={r.id} className="space-y-1 px-4 py-3 text-sm" data-delivery={r.state}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p>
                  <code>{r.type}</code> → <span className="break-all">{r.target}</span> ({r.channel}) ·{' '}
                  <strong>{r.state === 'queued' ? 'waiting' : r.state}</strong> · {r.attemptCount} attempt{r.attemptCount === 1 ? '' : 's'} · queued{' '}
                  <LocalTime iso={r.created_at} timeZone={tz} />
                  {r.state === 'queued' && r.attemptCount > 0 && <> · next try <LocalTime iso={r.available_at} timeZone={tz} /></>}
                </p>
                {r.state === 'dead' && (
                  <ActionButton action={retryDeliveryAction} id={r.id} label="Retry" pendingLabel="Queuing…" />
                )}
              </div>
              {r.attempts.length > 0 && (
                <details>
                  <summary className="cursor-pointer text-neutral-600 dark:text-neutral-400">Attempts</summary>
                  <ol className="mt-1 space-y-0.5 text-xs">
                    {r.attempts.map((a) => (
                      <li key={a.id}>
                        #{a.attempt} <LocalTime iso={a.started_at} timeZone={tz} /> · {a.duration_ms} ms · {a.ok ? 'ok' : 'failed'}
                        {a.status_code ? ` · HTTP ${a.status_code}` : ''}
                        {a.response ? ` · ${a.response}` : ''}
                        {a.error ? ` · ${a.error}` : ''}
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

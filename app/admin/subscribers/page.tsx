import type { Metadata } from 'next';
import { ActionButton } from '@/components/subscriptions/action-button';
import { INPUT } from '@/components/subscriptions/styles';
import { LocalTime } from '@/components/ui/local-time';
import { requireOperator } from '@/lib/auth/require-operator';
import { isAllowed } from '@/lib/domain/permissions';
import { listComponents } from '@/lib/db/queries/components';
import { listSubscribers, SubscriberFilter } from '@/lib/services/admin-subscribers';
import { maskedWebhookUrl, subscriberTypeLabel } from '@/lib/domain/webhook-display';
import { requestContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { removeSubscriberAction } from '@/app/admin/subscribers/actions';

export const metadata: Metadata = { title: 'Subscribers' };

const str = (v: string | string[] | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The filter fields as the form labels them, for messages about a bad value. */
const LABELS: Record<string, string> = { q: 'Search', kind: 'Type', state: 'State', componentId: 'Component' };

/** Subscribers: search, filter by type, state and component, counts, remove, CSV export. */
export default async function SubscribersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const operator = await requireOperator('responder');
  const canRemove = isAllowed(operator.role, 'subscriber.remove');
  const q = await searchParams;
  const raw = { q: str(q.q), kind: str(q.kind), state: str(q.state), componentId: str(q.component) };
  const parsed = SubscriberFilter.safeParse(raw);
  // A bad value is left out of the filter and named, rather than failing the page.
  const bad = new Map(parsed.success ? [] : parsed.error.issues.map((i) => [String(i.path[0]), `${LABELS[String(i.path[0])] ?? String(i.path[0])} ${i.message}`]));
  const filter = parsed.success ? parsed.data : SubscriberFilter.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
  const ctx = await requestContext();
  const [{ items, counts }, components, settings] = await Promise.all([
    listSubscribers(ctx.db, filter),
    listComponents(ctx.db),
    getPageSettings(ctx.db, ctx.now()),
  ]);
  const count = (kind: string, state: string) => counts.find((c) => c.kind === kind && c.state === state)?.n ?? 0;
  const exportQuery = new URLSearchParams(Object.entries({ q: filter.q, kind: filter.kind, state: filter.state, component: filter.componentId }).filter(([, v]) => v) as [string, string][]);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Subscribers</h1>
      {bad.size > 0 && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          {[...bad.values()].join('; ')}. That filter is left out.
        </p>
      )}
      <table className="text-sm" aria-label="Subscriber counts">
        <thead>
          <tr className="text-start text-neutral-600 dark:text-neutral-400">
            <th className="pe-6 font-medium">Type</th>
            {(['active', 'pending', 'disabled', 'unsubscribed'] as const).map((s) => (
              <th key={s} className="pe-6 font-medium capitalize">{s}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['email', 'webhook'] as const).map((k) => (
            <tr key={k}>
              <th className="pe-6 text-start font-medium capitalize">{k}</th>
              {(['active', 'pending', 'disabled', 'unsubscribed'] as const).map((s) => (
                <td key={s} className="pe-6 tabular-nums">{count(k, s)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Search</label>
          <input id="q" name="q" defaultValue={filter.q ?? ''} placeholder="email or URL" className={INPUT} />
        </div>
        <div>
          <label htmlFor="kind" className="block text-sm font-medium">Type</label>
          <select className={INPUT} id="kind" name="kind" defaultValue={filter.kind ?? ''}>
            <option value="">All</option>
            <option value="email">Email</option>
            <option value="webhook">Webhook</option>
          </select>
        </div>
        <div>
          <label htmlFor="state" className="block text-sm font-medium">State</label>
          <select className={INPUT} id="state" name="state" defaultValue={filter.state ?? ''}>
            <option value="">All</option>
            <option value="active">Active</option>
            <option value="pending">Pending</option>
            <option value="disabled">Disabled</option>
            <option value="unsubscribed">Unsubscribed</option>
          </select>
        </div>
        <div>
          <label htmlFor="component" className="block text-sm font-medium">Component</label>
          <select className={INPUT} id="component" name="component" defaultValue={filter.componentId ?? ''}>
            <option value="">Any</option>
            {components.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md border border-neutral-300 px-3 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800">Filter</button>
        <a className="text-sm underline" href={`/admin/subscribers/export?${exportQuery}`}>Export CSV</a>
      </form>
      {items.length === 0 ? (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">No subscribers match.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-start text-sm">
            <thead className="text-neutral-600 dark:text-neutral-400">
              <tr>
                <th className="py-2 pe-3 font-medium">Subscriber</th>
                <th className="py-2 pe-3 font-medium">State</th>
                <th className="py-2 pe-3 font-medium">Receives</th>
                <th className="py-2 pe-3 font-medium">Since</th>
                <th className="py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} className="border-t border-neutral-200 align-top dark:border-neutral-800">
                  <td className="py-2 pe-3 break-all">
                    <span className="me-2 rounded bg-neutral-100 px-1.5 py-0.5 text-xs dark:bg-neutral-800">{subscriberTypeLabel(s.kind, s.chatPlatform)}</span>
                    {s.kind === 'email' ? s.email : s.url && maskedWebhookUrl(s.url)}
                    {s.kind === 'webhook' && s.email && <span className="block text-xs text-neutral-600 dark:text-neutral-400">owner {s.email}</span>}
                  </td>
                  <td className="py-2 pe-3">
                    {s.state}
                    {s.failingSince && <span className="block text-xs text-red-700 dark:text-red-400">failing since <LocalTime iso={s.failingSince} timeZone={settings.time_zone} /></span>}
                  </td>
                  <td className="py-2 pe-3">
                    {s.allComponents ? 'all components' : 'chosen components'} · {s.events === 'all' ? 'every update' : 'start and resolution'}
                    {s.maintenance ? ' · maintenance' : ''}
                  </td>
                  <td className="py-2 pe-3 whitespace-nowrap"><LocalTime iso={s.createdAt} timeZone={settings.time_zone} /></td>
                  <td className="py-2">
                    {canRemove && <ActionButton action={removeSubscriberAction} id={s.id} label="Remove" pendingLabel="Removing…" danger confirm={`Remove ${s.kind === 'email' ? s.email : maskedWebhookUrl(s.url ?? '')}?`} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

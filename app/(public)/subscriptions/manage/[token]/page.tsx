import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/status/page-header';
import { PreferencesForm, UnsubscribeForm } from '@/components/subscriptions/manage-forms';
import { CARD } from '@/components/subscriptions/styles';
import { LocalTime } from '@/components/ui/local-time';
import { requestContext } from '@/lib/services/context';
import { getSubscription, listComponentChoices } from '@/lib/services/get-subscription';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Manage subscription', robots: { index: false } };

const STATE_LABEL = { pending: 'Waiting for confirmation', active: 'Active', disabled: 'Disabled after repeated failures', unsubscribed: 'Unsubscribed' };

/** A subscriber's private page: preferences, recent deliveries, unsubscribe. */
export default async function ManagePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await requestContext();
  const view = /^[\w-]{20,64}$/.test(token) ? await getSubscription(ctx.db, token, ctx.now()) : undefined;
  if (!view) notFound();
  const choices = await listComponentChoices(ctx.db);
  const s = view.subscriber;
  return (
    <>
      <PageHeader page={view.page} />
      <div className="space-y-6">
        <div>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">{view.pageName} status alerts</p>
          <h1 className="text-2xl font-bold">Manage your subscription</h1>
          <dl className="mt-3 grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="text-neutral-600 dark:text-neutral-400">{s.kind === 'email' ? 'Email' : 'Webhook'}</dt>
            <dd className="font-medium break-all">{s.kind === 'email' ? s.email : s.url}</dd>
            <dt className="text-neutral-600 dark:text-neutral-400">State</dt>
            <dd className="font-medium" data-testid="subscription-state">{STATE_LABEL[s.state]}</dd>
          </dl>
        </div>
        {s.state !== 'unsubscribed' && (
          <PreferencesForm token={token} choices={choices} allComponents={s.all_components} componentIds={view.componentIds} events={s.events} maintenance={s.maintenance} />
        )}
        <section className={CARD} aria-labelledby="deliveries">
          <h2 id="deliveries" className="text-lg font-semibold">Recent deliveries</h2>
          {view.deliveries.length === 0 ? (
            <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">Nothing sent yet.</p>
          ) : (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-neutral-600 dark:text-neutral-400">
                  <tr>
                    <th className="py-1 pr-3 font-medium">Queued</th>
                    <th className="py-1 pr-3 font-medium">Alert</th>
                    <th className="py-1 pr-3 font-medium">State</th>
                    <th className="py-1 pr-3 font-medium">Tries</th>
                    <th className="py-1 font-medium">Last answer</th>
                  </tr>
                </thead>
                <tbody>
                  {view.deliveries.map((d) => (
                    <tr key={d.id} className="border-t border-neutral-200 dark:border-neutral-800">
                      <td className="py-1 pr-3 whitespace-nowrap"><LocalTime iso={d.createdAt} timeZone={view.page.timeZone} /></td>
                      <td className="py-1 pr-3"><code>{d.type}</code></td>
                      <td className="py-1 pr-3">{d.state === 'queued' ? 'pending' : d.state}</td>
                      <td className="py-1 pr-3">{d.attempts}</td>
                      <td className="py-1">{d.lastStatus ? `HTTP ${d.lastStatus}` : (d.lastError ?? (d.state === 'delivered' ? 'accepted' : '–'))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        {s.state !== 'unsubscribed' && (
          <section className={CARD} aria-labelledby="leave">
            <h2 id="leave" className="mb-3 text-lg font-semibold">Leave</h2>
            <UnsubscribeForm token={token} />
          </section>
        )}
      </div>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { hasRole, operatorActor, requireOperator } from '@/lib/auth/require-operator';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import type { NoticeRecord } from '@/lib/db/queries/notices';
import { describeTarget, openFor } from '@/lib/domain/notices';
import { SUPPORT_LEVEL_LABELS } from '@/lib/domain/support-levels';
import { requestContext } from '@/lib/services/context';
import { listNotices } from '@/lib/services/list-notices';
import { closeNoticeAction, promoteNoticeAction, sendNoticeAction } from '@/app/admin/actions/notices';
import { ActionForm } from '@/components/admin/action-form';
import { NoticeAudiencePicker } from '@/components/admin/notices/notice-audience-picker';
import { Field, TextArea, TextInput } from '@/components/ui/fields';
import { LocalTime } from '@/components/ui/local-time';

export const metadata: Metadata = { title: 'Notices' };

/** What happened to a notice's messages, in words. */
function deliveryLine(n: NoticeRecord): string {
  const total = n.deliveries.delivered + n.deliveries.failed + n.deliveries.queued;
  if (total === 0) return 'no member to email';
  const parts = [`${n.deliveries.delivered} of ${total} email${total === 1 ? '' : 's'} delivered`];
  if (n.deliveries.failed) parts.push(`${n.deliveries.failed} failed`);
  if (n.deliveries.queued) parts.push(`${n.deliveries.queued} sending`);
  return parts.join(', ');
}

/** Early notices: warn chosen audiences before (or without) a public incident; close or promote them. */
export default async function NoticesPage() {
  const operator = await requireOperator('responder');
  const ctx = await requestContext(operatorActor(operator));
  const [{ open, done, audiences }, settings] = await Promise.all([listNotices({ ctx }), getPageSettings(ctx.db)]);
  const tz = settings.time_zone;
  const canSend = hasRole(operator, 'responder');
  const now = ctx.now();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Notices</h1>
        <p className="mt-1 max-w-3xl text-sm text-neutral-600 dark:text-neutral-400">
          Tell chosen customers at once, by email and on their signed-in status page, without a public incident. Nobody else sees a notice. Promote it to an incident when it becomes one, or close it.
        </p>
      </div>

      <section aria-labelledby="open-notices" className="space-y-3">
        <h2 id="open-notices" className="text-lg font-semibold">Open</h2>
        {open.length === 0 ? (
          <p className="rounded-lg border border-dashed border-neutral-300 p-4 text-sm text-neutral-600 dark:border-neutral-700 dark:text-neutral-400">No open notices.</p>
        ) : (
          <ul className="space-y-3" aria-label="Open notices">
            {open.map((n) => (
              <li key={n.id} className="rounded-lg border border-violet-200 bg-violet-50/40 p-4 dark:border-violet-900 dark:bg-violet-950/30" data-notice={n.title}>
                <h3 className="font-semibold break-words">{n.title}</h3>
                <p className="mt-0.5 text-sm text-neutral-700 dark:text-neutral-300">
                  To <strong>{describeTarget(n.min_level, n.audiences.map((a) => a.name))}</strong>
                  {n.min_level && <> ({n.audiences.map((a) => a.name).join(', ')})</>}
                </p>
                <p className="mt-2 text-sm break-words whitespace-pre-wrap">{n.body}</p>
                <p className="mt-2 text-xs text-neutral-600 dark:text-neutral-400">
                  Sent <LocalTime iso={n.created_at} timeZone={tz} /> by {n.sent_by} · open {openFor(n.created_at, now)} · {deliveryLine(n)}
                </p>
                {canSend && (
                  <div className="mt-3 flex flex-wrap gap-2">
                    <ActionForm action={promoteNoticeAction} submitLabel="Promote to incident" submitAriaLabel={`Promote “${n.title}” to an incident`} pendingLabel="Opening…" confirm={`Open an incident from “${n.title}”? It is private to ${n.audiences.map((a) => a.name).join(', ')} until you widen it.`} className="">
                      <input type="hidden" name="id" value={n.id} />
                    </ActionForm>
                    <ActionForm action={closeNoticeAction} submitLabel="Close" submitAriaLabel={`Close “${n.title}”`} variant="secondary" confirm={`Close “${n.title}”? It leaves the customers' page; nobody is emailed.`} className="">
                      <input type="hidden" name="id" value={n.id} />
                    </ActionForm>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canSend && (
        <section aria-labelledby="send-notice" className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
          <h2 id="send-notice" className="mb-3 font-semibold">Send a notice</h2>
          {audiences.length === 0 ? (
            <p className="text-sm text-neutral-600 dark:text-neutral-400">
              Notices go to audiences&apos; members. <Link href="/admin/audiences" className="underline">Add an audience</Link> first.
            </p>
          ) : (
            <ActionForm action={sendNoticeAction} submitLabel="Send notice now" pendingLabel="Sending…">
              <Field label="Title" htmlFor="notice-title" name="title" help="What the customer reads first, e.g. “Elevated PDP context creation from your devices”.">
                <TextInput id="notice-title" name="title" required maxLength={200} />
              </Field>
              <Field label="Message" htmlFor="notice-body" name="body" help="Emailed as plain text and shown on their status page.">
                <TextArea id="notice-body" name="body" required rows={5} className="font-sans" />
              </Field>
              <NoticeAudiencePicker audiences={audiences.map((a) => ({ id: a.id, name: a.name, levelLabel: SUPPORT_LEVEL_LABELS[a.supportLevel] }))} />
            </ActionForm>
          )}
        </section>
      )}

      <section aria-labelledby="closed-notices" className="space-y-3">
        <h2 id="closed-notices" className="text-lg font-semibold">Closed and promoted</h2>
        {done.length === 0 ? (
          <p className="text-sm text-neutral-600 dark:text-neutral-400">None yet.</p>
        ) : (
          <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 text-sm dark:divide-neutral-800 dark:border-neutral-800" aria-label="Closed and promoted notices">
            {done.map((n) => (
              <li key={n.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-3" data-notice={n.title}>
                <span className="min-w-0 break-words">
                  <span className="font-medium">{n.title}</span>
                  <span className="text-neutral-600 dark:text-neutral-400"> · {describeTarget(n.min_level, n.audiences.map((a) => a.name))}</span>
                </span>
                <span className="text-xs text-neutral-600 dark:text-neutral-400">
                  {n.status === 'promoted' && n.incident_id ? (
                    <Link href={`/admin/incidents/${n.incident_id}`} className="font-medium text-neutral-900 underline dark:text-neutral-100">
                      Promoted to incident
                    </Link>
                  ) : (
                    'Closed'
                  )}{' '}
                  · <LocalTime iso={n.closed_at ?? n.updated_at} timeZone={tz} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

import { afterCommit, withTransaction, type DbOrTx } from '@/lib/db/transaction';
import { publicUrl } from '@/lib/env';
import { pageSnapshot } from '@/lib/notify/alert-snapshot';
import { queueEvent } from '@/lib/notify/outbox';
import { wakeWorkers } from '@/lib/notify/wake';
import type { ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { Token } from '@/lib/services/subscription-schemas';
import { findSubscriberByLinkToken } from '@/lib/services/subscription-tokens';

/** Ends a subscription from its manage/unsubscribe token; alerts still queued for it are dropped. Idempotent. */
export async function unsubscribe({ ctx, input }: { ctx: ServiceContext; input: { token: string } }): Promise<{ id: string }> {
  const token = parseInput(Token, input.token);
  return withTransaction(ctx.db, async (trx) => {
    const sub = await findSubscriberByLinkToken(trx, token);
    if (!sub) throw new NotFoundError('Subscription', 'for this link');
    const wasSubscribed = sub.state !== 'unsubscribed';
    await endSubscription(trx, sub, ctx.now());
    // One confirmation, in the subscriber's language, to the address that stops getting alerts.
    if (wasSubscribed && sub.kind === 'email' && sub.email) {
      const now = ctx.now();
      await queueEvent(
        trx,
        {
          key: `subscription.unsubscribed:${sub.id}:${now.toISOString()}`,
          incidentId: null,
          snapshot: { kind: 'subscription.unsubscribed', generatedAt: now.toISOString(), baseUrl: publicUrl(), page: await pageSnapshot(trx, now) },
        },
        [{ id: sub.id, channel: 'email' }],
        now,
      );
      afterCommit(trx, wakeWorkers);
    }
    return { id: sub.id };
  });
}

/** Marks one subscriber unsubscribed and cancels what is still queued for it (unsubscribe link or operator). */
export async function endSubscription(trx: DbOrTx, sub: { id: string; state: string }, now: Date): Promise<void> {
  if (sub.state === 'unsubscribed') return;
  const at = now.toISOString();
  await trx
    .updateTable('subscribers')
    .set({ state: 'unsubscribed', unsubscribed_at: at, confirm_token: null, updated_at: at })
    .where('id', '=', sub.id)
    .execute();
  await trx
    .updateTable('notifications')
    .set({ state: 'cancelled', last_error: 'unsubscribed', updated_at: at })
    .where('subscriber_id', '=', sub.id)
    .where('state', '=', 'queued')
    .where('lease_owner', 'is', null)
    .execute();
}

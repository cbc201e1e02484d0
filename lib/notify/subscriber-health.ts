import { shouldDisable } from '@/lib/domain/backoff';
import type { SubscriberRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import { pageSnapshot } from '@/lib/notify/alert-snapshot';
import { queueEvent } from '@/lib/notify/outbox';
import { publicUrl } from '@/lib/env';

/** A verified webhook (its endpoint answered 2xx) becomes active. */
export async function markVerified(db: DbOrTx, subscriberId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('subscribers')
    .set({ state: 'active', confirmed_at: at, failing_since: null, updated_at: at })
    .where('id', '=', subscriberId)
    .where('state', '=', 'pending')
    .execute();
}

/** A webhook delivery succeeded: the endpoint is healthy again. */
export async function markHealthy(db: DbOrTx, subscriberIds: readonly string[]): Promise<void> {
  if (subscriberIds.length === 0) return;
  await db
    .updateTable('subscribers')
    .set({ failing_since: null })
    .where('id', 'in', subscriberIds)
    .where('failing_since', 'is not', null)
    .execute();
}

/**
 * A webhook delivery failed: remember since when, and once it has failed for the whole
 * window, disable the subscription, drop its queued alerts and tell its owner by email.
 */
export async function markFailing(db: DbOrTx, subscriber: SubscriberRow, now: Date, windowMs: number): Promise<void> {
  const at = now.toISOString();
  const current = await db.selectFrom('subscribers').select(['state', 'failing_since']).where('id', '=', subscriber.id).executeTakeFirst();
  if (!current || current.state !== 'active') return;
  if (!current.failing_since) {
    await db.updateTable('subscribers').set({ failing_since: at }).where('id', '=', subscriber.id).execute();
    return;
  }
  if (!shouldDisable(current.failing_since, now, windowMs)) return;
  await db
    .updateTable('subscribers')
    .set({ state: 'disabled', disabled_at: at, updated_at: at })
    .where('id', '=', subscriber.id)
    .execute();
  await db
    .updateTable('notifications')
    .set({ state: 'cancelled', updated_at: at, last_error: 'subscription disabled' })
    .where('subscriber_id', '=', subscriber.id)
    .where('state', '=', 'queued')
    // Leased rows too: one in flight elsewhere then records its attempt but is not requeued
    // (outcomes only move rows still queued), and one waiting in a worker loses its lease.
    .execute();
  if (subscriber.email) {
    const page = await pageSnapshot(db, now);
    await queueEvent(
      db,
      {
        key: `subscription.disabled:${subscriber.id}:${at}`,
        incidentId: null,
        snapshot: {
          kind: 'subscription.disabled',
          generatedAt: at,
          baseUrl: publicUrl(),
          page,
          reason: `${subscriber.url} has failed every delivery since ${current.failing_since}.`,
        },
      },
      [{ id: subscriber.id, channel: 'email' }],
      now,
    );
  }
}

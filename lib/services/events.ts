import type { DomainEvent } from '@/lib/domain/events';
import { afterCommit, type DbOrTx } from '@/lib/db/transaction';
import { publishChange } from '@/lib/live/change-bus';
import { notifyInstances } from '@/lib/live/notify-instances';
import { enqueueNotifications } from '@/lib/notify/enqueue';

/**
 * Announces a change from inside the service's transaction: alerts are enqueued in the same
 * transaction (so they exist exactly when the change does); listeners hear of it after commit.
 */
export async function emit(db: DbOrTx, event: DomainEvent, now: Date, opts: { alert?: boolean } = {}): Promise<void> {
  // A quiet change (a reopen without "notify") still reaches the live pages, but alerts no one.
  if (opts.alert !== false) await enqueueNotifications(db, event, now);
  await notifyInstances(db, event);
  afterCommit(db, () => publishChange(event));
}

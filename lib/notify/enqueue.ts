import type { DbOrTx } from '@/lib/db/transaction';
import type { DomainEvent } from '@/lib/services/events';

/**
 * Writes the outbox rows a change causes, inside the change's own transaction.
 * Subscribers arrive with the subscriptions feature; until then no one is subscribed.
 */
export async function enqueueNotifications(_db: DbOrTx, _event: DomainEvent, _now: Date): Promise<void> {}

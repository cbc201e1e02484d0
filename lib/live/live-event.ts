import type { DomainEvent } from '@/lib/domain/events';

/**
 * What the live stream and the snapshots react to: a change announced in this process, one
 * from another instance (PostgreSQL NOTIFY), or a commit by another process on the same SQLite file.
 */
export type LiveEvent = DomainEvent | { type: 'external.changed' };

/** The PostgreSQL channel instances announce changes on. */
export const NOTIFY_CHANNEL = 'beacon_changes';

/** What travels in a NOTIFY payload: the event and the instance that committed it. */
export interface NotifyPayload {
  origin: string;
  event: DomainEvent;
}

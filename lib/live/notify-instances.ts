import { sql } from 'kysely';
import type { DbOrTx } from '@/lib/db/transaction';
import { instanceId } from '@/lib/live/instance-id';
import { NOTIFY_CHANNEL, type NotifyPayload } from '@/lib/live/live-event';
import type { DomainEvent } from '@/lib/services/events';

/**
 * Tells every other instance on the same PostgreSQL about a change. Sent inside the change's
 * transaction, so PostgreSQL delivers it exactly when (and only if) the change commits.
 * SQLite needs nothing here: its instances watch the file (see sqlite-watch.ts).
 */
export async function notifyInstances(db: DbOrTx, event: DomainEvent): Promise<void> {
  if (!isPostgres(db)) return;
  const payload: NotifyPayload = { origin: instanceId(), event };
  await sql`select pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(payload)})`.execute(db);
}

/**
 * Whether `db` talks to PostgreSQL. Asked of the adapter's capabilities, not with instanceof: Next
 * bundles its own copy of Kysely, so a database opened by the custom server is not an instance
 * of the bundle's PostgresAdapter. Of Beacon's two dialects only PostgreSQL has both.
 */
function isPostgres(db: DbOrTx): boolean {
  const adapter = db.getExecutor().adapter;
  return adapter.supportsTransactionalDdl === true && adapter.supportsMultipleConnections === true;
}

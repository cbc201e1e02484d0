import { sql } from 'kysely';
import { afterCommit, type DbOrTx } from '@/lib/db/transaction';
import { instanceId } from '@/lib/live/instance-id';
import { NOTIFY_CHANNEL, type NotifyPayload } from '@/lib/live/live-event';
import { ownLiveVersions } from '@/lib/live/own-versions';
import type { DomainEvent } from '@/lib/domain/events';

/**
 * Tells every other instance about a change, inside the change's transaction so that it is heard
 * exactly when (and only if) the change commits: NOTIFY on PostgreSQL; on SQLite, a bump of the
 * live_version counter, which instances watching the file look for (see sqlite-watch.ts).
 */
export async function notifyInstances(db: DbOrTx, event: DomainEvent): Promise<void> {
  if (!isPostgres(db)) {
    const bumped = await db
      .updateTable('live_version')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', 1)
      .returning('version')
      .executeTakeFirst();
    // Only once committed is the number ours: a rolled-back one may be another process's next.
    const adapter = db.getExecutor().adapter;
    if (bumped) afterCommit(db, () => ownLiveVersions(adapter).add(Number(bumped.version)));
    return;
  }
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

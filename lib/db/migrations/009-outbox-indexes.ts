import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The outbox's hot queries at 100,000 rows. A worker's claim walks queued rows in due order, so
 * they get an index of their own, partial on the queued state: it holds only the rows still to
 * send. The old (state, available_at) index goes: with no statistics SQLite took it for every
 * update by id that also names the state (recording outcomes, renewing leases), reading every
 * queued row for each batch of 200, where the primary key finds the 200 rows directly.
 */
export function outboxIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('notifications_queued_due')
        .on('notifications')
        .column('available_at')
        .where(sql.ref('state'), '=', 'queued')
        .execute();
      await db.schema.dropIndex('notifications_due').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.createIndex('notifications_due').on('notifications').columns(['state', 'available_at']).execute();
      await db.schema.dropIndex('notifications_queued_due').execute();
    },
  };
}

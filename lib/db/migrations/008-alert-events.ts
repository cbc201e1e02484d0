import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Alert events expanded after commit: the change writes one `alert_events` row (its audience and
 * an expansion cursor) beside the frozen content in `notification_events`; workers turn it into
 * per-subscriber outbox rows in batches. Outbox rows carry their thread (incident or component)
 * and event order, so a later alert of a thread waits for an earlier one still being retried.
 */
export function alertEvents(dialect: SqlDialectName): Migration {
  const pg = dialect === 'postgres';
  const ts = pg ? 'timestamptz' : 'text';

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('alert_events')
        .addColumn('seq', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('event_id', 'text', (c) => c.notNull().unique().references('notification_events.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('thread', 'text', (c) => c.notNull())
        .addColumn('component_ids', 'text', (c) => c.notNull())
        .addColumn('cursor', 'text')
        .addColumn('expanded_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('alert_events_pending')
        .on('alert_events')
        .columns(['thread', 'seq'])
        .where(sql.ref('expanded_at'), 'is', null)
        .execute();

      await db.schema.alterTable('notifications').addColumn('thread', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('event_seq', 'integer').execute();
      // The claim's "nothing earlier of this thread still queued for this subscriber" probe.
      await db.schema
        .createIndex('notifications_thread_queued')
        .on('notifications')
        .columns(['subscriber_id', 'thread', 'event_seq'])
        .where(sql.ref('state'), '=', 'queued')
        .execute();
      // Expansion walks active subscribers in id order, optionally of one kind.
      await db.schema.createIndex('subscribers_state_id').on('subscribers').columns(['state', 'id']).execute();
      await db.schema.createIndex('subscribers_state_kind_id').on('subscribers').columns(['state', 'kind', 'id']).execute();
    },
  };
}

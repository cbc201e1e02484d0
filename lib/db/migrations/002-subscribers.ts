import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/** Subscribers, the notification outbox with its delivery attempts, and the dev mailbox. */
export function subscribers(dialect: SqlDialectName): Migration {
  const pg = dialect === 'postgres';
  const ts = pg ? 'timestamptz' : 'text';
  const bool = pg ? 'boolean' : 'integer';

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('subscribers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('url', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('all_components', bool, (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('maintenance', bool, (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('secret', 'text')
        .addColumn('confirm_token', 'text', (c) => c.unique())
        .addColumn('confirm_expires_at', ts)
        .addColumn('confirmed_at', ts)
        .addColumn('failing_since', ts)
        .addColumn('disabled_at', ts)
        .addColumn('unsubscribed_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      // One email subscription per address; webhooks may repeat a URL (different owners, secrets).
      await db.schema
        .createIndex('subscribers_email_unique')
        .on('subscribers')
        .column('email')
        .unique()
        .where(sql.ref('kind'), '=', 'email')
        .execute();
      await db.schema.createIndex('subscribers_state').on('subscribers').columns(['state', 'kind']).execute();

      await db.schema
        .createTable('subscriber_components')
        .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('subscriber_components_pk', ['subscriber_id', 'component_id'])
        .execute();
      await db.schema
        .createIndex('subscriber_components_component')
        .on('subscriber_components')
        .column('component_id')
        .execute();

      await db.schema
        .createTable('notification_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('notification_events.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('available_at', ts, (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addUniqueConstraint('notifications_subscriber_event', ['subscriber_id', 'event_id'])
        .execute();
      await db.schema.createIndex('notifications_due').on('notifications').columns(['state', 'available_at']).execute();
      await db.schema.createIndex('notifications_event').on('notifications').column('event_id').execute();

      await db.schema
        .createTable('delivery_attempts')
        .addColumn('id', 'integer', (c) =>
          pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('worker', 'text', (c) => c.notNull())
        .addColumn('started_at', ts, (c) => c.notNull())
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('ok', bool, (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('response', 'text')
        .addColumn('error', 'text')
        .execute();
      await db.schema
        .createIndex('delivery_attempts_notification')
        .on('delivery_attempts')
        .column('notification_id')
        .execute();

      await db.schema
        .createTable('dev_mailbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('to', 'text', (c) => c.notNull())
        .addColumn('from', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('html', 'text', (c) => c.notNull())
        .addColumn('headers', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('dev_mailbox_created').on('dev_mailbox').column('created_at').execute();
    },
  };
}

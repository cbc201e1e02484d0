import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Throttle counters shared by every instance (sign-in, subscriptions), pruned once expired, and
 * the browsers that signed in to each operator before. Replaces `login_attempts`, which grew forever.
 */
export function rateLimits(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_limits_expires_at').on('rate_limits').column('expires_at').execute();

      await db.schema
        .createTable('known_devices')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('operator_id', 'text', (c) => c.notNull().references('operators.id').onDelete('cascade'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('last_seen_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('known_devices_pk', ['id', 'operator_id'])
        .execute();
      await db.schema.createIndex('known_devices_operator').on('known_devices').columns(['operator_id', 'last_seen_at']).execute();

      await db.schema.dropTable('login_attempts').execute();
    },
  };
}

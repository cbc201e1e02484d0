import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Issue #16 part 4: a notice's message that could not be sent is tried again, as alerts are.
 * `available_at` is when a queued message is due (null: at once); a sender claims a message by
 * setting it `sending` until `lease_until`, so two instances never send one twice and a message
 * whose sender died is due again once the lease ends.
 */
export function noticeRetries(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('notice_deliveries').addColumn('available_at', ts).execute();
      await db.schema.alterTable('notice_deliveries').addColumn('lease_until', ts).execute();
      await db.schema
        .createIndex('notice_deliveries_due')
        .on('notice_deliveries')
        .columns(['state', 'available_at'])
        .where(sql.ref('state'), 'in', [sql.lit('queued'), sql.lit('sending')])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('notice_deliveries_due').execute();
      await db.schema.alterTable('notice_deliveries').dropColumn('lease_until').execute();
      await db.schema.alterTable('notice_deliveries').dropColumn('available_at').execute();
    },
  };
}

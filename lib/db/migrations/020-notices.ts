import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Early notices (issue #16 part 4): a message to chosen audiences' members, sent before (or
 * without) a public incident. `notice_audiences` says who it is for; `notice_deliveries` keeps
 * one row per (notice, member address), written in the sending transaction, so a notice reaches
 * each member once and the console can show what went out.
 */
export function notices(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  const cascade = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        // The lowest support level it was sent to ("business and up"), or null when chosen by name.
        .addColumn('min_level', 'text')
        .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addColumn('closed_at', ts)
        .execute();
      await db.schema.createIndex('notices_status').on('notices').columns(['status', 'created_at']).execute();

      await db.schema
        .createTable('notice_audiences')
        .addColumn('notice_id', 'text', cascade('notices'))
        .addColumn('audience_id', 'text', cascade('audiences'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('notice_audiences_pk', ['notice_id', 'audience_id'])
        .execute();
      await db.schema.createIndex('notice_audiences_audience').on('notice_audiences').column('audience_id').execute();

      await db.schema
        .createTable('notice_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notice_id', 'text', cascade('notices'))
        .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addUniqueConstraint('notice_deliveries_once', ['notice_id', 'channel', 'email'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['notice_deliveries', 'notice_audiences', 'notices']) await db.schema.dropTable(table).execute();
    },
  };
}

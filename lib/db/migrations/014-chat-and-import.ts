import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Chat channels and the Statuspage import. A chat channel is a webhook subscriber with a
 * platform (its alerts are formatted for Slack, Teams, …), so the outbox, retries and
 * auto-disable stay one path. The import keeps which external object became which row, so a
 * second run updates rather than duplicates.
 */
export function chatAndImport(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('subscribers').addColumn('chat_platform', 'text').execute();
      await db.schema
        .createTable('import_mappings')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('local_id', 'text', (c) => c.notNull())
        .addColumn('imported_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('import_mappings_pk', ['source', 'kind', 'external_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('import_mappings').execute();
      await db.schema.alterTable('subscribers').dropColumn('chat_platform').execute();
    },
  };
}

import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * A counter bumped in the transaction of every change the public page shows, so that SQLite
 * instances watching the file react to those changes only, not to every commit (the worker's
 * delivery bookkeeping commits all the time). PostgreSQL announces changes with NOTIFY instead.
 */
export function liveVersion(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('live_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await (db as Kysely<{ live_version: { id: number; version: number } }>).insertInto('live_version').values({ id: 1, version: 0 }).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('live_version').execute();
    },
  };
}

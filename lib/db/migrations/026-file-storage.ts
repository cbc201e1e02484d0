import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Issue #16 part 5: an incident file's bytes may live in a configured directory
 * (BEACON_FILES_DIR, named by their SHA-256) instead of the database; `storage` says which.
 */
export function fileStorage(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('incident_files').addColumn('storage', 'text', (c) => c.notNull().defaultTo('database')).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('incident_files').dropColumn('storage').execute();
    },
  };
}

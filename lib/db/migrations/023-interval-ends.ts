import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Issue #17 at ten years: the uptime reads take the status intervals that end after a window's
 * start (plus the open ones), found by their end. The (component_id, started_at) index made them
 * read every interval that started before the window's end, nine years of them for last year's
 * report; this one holds the rest of the row too, so SQLite reads nothing but the index.
 */
export function intervalEnds(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('component_status_intervals_component_ended')
        .on('component_status_intervals')
        .columns(['component_id', 'ended_at', 'started_at', 'status'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('component_status_intervals_component_ended').execute();
    },
  };
}

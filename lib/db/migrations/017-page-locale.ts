import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The page's default language: what unprefixed public URLs are served in (English until chosen). */
export function pageLocale(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('page_settings').addColumn('locale', 'text', (c) => c.notNull().defaultTo('en')).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('page_settings').dropColumn('locale').execute();
    },
  };
}

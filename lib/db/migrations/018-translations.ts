import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Content in several languages (issue #15 parts 3 and 4). One table holds every translated field
 * of every kind of entity beside its original (incident name, update body, component name and
 * description, group name, template title and body), so adding a translatable field is a new
 * `field` value, not a migration. Subscribers get their language and time zone; null reads as
 * the page's default language and the page's zone.
 */
export function translations(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('content_translations')
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('content_translations_pk', ['entity_type', 'entity_id', 'locale', 'field'])
        .execute();
      await db.schema.alterTable('subscribers').addColumn('locale', 'text').execute();
      await db.schema.alterTable('subscribers').addColumn('time_zone', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('subscribers').dropColumn('time_zone').execute();
      await db.schema.alterTable('subscribers').dropColumn('locale').execute();
      await db.schema.dropTable('content_translations').execute();
    },
  };
}

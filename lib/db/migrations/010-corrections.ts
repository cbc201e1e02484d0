import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Corrections and NOC templates (issue #14). An update keeps when its text was last edited
 * (`edited_at`, the public "edited" mark) and when it was withdrawn (`withdrawn_at`: gone from
 * every public view, kept for the audit log). A template also carries the incident class, the
 * scope and a status per component, so the composer can fill everything from it.
 */
export function corrections(dialect: SqlDialectName): Migration {
  const pg = dialect === 'postgres';
  const ts = pg ? 'timestamptz' : 'text';
  const json = pg ? 'jsonb' : 'text';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('incident_updates').addColumn('edited_at', ts).execute();
      await db.schema.alterTable('incident_updates').addColumn('withdrawn_at', ts).execute();
      await db.schema.alterTable('incident_templates').addColumn('incident_class', 'text').execute();
      await db.schema.alterTable('incident_templates').addColumn('scope', json).execute();
      await db.schema.alterTable('incident_templates').addColumn('component_statuses', json).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('incident_templates').dropColumn('component_statuses').execute();
      await db.schema.alterTable('incident_templates').dropColumn('scope').execute();
      await db.schema.alterTable('incident_templates').dropColumn('incident_class').execute();
      await db.schema.alterTable('incident_updates').dropColumn('withdrawn_at').execute();
      await db.schema.alterTable('incident_updates').dropColumn('edited_at').execute();
    },
  };
}

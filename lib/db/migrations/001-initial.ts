import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/** Core tables for the public page: components, their status history, incidents and maintenance. */
export function initial(dialect: SqlDialectName): Migration {
  const pg = dialect === 'postgres';
  const ts = pg ? 'timestamptz' : 'text';
  const bool = pg ? 'boolean' : 'integer';

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('page_settings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('time_zone', 'text', (c) => c.notNull())
        .addColumn('logo_url', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('component_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('components')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.references('component_groups.id').onDelete('set null'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('showcase', bool, (c) => c.notNull())
        .addColumn('only_show_if_degraded', bool, (c) => c.notNull())
        .addColumn('start_date', ts, (c) => c.notNull())
        .addColumn('archived_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('component_status_intervals')
        .addColumn('id', pg ? 'integer' : 'integer', (c) =>
          pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', ts, (c) => c.notNull())
        .addColumn('ended_at', ts)
        .execute();
      await db.schema
        .createIndex('component_status_intervals_component_started')
        .on('component_status_intervals')
        .columns(['component_id', 'started_at'])
        .execute();

      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('impact', 'text', (c) => c.notNull())
        .addColumn('impact_override', 'text')
        .addColumn('started_at', ts, (c) => c.notNull())
        .addColumn('monitoring_at', ts)
        .addColumn('resolved_at', ts)
        .addColumn('scheduled_for', ts)
        .addColumn('scheduled_until', ts)
        .addColumn('auto_start', bool, (c) => c.notNull())
        .addColumn('auto_complete', bool, (c) => c.notNull())
        .addColumn('postmortem_body', 'text')
        .addColumn('postmortem_published_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incidents_kind_started').on('incidents').columns(['kind', 'started_at']).execute();
      await db.schema.createIndex('incidents_status').on('incidents').column('status').execute();

      await db.schema
        .createTable('incident_components')
        .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
        .addPrimaryKeyConstraint('incident_components_pk', ['incident_id', 'component_id'])
        .execute();
      await db.schema
        .createIndex('incident_components_component')
        .on('incident_components')
        .column('component_id')
        .execute();

      await db.schema
        .createTable('incident_updates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('display_at', ts, (c) => c.notNull())
        .addColumn('deliver_notifications', bool, (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('incident_updates_incident_display')
        .on('incident_updates')
        .columns(['incident_id', 'display_at'])
        .execute();

      await db.schema
        .createTable('incident_update_components')
        .addColumn('update_id', 'text', (c) => c.notNull().references('incident_updates.id').onDelete('cascade'))
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id'))
        .addColumn('old_status', 'text', (c) => c.notNull())
        .addColumn('new_status', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('incident_update_components_pk', ['update_id', 'component_id'])
        .execute();

      // Keep the raw driver honest about the types we rely on.
      if (pg) await sql`select 1`.execute(db);
    },
  };
}

import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Monitoring integrations (Alertmanager, Grafana). Drafts live in their own table, not in
 * `incidents`, so no public query can show one by accident: publishing creates the incident.
 * `integration_alerts` keeps each alert fingerprint's applied and latest state, which is what
 * lets a flapping alert change a component at most once per flap interval.
 */
export function integrations(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('integrations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('flap_seconds', 'integer', (c) => c.notNull().defaultTo(300))
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('integration_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
        .addColumn('matchers', 'text', (c) => c.notNull())
        .addColumn('component_id', 'text')
        .addColumn('group_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text')
        .addColumn('publish_after_minutes', 'integer')
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('integration_alerts')
        .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('applied_state', 'text')
        .addColumn('applied_at', ts)
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addPrimaryKeyConstraint('integration_alerts_pk', ['integration_id', 'fingerprint'])
        .execute();
      await db.schema
        .createTable('integration_drafts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('components', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('publish_at', ts)
        .addColumn('incident_id', 'text')
        .addColumn('resolve_proposed', dialect === 'postgres' ? 'boolean' : 'integer', (c) => c.notNull().defaultTo(dialect === 'postgres' ? false : 0))
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['integration_drafts', 'integration_alerts', 'integration_rules', 'integrations']) await db.schema.dropTable(t).execute();
    },
  };
}

import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Audiences (issue #16 parts 1–2): customer organisations whose members sign in to the status page
 * by magic link, and what each may see. A component, group or incident with no audience row is
 * public; with rows it is limited to those audiences. Member sessions and magic links keep only
 * the SHA-256 of their secret, like operator sessions.
 */
export function audiences(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  const cascade = (table: string) => (c: import('kysely').ColumnDefinitionBuilder) =>
    c.notNull().references(`${table}.id`).onDelete('cascade');
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audiences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('support_level', 'text', (c) => c.notNull())
        .addColumn('external_identifier', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audience_email_domains')
        .addColumn('audience_id', 'text', cascade('audiences'))
        .addColumn('domain', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('audience_email_domains_pk', ['audience_id', 'domain'])
        .execute();
      await db.schema.createIndex('audience_email_domains_domain').on('audience_email_domains').column('domain').execute();

      await db.schema
        .createTable('members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('external_login', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();

      // Statuspage lets a user belong to several groups; `position` keeps ids in the order given.
      await db.schema
        .createTable('audience_members')
        .addColumn('audience_id', 'text', cascade('audiences'))
        .addColumn('member_id', 'text', cascade('members'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('audience_members_pk', ['audience_id', 'member_id'])
        .execute();
      await db.schema.createIndex('audience_members_member').on('audience_members').column('member_id').execute();

      await db.schema
        .createTable('member_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('member_id', 'text', cascade('members'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('last_seen_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('member_sessions_member').on('member_sessions').column('member_id').execute();

      await db.schema
        .createTable('member_sign_in_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('used_at', ts)
        .execute();

      for (const [table, column, target] of [
        ['audience_components', 'component_id', 'components'],
        ['audience_groups', 'group_id', 'component_groups'],
        ['audience_incidents', 'incident_id', 'incidents'],
        ['audience_metrics', 'metric_id', 'system_metrics'],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn('audience_id', 'text', cascade('audiences'))
          .addColumn(column, 'text', cascade(target))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ['audience_id', column])
          .execute();
        // Public reads ask "has this row any audience?" for every component or incident.
        await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const table of [
        'audience_metrics',
        'audience_incidents',
        'audience_groups',
        'audience_components',
        'member_sign_in_links',
        'member_sessions',
        'audience_members',
        'members',
        'audience_email_domains',
        'audiences',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

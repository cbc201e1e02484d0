import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Upstream components (issue #18 part 3): a component that follows a component of another
 * Statuspage-compatible page. `upstream_sources` holds one row per upstream URL (its validators,
 * when it may be fetched again, the components it last listed), so every follower of one page
 * shares one fetch; `component_upstreams` holds what each follower mirrors and how reading went.
 */
export function upstream(dialect: SqlDialectName): Migration {
  const pg = dialect === 'postgres';
  const ts = pg ? 'timestamptz' : 'text';
  const bool = pg ? 'boolean' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('upstream_sources')
        .addColumn('url', 'text', (c) => c.primaryKey())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('page_name', 'text')
        .addColumn('page_url', 'text')
        .addColumn('components', 'text')
        .addColumn('fetched_at', ts)
        .addColumn('next_fetch_at', ts)
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createTable('component_upstreams')
        .addColumn('component_id', 'text', (c) => c.primaryKey().references('components.id').onDelete('cascade'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('upstream_component_id', 'text', (c) => c.notNull())
        .addColumn('upstream_component_name', 'text', (c) => c.notNull())
        .addColumn('page_name', 'text', (c) => c.notNull())
        .addColumn('page_url', 'text', (c) => c.notNull())
        .addColumn('notify_subscribers', bool, (c) => c.notNull())
        .addColumn('last_success_at', ts)
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', ts)
        .addColumn('failing_since', ts)
        .addColumn('unknown_since', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('component_upstreams_url').on('component_upstreams').column('url').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('component_upstreams').execute();
      await db.schema.dropTable('upstream_sources').execute();
    },
  };
}

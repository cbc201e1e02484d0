import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';
import { newId } from '@/lib/db/ids';

interface Tables {
  page_settings: { id: string; name: string; url: string | null; time_zone: string; logo_url: string | null; created_at: string; updated_at: string };
  component_status_intervals: { id: number; component_id: string; started_at: string; ended_at: string | null };
}

/**
 * What several instances on one database need to stay correct: a lease table for the jobs that
 * must run once (scheduler, retention), at most one open status interval per component, and
 * exactly one page settings row, made here so that no request ever has to insert it.
 */
export function concurrency(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  return {
    async up(raw: Kysely<unknown>) {
      const db = raw as Kysely<Tables>;
      await raw.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('acquired_at', ts, (c) => c.notNull())
        .execute();

      await closeDuplicateOpenIntervals(db);
      await raw.schema
        .createIndex('component_status_intervals_one_open')
        .on('component_status_intervals')
        .column('component_id')
        .unique()
        .where(sql.ref('ended_at'), 'is', null)
        .execute();

      await keepOneSettingsRow(db);
      // An index on a constant: a second row would collide with the first.
      await sql`create unique index page_settings_one_row on page_settings ((1))`.execute(raw);
    },
    async down(raw: Kysely<unknown>) {
      await sql`drop index page_settings_one_row`.execute(raw);
      await raw.schema.dropIndex('component_status_intervals_one_open').execute();
      await raw.schema.dropTable('job_leases').execute();
    },
  };
}

/** A race could leave two open intervals; each but the latest ends where the next one starts. */
async function closeDuplicateOpenIntervals(db: Kysely<Tables>) {
  const open = await db
    .selectFrom('component_status_intervals')
    .select(['id', 'component_id', 'started_at'])
    .where('ended_at', 'is', null)
    .orderBy('component_id')
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  for (let i = 0; i < open.length - 1; i++) {
    const [row, next] = [open[i]!, open[i + 1]!];
    if (row.component_id !== next.component_id) continue;
    await db.updateTable('component_status_intervals').set({ ended_at: next.started_at }).where('id', '=', row.id).execute();
  }
}

/**
 * An existing page keeps its row, and so its page id: of rows a race inserted, the one last
 * edited (settings saves go to the row that was read), else the oldest. A new database gets its
 * row, with a fresh page id, now.
 */
async function keepOneSettingsRow(db: Kysely<Tables>) {
  const rows = await db.selectFrom('page_settings').select(['id']).orderBy('updated_at', 'desc').orderBy('created_at').orderBy('id').execute();
  if (rows.length > 1) {
    await db.deleteFrom('page_settings').where('id', 'in', rows.slice(1).map((r) => r.id)).execute();
  }
  if (rows.length === 0) {
    const at = new Date().toISOString();
    await db
      .insertInto('page_settings')
      .values({ id: newId(), name: 'Status', url: null, time_zone: 'UTC', logo_url: null, created_at: at, updated_at: at })
      .execute();
  }
}

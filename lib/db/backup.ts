import { sql } from 'kysely';
import type { Db } from '@/lib/db/connect';
import type { Database } from '@/lib/db/schema';

/**
 * Tables in an order that satisfies every foreign key on insert. Sessions and sign-in failures
 * are not carried over (a restored install starts signed out), nor job leases and rate limits.
 */
export const BACKUP_TABLES = [
  'page_settings',
  'operators',
  'api_keys',
  'audit_log',
  'incident_templates',
  'component_groups',
  'components',
  'component_status_intervals',
  'incidents',
  'incident_components',
  'incident_updates',
  'incident_update_components',
  'subscribers',
  'subscriber_components',
  'notification_events',
  'alert_events',
  'notifications',
  'delivery_attempts',
  'dev_mailbox',
  'import_mappings',
] as const satisfies readonly (keyof Database)[];

/** Tables numbered by the database, and their numbering column: exported in order, sequences moved on import. */
const IDENTITY_COLUMNS: Partial<Record<(typeof BACKUP_TABLES)[number], string>> = {
  component_status_intervals: 'id',
  audit_log: 'id',
  delivery_attempts: 'id',
  alert_events: 'seq',
};

export interface Backup {
  format: 'beacon-backup';
  version: 1;
  exportedAt: string;
  source: Db['dialect'];
  tables: Record<string, Record<string, unknown>[]>;
}

/** Every row of every table, in one consistent read. */
export async function exportDatabase(db: Db, now: Date): Promise<Backup> {
  return db.kysely.transaction().execute(async (trx) => {
    const tables: Backup['tables'] = {};
    for (const table of BACKUP_TABLES) {
      const rows = (await trx.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
      const key = IDENTITY_COLUMNS[table];
      tables[table] = key ? rows.sort((a, b) => Number(a[key]) - Number(b[key])) : rows;
    }
    return { format: 'beacon-backup', version: 1, exportedAt: now.toISOString(), source: db.dialect, tables };
  });
}

/** Reads a backup file's text, tolerating the banner `npm run` prints before the JSON. */
export function parseBackup(text: string): Backup {
  const start = text.search(/^\{/m);
  if (start === -1) throw new Error('This is not a Beacon backup: no JSON object found');
  const backup = JSON.parse(text.slice(start)) as Partial<Backup>;
  if (backup.format !== 'beacon-backup' || backup.version !== 1 || typeof backup.tables !== 'object') {
    throw new Error('This is not a Beacon backup (format "beacon-backup", version 1)');
  }
  return backup as Backup;
}

/** JSON values (jsonb arrives parsed) go back in as JSON text, which both databases accept. */
function toColumnValue(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
}

/**
 * Restores a backup into an empty, migrated database, in one transaction: all or nothing.
 * Identity sequences are moved past the restored ids on PostgreSQL.
 */
export async function importDatabase(db: Db, backup: Backup): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.kysely.transaction().execute(async (trx) => {
    for (const table of ['components', 'incidents', 'operators'] as const) {
      const row = await trx.selectFrom(table).select('id').limit(1).executeTakeFirst();
      if (row) throw new Error(`The target database is not empty (it has ${table}); restore into a new database`);
    }
    // The one settings row (migration 007) gives way to the backup's, if it has one.
    if ((backup.tables.page_settings ?? []).length > 0) await trx.deleteFrom('page_settings').execute();
    for (const table of BACKUP_TABLES) {
      const rows = backup.tables[table] ?? [];
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toColumnValue(v)])));
        await trx.insertInto(table).values(chunk as never).execute();
      }
      counts[table] = rows.length;
      const key = IDENTITY_COLUMNS[table];
      if (db.dialect === 'postgres' && key && rows.length > 0) {
        await sql`select setval(pg_get_serial_sequence(${table}, ${key}), (select max(${sql.ref(key)}) from ${sql.table(table)}))`.execute(trx);
      }
    }
  });
  return counts;
}

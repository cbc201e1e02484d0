import { sql } from 'kysely';
import type { Db } from '@/lib/db/connect';
import type { Database } from '@/lib/db/schema';
import type { FileDirectory } from '@/lib/db/file-store';

/**
 * Every table that holds what someone made or submitted, in an order that satisfies every
 * foreign key on insert. What is left out is in `NOT_BACKED_UP`, with why; a test holds the two
 * lists to the migrated schema, so a new table cannot be forgotten.
 */
export const BACKUP_TABLES = [
  'page_settings',
  'operators',
  'recovery_codes',
  'api_keys',
  'audit_log',
  'incident_templates',
  'component_groups',
  'components',
  'component_status_intervals',
  'upstream_sources',
  'component_upstreams',
  'incidents',
  'incident_components',
  'incident_updates',
  'incident_update_components',
  'content_translations',
  'audiences',
  'audience_email_domains',
  'members',
  'audience_members',
  'audience_components',
  'audience_groups',
  'audience_incidents',
  'system_metrics',
  'system_metric_points',
  'system_metric_rollups',
  'audience_metrics',
  'notices',
  'notice_audiences',
  'notice_deliveries',
  'incident_files',
  'incident_file_audiences',
  'subscribers',
  'subscriber_components',
  'notification_events',
  'alert_events',
  'notifications',
  'delivery_attempts',
  'dev_mailbox',
  'import_mappings',
  'integrations',
  'integration_rules',
  'integration_alerts',
  'integration_drafts',
] as const satisfies readonly (keyof Database)[];

/** Tables a backup leaves out: a restored install starts signed out, with no half-finished sign-in. */
export const NOT_BACKED_UP: Record<Exclude<keyof Database, (typeof BACKUP_TABLES)[number]>, string> = {
  sessions: 'operator sign-ins: a restored install starts signed out',
  member_sessions: 'member sign-ins: members sign in again',
  member_sign_in_links: 'magic links: short-lived and single use',
  sign_in_challenges: 'two-factor steps of sign-ins under way',
  password_resets: 'reset links: short-lived',
  known_devices: 'the devices operators signed in from: the first sign-in after a restore is treated as a new device',
  rate_limits: 'throttle counters',
  job_leases: 'which process runs a scheduled job right now',
  live_version: 'the live channel’s change counter, started afresh',
};

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

/** Bytes (an attached file's content) as JSON: `{ "$base64": "…" }`. */
function toBackupValue(value: unknown): unknown {
  return value instanceof Uint8Array ? { $base64: Buffer.from(value).toString('base64') } : value;
}

/** A file kept in a directory goes into the backup with its bytes, as if it were in the database. */
async function withFileBytes(row: Record<string, unknown>, directory: FileDirectory | null | undefined): Promise<Record<string, unknown>> {
  if (row.storage !== 'directory') return row;
  if (!directory) throw new Error(`incident file ${String(row.id)} is kept in a directory: set BEACON_FILES_DIR so the backup can carry its bytes`);
  return { ...row, storage: 'database', content: await directory.get(String(row.sha256)) };
}

/**
 * Every row of every table, in one consistent read. Files kept in `fileDirectory`
 * (BEACON_FILES_DIR) are read into the backup: a backup is complete on its own.
 */
export async function exportDatabase(db: Db, now: Date, opts: { fileDirectory?: FileDirectory | null } = {}): Promise<Backup> {
  return db.kysely.transaction().execute(async (trx) => {
    const tables: Backup['tables'] = {};
    for (const table of BACKUP_TABLES) {
      let read = (await trx.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
      if (table === 'incident_files') read = await Promise.all(read.map((row) => withFileBytes(row, opts.fileDirectory)));
      const rows = read.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toBackupValue(v)])));
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

/** JSON values (jsonb arrives parsed) go back in as JSON text, which both databases accept; bytes as bytes. */
function toColumnValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$base64' && typeof (value as { $base64: unknown }).$base64 === 'string') {
    return Buffer.from((value as { $base64: string }).$base64, 'base64');
  }
  return JSON.stringify(value);
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

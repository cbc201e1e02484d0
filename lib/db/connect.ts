import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database } from '@/lib/db/schema';
import { migrations } from '@/lib/db/migrations';
import { postgresDialect } from '@/lib/db/postgres';
import { sqliteDialect } from '@/lib/db/sqlite';

export type SqlDialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: SqlDialectName;
}

/** Which database a DATABASE_URL names: `file:PATH` (SQLite) or `postgres://` (PostgreSQL). */
export function parseDatabaseUrl(url: string): { dialect: SqlDialectName; target: string } {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', target: url };
  if (url.startsWith('file:')) return { dialect: 'sqlite', target: url.slice('file:'.length) || './data/beacon.db' };
  throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${url.split(':')[0]}:")`);
}

/** Opens a database; nothing is migrated until `migrate` is called. */
export function openDb(url: string): Db {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === 'postgres') {
    return { dialect, kysely: new Kysely<Database>({ dialect: postgresDialect(target) }) };
  }
  const { dialect: sqlite, plugins } = sqliteDialect(target);
  return { dialect, kysely: new Kysely<Database>({ dialect: sqlite, plugins }) };
}

/**
 * Applies every pending migration; throws with the failing migration's name. `schema` pins
 * Kysely's own bookkeeping tables to one PostgreSQL schema (tests run one schema per suite).
 */
export async function migrate(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db: db.kysely,
    ...(schema && { migrationTableSchema: schema }),
    provider: { getMigrations: async () => migrations(db.dialect) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

import { PostgresDialect } from 'kysely';
import pg from 'pg';

const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const INT8 = 20;

/** Type parsers so rows match SQLite's shape: ISO strings for timestamps, numbers for counts. */
function getTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === TIMESTAMPTZ || oid === TIMESTAMP) {
    const parseDate = pg.types.getTypeParser(oid, 'text') as (v: string) => Date;
    return (value: string) => parseDate(value).toISOString();
  }
  if (oid === INT8) return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format as 'text');
}

/** A pooled PostgreSQL dialect for a postgres:// URL. */
export function postgresDialect(connectionString: string, max = 10): PostgresDialect {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: { getTypeParser } as pg.CustomTypesConfig,
    // A database that went away must fail queries, not hang them (the snapshot then serves).
    connectionTimeoutMillis: 5_000,
  });
  // An idle connection dropped by the server emits here; unhandled, it would end the process.
  pool.on('error', (error) => console.error('[beacon] idle PostgreSQL connection lost:', error.message));
  return new PostgresDialect({ pool });
}

import { createHash } from 'node:crypto';
import Database from '@/lib/db/sqlite-driver';
import pg from 'pg';

/**
 * Columns that change by design: a session's idle expiry slides, a key records its last use, the
 * scheduler's lease is renewed on every tick (a change of holder still counts), and the scheduler's
 * poll of a followed third-party page records each read (the demo's upstream is unreachable here).
 */
const VOLATILE: Record<string, string[]> = {
  sessions: ['last_seen_at', 'expires_at'],
  api_keys: ['last_used_at'],
  job_leases: ['expires_at'],
  upstream_sources: ['etag', 'last_modified', 'page_name', 'page_url', 'components', 'fetched_at', 'next_fetch_at', 'last_error'],
  component_upstreams: ['last_success_at', 'last_error', 'last_error_at', 'failing_since', 'unknown_since', 'updated_at'],
};

/** Per table, how many rows have each content (volatile columns left out): a row changed shows as one gone and one new. */
export type Fingerprint = Map<string, Map<string, number>>;

function tableFingerprint(table: string, rows: Record<string, unknown>[]): Map<string, number> {
  const skip = new Set(VOLATILE[table] ?? []);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const kept = Object.entries(row)
      .filter(([k]) => !skip.has(k))
      .sort(([a], [b]) => a.localeCompare(b));
    const hash = createHash('sha256').update(JSON.stringify(kept)).digest('hex');
    counts.set(hash, (counts.get(hash) ?? 0) + 1);
  }
  return counts;
}

/** Every row of every table of a SQLite file. */
export function sqliteFingerprint(file: string): () => Promise<Fingerprint> {
  return async () => {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
      return new Map(tables.map(({ name }) => [name, tableFingerprint(name, db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[])]));
    } finally {
      db.close();
    }
  };
}

/** Every row of every table in a PostgreSQL database's public schema. */
export function postgresFingerprint(url: string): () => Promise<Fingerprint> {
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");
      const result: Fingerprint = new Map();
      for (const { name } of tables) result.set(name, tableFingerprint(name, (await client.query(`select * from "${name}"`)).rows as Record<string, unknown>[]));
      return result;
    } finally {
      await client.end();
    }
  };
}

/** Rows added, removed or changed per table (a changed row counts twice: its old and its new content). */
export function diff(before: Fingerprint, after: Fingerprint): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(table) ?? new Map<string, number>();
    const now = after.get(table) ?? new Map<string, number>();
    let n = 0;
    for (const hash of new Set([...old.keys(), ...now.keys()])) n += Math.abs((old.get(hash) ?? 0) - (now.get(hash) ?? 0));
    if (n > 0) changed[table] = n;
  }
  return changed;
}

/** Rows of `table` whose content is in `after` but not in `before` (new or changed rows; removals not counted). */
export function added(before: Fingerprint, after: Fingerprint, table: string): number {
  const old = before.get(table) ?? new Map<string, number>();
  let n = 0;
  for (const [hash, count] of after.get(table) ?? []) n += Math.max(0, count - (old.get(hash) ?? 0));
  return n;
}

/** Waits until background work (the delivery worker, the scheduler) leaves the database still. */
export async function settledFingerprint(take: () => Promise<Fingerprint>): Promise<Fingerprint> {
  let previous = await take();
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    const next = await take();
    if (Object.keys(diff(previous, next)).length === 0) return next;
    previous = next;
  }
  throw new Error('the database did not settle before the test');
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '@/lib/db/schema';

/**
 * Watches a SQLite file for commits by other processes (a CLI, a standalone worker, a test):
 * `PRAGMA data_version` changes only when another connection has committed. Returns a stop function.
 */
export function watchSqlite(db: Kysely<Database>, onExternalChange: () => void, intervalMs = 100): () => void {
  let last: number | undefined;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    sql<{ data_version: number }>`PRAGMA data_version`
      .execute(db)
      .then((result) => {
        const version = result.rows[0]?.data_version;
        if (last !== undefined && version !== last) onExternalChange();
        last = version;
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

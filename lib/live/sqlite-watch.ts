import { sql, type Kysely } from 'kysely';
import type { Database } from '@/lib/db/schema';

/**
 * Watches a SQLite file for public changes committed by other processes (another instance, a
 * CLI, a test): `PRAGMA data_version` moves when another connection commits anything, then the
 * live_version counter says whether that was a change the page shows (the worker's delivery
 * bookkeeping is not). If this process and another commit in the same tick, the page may hear of
 * its own change twice, which costs one extra refresh. Returns a stop function.
 */
export function watchSqlite(db: Kysely<Database>, onExternalChange: () => void, intervalMs = 100): () => void {
  let lastData: number | undefined;
  let lastLive: number | undefined;
  let busy = false;
  const readLive = async () => (await db.selectFrom('live_version').select('version').where('id', '=', 1).executeTakeFirst())?.version;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    sql<{ data_version: number }>`PRAGMA data_version`
      .execute(db)
      .then(async (result) => {
        const data = result.rows[0]?.data_version;
        const live = await readLive();
        // Our own commits move live_version but not data_version: take them in silently.
        if (lastData !== undefined && data !== lastData && live !== lastLive) onExternalChange();
        lastData = data;
        lastLive = live;
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

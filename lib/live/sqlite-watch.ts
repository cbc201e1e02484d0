import type { Kysely } from 'kysely';
import type { Database } from '@/lib/db/schema';
import { ownLiveVersions } from '@/lib/live/own-versions';

/** Past this many versions behind, the watcher stops telling own from others' and just reports. */
const MAX_GAP = 10_000;

/**
 * Watches a SQLite file for public changes committed by other processes (another instance, a
 * CLI, a test). Every change the page shows bumps live_version in its transaction; this process's
 * own bumps are remembered (own-versions.ts) and skipped, since it announced them itself; the
 * worker's delivery bookkeeping, which commits all the time, bumps nothing. At worst a change of
 * our own is also reported (read just before its number was remembered): one extra refresh.
 * Returns a stop function.
 */
export function watchSqlite(
  db: Kysely<Database>,
  onExternalChange: () => void,
  intervalMs = 100,
): (() => void) & { ready: Promise<void> } {
  let last: number | undefined;
  let busy = false;
  const own = ownLiveVersions(db.getExecutor().adapter);
  const tick = async () => {
    const row = await db.selectFrom('live_version').select('version').where('id', '=', 1).executeTakeFirst();
    const live = Number(row?.version ?? 0);
    if (last !== undefined && live > last) {
      let external = live - last > MAX_GAP;
      for (let v = last + 1; !external && v <= live; v++) external = !own.has(v);
      if (external) onExternalChange();
    }
    for (const v of own) if (v <= live) own.delete(v);
    last = live;
  };
  const run = () => {
    busy = true;
    return tick()
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  };
  // The first read is the baseline, taken at once: `ready` says a commit from now on is reported
  // (one before it is not a change seen, so a caller looks for work after `ready`).
  const ready = run();
  const timer = setInterval(() => {
    if (!busy) void run();
  }, intervalMs);
  timer.unref();
  return Object.assign(() => clearInterval(timer), { ready });
}

import { QUEUED } from '@/lib/notify/outbox';
import { sql } from 'kysely';
import { untilAborted } from '@/lib/async/until-aborted';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { liveChannelState } from '@/lib/live/start-live';
import { snapshotState, type SnapshotState } from '@/lib/snapshot/store';

/** What /api/health reports; `ok` false means a load balancer should prefer another instance. */
export interface HealthReport {
  ok: boolean;
  database: { ok: boolean; dialect?: string; latencyMs?: number; error?: string };
  worker: { mode: string; queued?: number; overdue?: number };
  live: { mode: string; connected: boolean } | null;
  snapshot: SnapshotState | null;
}

const PROBE_TIMEOUT_MS = 2_000;
/** Outbox rows due longer ago than this mean the worker is not keeping up (or not running). */
const OVERDUE_MS = 5 * 60_000;

/** Checks the database, the outbox worker, the live channel and the snapshots. */
export async function healthReport(now: Date): Promise<HealthReport> {
  const env = getEnv();
  const database: HealthReport['database'] = { ok: false };
  const worker: HealthReport['worker'] = { mode: env.BEACON_WORKER };
  const started = performance.now();
  try {
    const db = await untilAborted(getDb(), AbortSignal.timeout(PROBE_TIMEOUT_MS));
    database.dialect = db.dialect;
    await untilAborted(sql`select 1`.execute(db.kysely), AbortSignal.timeout(PROBE_TIMEOUT_MS));
    database.ok = true;
    database.latencyMs = Math.round(performance.now() - started);
    const overdueBefore = new Date(now.getTime() - OVERDUE_MS).toISOString();
    const row = await untilAborted(
      db.kysely
        .selectFrom('notifications')
        .select((eb) => [
          eb.fn.countAll<number>().as('queued'),
          eb.fn.sum<number>(eb.case().when('available_at', '<', overdueBefore).then(1).else(0).end()).as('overdue'),
        ])
        .where('state', '=', QUEUED)
        .executeTakeFirst(),
      AbortSignal.timeout(PROBE_TIMEOUT_MS),
    );
    worker.queued = Number(row?.queued ?? 0);
    worker.overdue = Number(row?.overdue ?? 0);
  } catch (error) {
    database.error = error instanceof Error ? error.message : String(error);
  }
  const snapshot = snapshotState();
  const live = liveChannelState();
  const ok = database.ok && !snapshot?.degradedSince && (live?.connected ?? true) && !worker.overdue;
  return { ok, database, worker, live, snapshot };
}

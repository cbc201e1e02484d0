/**
 * The notification worker as its own processes (`npm run worker`): claims and delivers alerts
 * from the outbox of DATABASE_URL, in BEACON_WORKER_PROCESSES processes (one per core by
 * default on PostgreSQL, which they share by leases and SKIP LOCKED; one on SQLite). Run more on
 * other machines against one PostgreSQL; the web process then sets BEACON_WORKER=off. Stops
 * cleanly on SIGINT/SIGTERM.
 */
import cluster from 'node:cluster';
import os from 'node:os';
import { getDb } from '@/lib/db';
import { parseDatabaseUrl } from '@/lib/db/connect';
import { getEnv } from '@/lib/env';
import { PgListener } from '@/lib/live/pg-listener';
import { watchSqlite } from '@/lib/live/sqlite-watch';
import { closeMailer } from '@/lib/notify/email';
import { NotificationWorker } from '@/lib/notify/worker';

async function main() {
  const env = getEnv();
  const db = await getDb();
  const worker = new NotificationWorker({
    db,
    concurrency: env.BEACON_WORKER_CONCURRENCY,
    leaseMs: env.BEACON_WORKER_LEASE_SECONDS * 1000,
    pollMs: env.BEACON_WORKER_POLL_MS,
    expandBatch: env.BEACON_WORKER_EXPAND_BATCH,
    reminderLeadMs: env.BEACON_MAINTENANCE_REMINDER_MINUTES * 60_000,
    disableAfterMs: env.BEACON_WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
  });
  // On PostgreSQL every committed change is NOTIFYed: wake at once instead of waiting for the poll.
  const listener = db.dialect === 'postgres' ? new PgListener(env.DATABASE_URL, () => worker.wake()) : undefined;
  await listener?.start();
  // On SQLite, changes committed by the web process bump live_version: wake within 0.1 s.
  const unwatch = db.dialect === 'sqlite' ? watchSqlite(db.kysely, () => worker.wake()) : undefined;
  // Started once the change feed is listening: its first look finds whatever came before, the feed
  // everything after (a change between the two used to wait for the 1 s poll).
  await unwatch?.ready;
  worker.start();
  console.log(`[beacon] worker ${worker.id} running on ${db.dialect}${listener ? ', woken by NOTIFY' : ', woken by live_version'}`);
  // The worker's own timers are unref'd (it also runs inside the server); as a process of its
  // own it must stay up with an empty outbox until it is told to stop.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    await listener?.stop();
    unwatch?.();
    await worker.stop();
    closeMailer();
    await db.kysely.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Forks the worker processes, restarts one that dies (not more than once a second), and on
 * SIGINT/SIGTERM stops them all and exits once they have, with 0 when every one stopped cleanly.
 */
function supervise(processes: number) {
  let stopping = false;
  let failed = false;
  let lastRestart = 0;
  const fork = () => cluster.fork();
  for (let i = 0; i < processes; i++) fork();
  cluster.on('exit', (child, code, signal) => {
    if (code !== 0) failed = true;
    if (!stopping) {
      console.error(`[beacon] worker process ${child.process.pid} exited (${signal ?? code}); starting another`);
      const wait = Math.max(0, lastRestart + 1000 - Date.now());
      lastRestart = Date.now() + wait;
      setTimeout(fork, wait);
    } else if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const children = Object.values(cluster.workers ?? {});
    if (children.length === 0) process.exit(0);
    for (const child of children) child?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * One per core on PostgreSQL. SQLite has a single writer: a second process only waits for the
 * write lock, and starved (claims, expansion and bookkeeping of the other back to back) gives up
 * with SQLITE_BUSY after the busy timeout, as measured at 100,000 alerts. So SQLite runs one.
 */
function workerProcesses(): number {
  const env = getEnv();
  if (parseDatabaseUrl(env.DATABASE_URL).dialect === 'postgres') return env.BEACON_WORKER_PROCESSES ?? os.availableParallelism();
  if ((env.BEACON_WORKER_PROCESSES ?? 1) > 1 && cluster.isPrimary) {
    console.warn('[beacon] BEACON_WORKER_PROCESSES is ignored on SQLite (one writer): running one worker process');
  }
  return 1;
}

const processes = workerProcesses();
if (cluster.isPrimary && processes > 1) {
  supervise(processes);
} else {
  // A child whose supervisor is gone (killed) goes too: nobody would stop it otherwise.
  if (cluster.isWorker) process.on('disconnect', () => process.exit(1));
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

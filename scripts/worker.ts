/**
 * The notification worker as its own process (`npm run worker`): claims and delivers alerts
 * from the outbox of DATABASE_URL. Run several on one PostgreSQL to share the work; the web
 * process then sets BEACON_WORKER=off. Stops cleanly on SIGINT/SIGTERM.
 */
import { getDb } from '@/lib/db';
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
  }).start();
  // On PostgreSQL every committed change is NOTIFYed: wake at once instead of waiting for the poll.
  const listener = db.dialect === 'postgres' ? new PgListener(env.DATABASE_URL, () => worker.wake()) : undefined;
  await listener?.start();
  // On SQLite, changes committed by the web process bump live_version: wake within 0.1 s.
  const unwatch = db.dialect === 'sqlite' ? watchSqlite(db.kysely, () => worker.wake()) : undefined;
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

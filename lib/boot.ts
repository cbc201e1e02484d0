import { getDb, type Db } from '@/lib/db';
import { DEMO_OPERATORS, ensureDemoOperators } from '@/lib/demo/operators';
import { isEmpty, seedDemo } from '@/lib/demo/seed';
import { getEnv, publicUrl } from '@/lib/env';
import { instanceId } from '@/lib/live/instance-id';
import { startLive } from '@/lib/live/start-live';
import { startNotificationWorker } from '@/lib/notify/start-worker';
import type { ServiceContext } from '@/lib/services/context';
import { ensureFirstAdmin } from '@/lib/services/ensure-first-admin';
import { startLeasedJob, trackJob, trackedJobs } from '@/lib/services/job-lease';
import { pollUpstreams } from '@/lib/services/poll-upstreams';
import { pruneHistory } from '@/lib/services/prune-history';
import { runIntegrationJobs } from '@/lib/services/run-integration-jobs';
import { deliverDueNotices } from '@/lib/services/notice-delivery';
import { runMaintenanceTransitions } from '@/lib/services/run-maintenance-transitions';
import { rollUpSystemMetrics } from '@/lib/services/roll-up-system-metrics';
import { peekShared, setShared } from '@/lib/runtime/bridge';

/**
 * Start-up work for the server process: configuration check, migrations, optional demo data.
 * Runs once per process, however many bundles call it (instrumentation and the custom server);
 * a failed run is forgotten so that the next call retries.
 */
export function boot(): Promise<void> {
  const running = peekShared<Promise<void>>('boot');
  if (running) return running;
  const run = runBoot();
  setShared('boot', run);
  run.catch(() => {
    if (peekShared('boot') === run) setShared('boot', undefined);
  });
  return run;
}

async function runBoot(): Promise<void> {
  const env = getEnv();
  const db = await getDb();
  console.log(`[beacon] database ready (${db.dialect})`);
  (await import('@/lib/notify/email')).warnIfNoMailInProduction();
  await startLive(db, env.DATABASE_URL);
  const ctx: ServiceContext = { db: db.kysely, now: () => new Date(), actor: { type: 'system', id: null, name: 'start-up' } };

  if (env.BEACON_ADMIN_EMAIL && env.BEACON_ADMIN_PASSWORD) {
    const admin = await ensureFirstAdmin({ ctx, email: env.BEACON_ADMIN_EMAIL, password: env.BEACON_ADMIN_PASSWORD });
    if (admin) console.log(`[beacon] first admin created: ${admin.email}`);
  }
  if (env.BEACON_DEMO && (await isEmpty(db.kysely))) {
    const started = Date.now();
    const { incidents } = await seedDemo(db.kysely, new Date(), publicUrl());
    console.log(`[beacon] demo data loaded: ${incidents} incidents and maintenance in ${Date.now() - started} ms`);
    if (await ensureDemoOperators(ctx)) {
      console.log(`[beacon] demo sign-in at ${publicUrl()}/admin:`);
      for (const o of DEMO_OPERATORS) console.log(`[beacon]   ${o.role.padEnd(9)} ${o.email} / ${o.password}`);
    }
  }
  startScheduler(db, ctx, env.BEACON_SCHEDULER_TICK_MS);
  if (env.BEACON_RETENTION_DAYS) startRetention(db, ctx, env.BEACON_RETENTION_DAYS);
  if (env.BEACON_WORKER === 'inline') {
    startNotificationWorker(db);
    console.log('[beacon] notification worker running in this process (BEACON_WORKER=inline)');
  }
}

/**
 * Moves maintenance across its window edges on a timer, not on page views, rolls up system
 * metrics and retries early notices' messages. Every instance runs the loop; only the holder of the `scheduler` lease ticks.
 */
function startScheduler(db: Db, ctx: ServiceContext, tickMs: number) {
  if (trackedJobs().has('scheduler')) return;
  const jobCtx: ServiceContext = { ...ctx, actor: { type: 'system', id: null, name: 'scheduler' } };
  trackJob(
    startLeasedJob({
      db: db.kysely,
      name: 'scheduler',
      holder: instanceId(),
      tickMs,
      run: async () => {
        await runMaintenanceTransitions({ ctx: jobCtx });
        // Integrations: drafts whose wait passed are published, held (flapping) alert states applied.
        await runIntegrationJobs({ ctx: jobCtx });
        // System metrics: points older than two days folded into hours, data past the month view pruned.
        await rollUpSystemMetrics({ ctx: jobCtx });
        // Followed upstream pages: each URL is read when its own interval (at least BEACON_UPSTREAM_POLL_SECONDS) is due.
        await pollUpstreams({ ctx: jobCtx });
        // Early notices: messages whose retry is due, or whose sender died mid-way, are sent.
        await deliverDueNotices(jobCtx);
      },
    }),
  );
}

/**
 * Prunes history past the configured retention every six hours (and once when this instance
 * takes the `retention` lease); the lease is renewed every minute, so one instance prunes.
 */
function startRetention(db: Db, ctx: ServiceContext, retentionDays: number) {
  if (trackedJobs().has('retention')) return;
  const jobCtx: ServiceContext = { ...ctx, actor: { type: 'system', id: null, name: 'retention job' } };
  trackJob(
    startLeasedJob({
      db: db.kysely,
      name: 'retention',
      holder: instanceId(),
      tickMs: 60_000,
      runEveryMs: 6 * 60 * 60_000,
      run: async () => {
        const ids = await pruneHistory({ ctx: jobCtx, retentionDays });
        if (ids.length > 0) console.log(`[beacon] retention: pruned ${ids.length} items older than ${retentionDays} days`);
      },
    }),
  );
}

import { getDb } from '@/lib/db';
import { DEMO_OPERATORS, ensureDemoOperators } from '@/lib/demo/operators';
import { isEmpty, seedDemo } from '@/lib/demo/seed';
import { getEnv, publicUrl } from '@/lib/env';
import { startLive } from '@/lib/live/start-live';
import { startNotificationWorker } from '@/lib/notify/start-worker';
import type { ServiceContext } from '@/lib/services/context';
import { ensureFirstAdmin } from '@/lib/services/ensure-first-admin';
import { pruneHistory } from '@/lib/services/prune-history';
import { runMaintenanceTransitions } from '@/lib/services/run-maintenance-transitions';

const bootHolder = globalThis as typeof globalThis & { __beaconBoot?: Promise<void> };

/**
 * Start-up work for the server process: configuration check, migrations, optional demo data.
 * Runs once per process, however many bundles call it (instrumentation and the custom server);
 * a failed run is forgotten so that the next call retries.
 */
export function boot(): Promise<void> {
  if (!bootHolder.__beaconBoot) {
    const run = runBoot();
    bootHolder.__beaconBoot = run;
    run.catch(() => {
      if (bootHolder.__beaconBoot === run) bootHolder.__beaconBoot = undefined;
    });
  }
  return bootHolder.__beaconBoot;
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
  startScheduler(ctx, env.BEACON_SCHEDULER_TICK_MS);
  if (env.BEACON_RETENTION_DAYS) startRetention(ctx, env.BEACON_RETENTION_DAYS);
  if (env.BEACON_WORKER === 'inline') {
    startNotificationWorker(db);
    console.log('[beacon] notification worker running in this process (BEACON_WORKER=inline)');
  }
}

/** Moves maintenance across its window edges on a timer in the server process, not on page views. */
function startScheduler(ctx: ServiceContext, tickMs: number) {
  const holder = globalThis as typeof globalThis & { __beaconScheduler?: NodeJS.Timeout };
  if (holder.__beaconScheduler) return;
  const tick = () =>
    runMaintenanceTransitions({ ctx: { ...ctx, actor: { type: 'system', id: null, name: 'scheduler' } } }).catch(
      (error: unknown) => console.error('[beacon] scheduler tick failed', error),
    );
  holder.__beaconScheduler = setInterval(tick, tickMs);
  holder.__beaconScheduler.unref();
  void tick();
}

/** Prunes history past the configured retention every six hours (and once at start). */
function startRetention(ctx: ServiceContext, retentionDays: number) {
  const holder = globalThis as typeof globalThis & { __beaconRetention?: NodeJS.Timeout };
  if (holder.__beaconRetention) return;
  const run = () =>
    pruneHistory({ ctx: { ...ctx, actor: { type: 'system', id: null, name: 'retention job' } }, retentionDays })
      .then((ids) => ids.length > 0 && console.log(`[beacon] retention: pruned ${ids.length} items older than ${retentionDays} days`))
      .catch((error: unknown) => console.error('[beacon] retention job failed', error));
  holder.__beaconRetention = setInterval(run, 6 * 60 * 60_000);
  holder.__beaconRetention.unref();
  void run();
}

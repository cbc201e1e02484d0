import type { Kysely } from 'kysely';
import { acquireLease, releaseLease } from '@/lib/db/queries/job-leases';
import type { Database } from '@/lib/db/schema';
import { metrics } from '@/lib/metrics/registry';
import { shared } from '@/lib/runtime/bridge';

export interface LeasedJobOptions {
  db: Kysely<Database>;
  /** The lease's name, shared by every instance running this job: `scheduler`, `retention`. */
  name: string;
  /** This instance's id, written into the lease while it holds it. */
  holder: string;
  /** How often the lease is taken or renewed, and the job run when it is due. */
  tickMs: number;
  /** How often the holder runs the job; every tick unless given. */
  runEveryMs?: number;
  /** How long a lease lasts unrenewed: a holder that died is replaced after this. */
  leaseMs?: number;
  now?: () => Date;
  run: () => Promise<void>;
}

/** What this instance knows of a job: whether it holds the lease, and its last tick and run. */
export interface LeasedJobState {
  name: string;
  holder: string;
  holdsLease: boolean;
  leaseUntil: string | null;
  lastTickAt: string | null;
  lastRunAt: string | null;
  lastError: string | null;
  skippedTicks: number;
}

export interface LeasedJob {
  state(): LeasedJobState;
  /** One tick now; skipped (and counted) while the previous one still runs. */
  tick(): Promise<void>;
  /** Stops ticking, waits for a running tick, and gives the lease up. */
  stop(): Promise<void>;
}

/**
 * Runs a job that must run on one instance at a time: each tick takes or renews the job's lease
 * and only the holder runs it. A tick still running when the next is due makes that one skip,
 * so runs never overlap within a process either.
 */
export function startLeasedJob(options: LeasedJobOptions): LeasedJob {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? Math.max(3 * options.tickMs, 5_000);
  const runEveryMs = options.runEveryMs ?? 0;
  const state: LeasedJobState = {
    name: options.name,
    holder: options.holder,
    holdsLease: false,
    leaseUntil: null,
    lastTickAt: null,
    lastRunAt: null,
    lastError: null,
    skippedTicks: 0,
  };
  let running: Promise<void> | undefined;
  let stopped = false;

  async function once() {
    const at = now();
    state.lastTickAt = at.toISOString();
    try {
      const lease = await acquireLease(options.db, { name: options.name, holder: options.holder, now: at, until: new Date(at.getTime() + leaseMs) });
      state.holdsLease = lease !== undefined;
      state.leaseUntil = lease?.expires_at ?? null;
      const due = !state.lastRunAt || at.getTime() - Date.parse(state.lastRunAt) >= runEveryMs;
      if (state.holdsLease && due && !stopped) {
        state.lastRunAt = at.toISOString();
        await options.run();
      }
      state.lastError = null;
    } catch (error) {
      state.lastError = error instanceof Error ? error.message : String(error);
      console.error(`[beacon] ${options.name} tick failed`, error);
    }
    record(state);
  }

  function tick(): Promise<void> {
    if (running) {
      state.skippedTicks += 1;
      metrics().jobSkippedTicks.inc({ job: options.name });
      return running;
    }
    running = once().finally(() => {
      running = undefined;
    });
    return running;
  }

  const timer = setInterval(() => void tick(), options.tickMs);
  timer.unref();
  void tick();

  return {
    state: () => ({ ...state }),
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      if (state.holdsLease) {
        await releaseLease(options.db, options.name, options.holder).catch((error: unknown) =>
          console.error(`[beacon] ${options.name} lease not released`, error),
        );
        state.holdsLease = false;
        state.leaseUntil = null;
        record(state);
      }
    },
  };
}

function record(state: LeasedJobState) {
  const m = metrics();
  m.jobLeaseHeld.set({ job: state.name }, state.holdsLease ? 1 : 0);
  if (state.lastTickAt) m.jobLastTick.set({ job: state.name }, Date.parse(state.lastTickAt) / 1000);
}

const jobs = () => shared('leasedJobs', () => new Map<string, LeasedJob>());

/** Remembers a job this process started, for /api/health; one per name. */
export function trackJob(job: LeasedJob): void {
  jobs().set(job.state().name, job);
}

/** The jobs this process runs (or tries to: it may not hold their lease), by name. */
export function trackedJobs(): Map<string, LeasedJob> {
  return jobs();
}

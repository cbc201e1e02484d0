import { readLease } from '@/lib/db/queries/job-leases';
import type { ServiceContext } from '@/lib/services/context';
import { trackedJobs } from '@/lib/services/job-lease';

/** A run-once job as /api/health and /api/metrics report it. */
export interface JobStatus {
  name: string;
  /** The instance holding the lease, and until when; null when nobody holds it (or it ran out). */
  holder: string | null;
  leaseUntil: string | null;
  /** Whether this instance is the holder. */
  heldHere: boolean;
  instance: string;
  lastTickAt: string | null;
  lastRunAt: string | null;
  lastError: string | null;
  skippedTicks: number;
}

/**
 * The jobs this process runs (scheduler, retention): who holds each lease, as the database says
 * now, and this instance's last tick and run. Without a database, the lease fields are null.
 */
export async function getJobStatus({ ctx }: { ctx: ServiceContext }): Promise<JobStatus[]> {
  const now = ctx.now().toISOString();
  return Promise.all(
    [...trackedJobs().values()].map(async (job) => {
      const state = job.state();
      const lease = await readLease(ctx.db, state.name).catch(() => undefined);
      const live = lease && lease.expires_at > now ? lease : undefined;
      return {
        name: state.name,
        holder: live?.holder ?? null,
        leaseUntil: live?.expires_at ?? null,
        heldHere: live?.holder === state.holder,
        instance: state.holder,
        lastTickAt: state.lastTickAt,
        lastRunAt: state.lastRunAt,
        lastError: state.lastError,
        skippedTicks: state.skippedTicks,
      };
    }),
  );
}

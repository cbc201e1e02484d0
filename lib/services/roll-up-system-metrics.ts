import { foldPointsIntoRollups, pruneMetricData } from '@/lib/db/queries/system-metrics';
import { withTransaction } from '@/lib/db/transaction';
import { rollupPlan } from '@/lib/domain/system-metrics/retention';
import type { ServiceContext } from '@/lib/services/context';

/**
 * The scheduled rollup (run by the scheduler tick): folds points older than two days into hourly
 * rollups and deletes data older than the longest chart view, so storage stays bounded.
 * One transaction, so a point is either a point or part of its hour, never both.
 */
export async function rollUpSystemMetrics({ ctx }: { ctx: ServiceContext }): Promise<{ folded: number; pruned: number }> {
  const plan = rollupPlan(ctx.now());
  return withTransaction(ctx.db, async (trx) => {
    const pruned = await pruneMetricData(trx, plan.pruneBefore);
    const folded = await foldPointsIntoRollups(trx, plan.rollUpBefore);
    return { folded, pruned };
  });
}

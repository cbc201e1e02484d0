import { z } from 'zod';
import { upsertPoints } from '@/lib/db/queries/system-metrics';
import { withTransaction } from '@/lib/db/transaction';
import { MAX_POINTS_PER_REQUEST, slotOf, type MetricPoint } from '@/lib/domain/system-metrics/points';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { Id } from '@/lib/services/schemas';

const Point = z.object({ at: z.number().int().multipleOf(30), value: z.number().finite() });

export const AddSystemMetricPointsInput = z.object({
  /** Points per metric, already read and checked (lib/domain/system-metrics/points). */
  series: z
    .array(z.object({ metricId: Id, points: z.array(Point) }))
    .min(1)
    .refine((list) => list.reduce((n, s) => n + s.points.length, 0) <= MAX_POINTS_PER_REQUEST, `must hold at most ${MAX_POINTS_PER_REQUEST} points`),
});
export type AddSystemMetricPointsInput = z.input<typeof AddSystemMetricPointsInput>;

/**
 * Records data points of one or more metrics in one transaction: all or nothing, an unknown
 * metric refusing the lot. A point in a slot already recorded replaces it; each metric's
 * most_recent_data_at moves forward to its newest point. Not audited: pushers write every 30 s.
 */
export async function addSystemMetricPoints({ ctx, input }: { ctx: ServiceContext; input: AddSystemMetricPointsInput }): Promise<{ metricId: string; points: MetricPoint[] }[]> {
  authorize(ctx, 'system_metric.data');
  const { series } = parseInput(AddSystemMetricPointsInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const ids = [...new Set(series.map((s) => s.metricId))];
    const known = await trx.selectFrom('system_metrics').select(['id', 'most_recent_data_at']).where('id', 'in', ids).execute();
    const byId = new Map(known.map((m) => [m.id, m]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) throw new NotFoundError('Metric', missing);
    for (const { metricId, points } of series) {
      if (points.length === 0) continue;
      await upsertPoints(trx, metricId, points.map((p) => ({ at: slotOf(p.at), value: p.value })));
      const newest = new Date(Math.max(...points.map((p) => p.at)) * 1000).toISOString();
      const current = byId.get(metricId)!.most_recent_data_at;
      if (!current || newest > current) {
        await trx.updateTable('system_metrics').set({ most_recent_data_at: newest }).where('id', '=', metricId).execute();
        byId.set(metricId, { id: metricId, most_recent_data_at: newest });
      }
    }
    await emit(trx, { type: 'system_metrics.changed' }, ctx.now());
    return series;
  });
}

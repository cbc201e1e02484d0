import type { z } from 'zod';
import { getSystemMetric } from '@/lib/db/queries/system-metrics';
import type { SystemMetricRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { forUpdate } from '@/lib/db/row-lock';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput, ValidationError } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { Id } from '@/lib/services/schemas';
import { normaliseBounds, SystemMetricPatch } from '@/lib/services/system-metric-schemas';

// What is not sent stays as it is.
export const UpdateSystemMetricInput = SystemMetricPatch.extend({ id: Id });
export type UpdateSystemMetricInput = z.input<typeof UpdateSystemMetricInput>;

/** Edits a metric's fields; points stay. */
export async function updateSystemMetric({ ctx, input }: { ctx: ServiceContext; input: UpdateSystemMetricInput }): Promise<SystemMetricRow> {
  authorize(ctx, 'system_metric.manage');
  const data = parseInput(UpdateSystemMetricInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await forUpdate(trx, trx.selectFrom('system_metrics').selectAll().where('id', '=', data.id)).executeTakeFirst();
    if (!before) throw new NotFoundError('Metric', data.id);
    const bounds = normaliseBounds({ yAxisMin: data.yAxisMin === undefined ? before.y_axis_min : data.yAxisMin, yAxisMax: data.yAxisMax === undefined ? before.y_axis_max : data.yAxisMax });
    if ('error' in bounds) throw new ValidationError('The y-axis range is empty', bounds.error);
    const after: SystemMetricRow = {
      ...before,
      name: data.name ?? before.name,
      metric_identifier: data.metricIdentifier ?? before.metric_identifier,
      suffix: data.suffix ?? before.suffix,
      tooltip_description: data.tooltipDescription ?? before.tooltip_description,
      transform: data.transform ?? before.transform,
      decimal_places: data.decimalPlaces ?? before.decimal_places,
      y_axis_min: bounds.yAxisMin,
      y_axis_max: bounds.yAxisMax,
      y_axis_hidden: data.yAxisHidden ?? before.y_axis_hidden,
      display: data.display ?? before.display,
      updated_at: ctx.now().toISOString(),
    };
    const { id, ...changes } = after;
    await trx.updateTable('system_metrics').set(changes).where('id', '=', id).execute();
    await emit(trx, { type: 'system_metrics.changed' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'system_metric.update', entityType: 'system_metric', entityId: id, before, after });
    return (await getSystemMetric(trx, id))!;
  });
}

import { newId } from '@/lib/db/ids';
import { nextSystemMetricPosition } from '@/lib/db/queries/system-metrics';
import type { SystemMetricRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { parseInput, ValidationError } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { normaliseBounds, SystemMetricFields } from '@/lib/services/system-metric-schemas';
import type { z } from 'zod';

export type CreateSystemMetricInput = z.input<typeof SystemMetricFields>;

/** Defines a system metric (shown on `/` as a chart once it has data, unless `display` is off). */
export async function createSystemMetric({ ctx, input }: { ctx: ServiceContext; input: CreateSystemMetricInput }): Promise<SystemMetricRow> {
  authorize(ctx, 'system_metric.manage');
  const fields = normaliseBounds(parseInput(SystemMetricFields, input));
  if ('error' in fields) throw new ValidationError('The y-axis range is empty', fields.error);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const row: SystemMetricRow = {
      id: newId(),
      name: fields.name,
      metric_identifier: fields.metricIdentifier,
      suffix: fields.suffix,
      tooltip_description: fields.tooltipDescription,
      transform: fields.transform,
      decimal_places: fields.decimalPlaces,
      y_axis_min: fields.yAxisMin,
      y_axis_max: fields.yAxisMax,
      y_axis_hidden: fields.yAxisHidden,
      display: fields.display,
      position: await nextSystemMetricPosition(trx),
      most_recent_data_at: null,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('system_metrics').values(row).execute();
    await emit(trx, { type: 'system_metrics.changed' }, ctx.now());
    await recordAudit(trx, ctx, { action: 'system_metric.create', entityType: 'system_metric', entityId: row.id, after: row });
    return row;
  });
}

import { z } from 'zod';
import { deleteMetricData } from '@/lib/db/queries/system-metrics';
import { forUpdate } from '@/lib/db/row-lock';
import type { SystemMetricRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { NotFoundError, parseInput } from '@/lib/services/errors';
import { emit } from '@/lib/services/events';
import { Id } from '@/lib/services/schemas';

export const DeleteSystemMetricInput = z.object({
  id: Id,
  /** Only reset the data ("DELETE …/data"), keeping the metric. */
  dataOnly: z.boolean().default(false),
});
export type DeleteSystemMetricInput = z.input<typeof DeleteSystemMetricInput>;

/** Deletes a metric with its data, or only its data. Returns the metric as it was. */
export async function deleteSystemMetric({ ctx, input }: { ctx: ServiceContext; input: DeleteSystemMetricInput }): Promise<SystemMetricRow> {
  authorize(ctx, 'system_metric.manage');
  const { id, dataOnly } = parseInput(DeleteSystemMetricInput, input);
  return withTransaction(ctx.db, async (trx) => {
    const before = await forUpdate(trx, trx.selectFrom('system_metrics').selectAll().where('id', '=', id)).executeTakeFirst();
    if (!before) throw new NotFoundError('Metric', id);
    await deleteMetricData(trx, id);
    if (dataOnly) {
      await trx.updateTable('system_metrics').set({ most_recent_data_at: null, updated_at: ctx.now().toISOString() }).where('id', '=', id).execute();
    } else {
      await trx.deleteFrom('system_metrics').where('id', '=', id).execute();
    }
    await emit(trx, { type: 'system_metrics.changed' }, ctx.now());
    await recordAudit(trx, ctx, { action: dataOnly ? 'system_metric.reset_data' : 'system_metric.delete', entityType: 'system_metric', entityId: id, before });
    return before;
  });
}

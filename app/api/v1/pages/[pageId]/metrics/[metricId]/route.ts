import { MetricBody, toManageMetric, toMetricInput } from '@/lib/domain/system-metrics/statuspage';
import { deleteSystemMetric } from '@/lib/services/delete-system-metric';
import { getSystemMetricOrThrow } from '@/lib/services/list-system-metrics';
import { updateSystemMetric } from '@/lib/services/update-system-metric';
import { json } from '@/app/api/v1/_lib/respond';
import { METRIC_OPTIONS, withoutUndefined } from '@/app/api/v1/_lib/system-metrics';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; metricId: string };

/** GET /pages/{page_id}/metrics/{metric_id}. */
export const GET = withManageKey<Params>(async (req) => json(200, toManageMetric(await getSystemMetricOrThrow({ ctx: req.ctx, id: req.params.metricId }), req.pageId)), METRIC_OPTIONS);

/** PATCH (or PUT): changes the fields sent (clients send all of them). */
export const PATCH = withManageKey<Params>(async (req) => {
  const body = readWrapped(req, 'metric', MetricBody);
  if (!body.ok) return body.response;
  const updated = await updateSystemMetric({ ctx: req.ctx, input: { id: req.params.metricId, ...withoutUndefined(toMetricInput(body.value)) } });
  return json(200, toManageMetric(updated, req.pageId));
}, METRIC_OPTIONS);
export const PUT = PATCH;

/** DELETE: 200 with the metric as it was; its data goes with it. */
export const DELETE = withManageKey<Params>(
  async (req) => json(200, toManageMetric(await deleteSystemMetric({ ctx: req.ctx, input: { id: req.params.metricId } }), req.pageId)),
  METRIC_OPTIONS,
);
export { methodNotAllowed as POST } from '@/app/api/v1/_lib/with-manage-key';

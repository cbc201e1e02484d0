import { readSingleDataBody, toManageMetric, toManagePoints } from '@/lib/domain/system-metrics/statuspage';
import { addSystemMetricPoints } from '@/lib/services/add-system-metric-points';
import { deleteSystemMetric } from '@/lib/services/delete-system-metric';
import { getSystemMetricOrThrow } from '@/lib/services/list-system-metrics';
import { json } from '@/app/api/v1/_lib/respond';
import { METRIC_OPTIONS, refusedData } from '@/app/api/v1/_lib/system-metrics';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; metricId: string };

/** POST /pages/{page_id}/metrics/{metric_id}/data: `{ data: { timestamp, value } }`; 201 with the point as stored (timestamp cast to 30 s). */
export const POST = withManageKey<Params>(async (req) => {
  const id = req.params.metricId;
  await getSystemMetricOrThrow({ ctx: req.ctx, id });
  const read = readSingleDataBody(req.body, req.ctx.now());
  if (!read.ok) return refusedData(read.status, read.fields);
  const [written] = await addSystemMetricPoints({ ctx: req.ctx, input: { series: [{ metricId: id, points: read.value }] } });
  const points = toManagePoints(written!.points);
  return json(201, { data: points.length === 1 ? points[0] : points });
}, METRIC_OPTIONS);

/** DELETE: resets the metric's data; 200 with the metric. */
export const DELETE = withManageKey<Params>(
  async (req) => json(200, toManageMetric(await deleteSystemMetric({ ctx: req.ctx, input: { id: req.params.metricId, dataOnly: true } }), req.pageId)),
  METRIC_OPTIONS,
);
export { methodNotAllowed as GET, methodNotAllowed as PATCH, methodNotAllowed as PUT } from '@/app/api/v1/_lib/with-manage-key';

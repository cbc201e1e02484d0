import { readBulkDataBody, toManagePoints } from '@/lib/domain/system-metrics/statuspage';
import { addSystemMetricPoints } from '@/lib/services/add-system-metric-points';
import { errorJson, json, MESSAGES } from '@/app/api/v1/_lib/respond';
import { METRIC_ID, METRIC_OPTIONS, refusedData } from '@/app/api/v1/_lib/system-metrics';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/**
 * POST /pages/{page_id}/metrics/data: points of several metrics, `{ data: { <metric_id>: [points] } }`,
 * all or nothing; 202 with the points as stored.
 */
export const POST = withManageKey(async (req) => {
  const read = readBulkDataBody(req.body, req.ctx.now());
  if (!read.ok) return refusedData(read.status, read.fields);
  // A key that cannot be a metric id names no metric: the same 404 as an unknown one.
  if (read.value.some((s) => !METRIC_ID.test(s.metricId))) return errorJson(404, MESSAGES[404]);
  const written = await addSystemMetricPoints({ ctx: req.ctx, input: { series: read.value } });
  return json(202, { data: Object.fromEntries(written.map((s) => [s.metricId, toManagePoints(s.points)])) });
}, METRIC_OPTIONS);
export { methodNotAllowed as GET, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

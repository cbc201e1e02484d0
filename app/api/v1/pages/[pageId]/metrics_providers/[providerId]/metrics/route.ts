import { MetricBody, SELF_PROVIDER_ID, toManageMetric, toMetricInput } from '@/lib/domain/system-metrics/statuspage';
import { createSystemMetric } from '@/lib/services/create-system-metric';
import { errorJson, json, MESSAGES } from '@/app/api/v1/_lib/respond';
import { listManageMetrics, METRIC_OPTIONS, withoutUndefined } from '@/app/api/v1/_lib/system-metrics';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; providerId: string };
const unknown = () => errorJson(404, MESSAGES[404]);

/** GET /pages/{page_id}/metrics_providers/self/metrics: every metric (all are Self's). */
export const GET = withManageKey<Params>(async (req) => (req.params.providerId === SELF_PROVIDER_ID ? listManageMetrics(req) : unknown()), METRIC_OPTIONS);

/** POST: defines a metric (Statuspage creates metrics only under a provider); 201 with it. */
export const POST = withManageKey<Params>(async (req) => {
  if (req.params.providerId !== SELF_PROVIDER_ID) return unknown();
  const body = readWrapped(req, 'metric', MetricBody);
  if (!body.ok) return body.response;
  const input = withoutUndefined(toMetricInput(body.value));
  return json(201, toManageMetric(await createSystemMetric({ ctx: req.ctx, input: { ...input, name: input.name ?? '' } }), req.pageId));
}, METRIC_OPTIONS);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

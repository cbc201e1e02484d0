import { listManageMetrics, METRIC_OPTIONS } from '@/app/api/v1/_lib/system-metrics';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/metrics: a bare array (the spec's single object is an error in it). Metrics are created under their provider. */
export const GET = withManageKey(listManageMetrics, METRIC_OPTIONS);
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

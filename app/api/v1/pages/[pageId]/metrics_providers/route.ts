import { toManageProvider } from '@/lib/domain/system-metrics/statuspage';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/metrics_providers: Beacon's one provider, `Self` (data pushed through the API). */
export const GET = withManageKey(async (req) => json(200, [toManageProvider(req.pageId, (await getPageSettings(req.ctx.db, req.ctx.now())).created_at)]));

/** POST: another provider would pull from a vendor, which Beacon does not do. */
export const POST = withManageKey(async () =>
  errorJson(422, 'metrics_provider.type must be Self: Beacon stores pushed data only', { 'metrics_provider.type': 'must be Self' }),
);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

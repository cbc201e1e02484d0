import { SELF_PROVIDER_ID, toManageProvider } from '@/lib/domain/system-metrics/statuspage';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { errorJson, json, MESSAGES } from '@/app/api/v1/_lib/respond';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/metrics_providers/self. */
export const GET = withManageKey<{ pageId: string; providerId: string }>(async (req) =>
  req.params.providerId === SELF_PROVIDER_ID
    ? json(200, toManageProvider(req.pageId, (await getPageSettings(req.ctx.db, req.ctx.now())).created_at))
    : errorJson(404, MESSAGES[404]),
);
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

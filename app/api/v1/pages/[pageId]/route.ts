import { toManagePage } from '@/lib/domain/statuspage-manage/shapes';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { json } from '@/app/api/v1/_lib/respond';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}: the page itself. */
export const GET = withManageKey(async (req) => json(200, toManagePage(await getPageSettings(req.ctx.db, req.ctx.now()), req.baseUrl)), { wrapper: 'page' });
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

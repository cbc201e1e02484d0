import { getPageAccessUserComponents } from '@/lib/services/get-page-access';
import { USER_OPTIONS } from '@/app/api/v1/_lib/page-access';
import { json } from '@/app/api/v1/_lib/respond';
import { readPaging } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; pageAccessUserId: string };

/**
 * GET: the components the user sees through their groups. Beacon grants components to
 * audiences only, so the direct-grant writes of this path are not served (405).
 */
export const GET = withManageKey<Params>(async (req) => {
  const paging = readPaging(req);
  if (!paging.ok) return paging.response;
  return json(200, await getPageAccessUserComponents({ ctx: req.ctx, id: req.params.pageAccessUserId, paging: paging.paging, pageId: req.pageId }));
}, USER_OPTIONS);
export { methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

import { toPageAccessGroup } from '@/lib/domain/statuspage-manage/page-access-shapes';
import { setAudienceComponents } from '@/lib/services/set-audience-components';
import { GROUP_OPTIONS } from '@/app/api/v1/_lib/page-access';
import { json } from '@/app/api/v1/_lib/respond';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; pageAccessGroupId: string; componentId: string };

/** DELETE: takes one component from the group; 200 with the group. */
export const DELETE = withManageKey<Params>(async (req) => {
  const audience = await setAudienceComponents({ ctx: req.ctx, id: req.params.pageAccessGroupId, edit: 'remove', componentIds: [req.params.componentId] });
  return json(200, toPageAccessGroup(audience, req.pageId));
}, GROUP_OPTIONS);
export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as PATCH, methodNotAllowed as PUT } from '@/app/api/v1/_lib/with-manage-key';

import { GroupBody, toGroupInput } from '@/lib/domain/statuspage-manage/requests';
import { toManageGroup } from '@/lib/domain/statuspage-manage/shapes';
import { deleteGroup } from '@/lib/services/delete-group';
import { getManageGroup } from '@/lib/services/get-statuspage-resources';
import { updateGroup } from '@/lib/services/update-group';
import { json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; groupId: string };
const OPTIONS = { wrapper: 'component_group', fields: { componentIds: 'components' } };

/** GET /pages/{page_id}/component-groups/{id}. */
export const GET = withManageKey<Params>(async (req) => json(200, await getManageGroup({ ctx: req.ctx, id: req.params.groupId, pageId: req.pageId })), OPTIONS);

/** PATCH (or PUT): renames, describes, or replaces the members; an admin's. */
export const PATCH = withManageKey<Params>(async (req) => {
  const body = readWrapped(req, 'component_group', GroupBody);
  if (!body.ok) return body.response;
  await updateGroup({ ctx: req.ctx, input: { id: req.params.groupId, ...toGroupInput(body.value, body.outer.description) } });
  return json(200, await getManageGroup({ ctx: req.ctx, id: req.params.groupId, pageId: req.pageId }));
}, OPTIONS);
export const PUT = PATCH;

/** DELETE: the group goes, its components stay (ungrouped); 200 with the group as it was. */
export const DELETE = withManageKey<Params>(async (req) => {
  const { group, movedComponentIds } = await deleteGroup({ ctx: req.ctx, input: { id: req.params.groupId } });
  return json(200, toManageGroup(group, movedComponentIds, req.pageId));
}, OPTIONS);
export { methodNotAllowed as POST } from '@/app/api/v1/_lib/with-manage-key';

import { GroupBody, toGroupInput } from '@/lib/domain/statuspage-manage/requests';
import { createGroup } from '@/lib/services/create-group';
import { getManageGroup, getManageGroups } from '@/lib/services/get-statuspage-resources';
import { json } from '@/app/api/v1/_lib/respond';
import { readPaging, readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

const OPTIONS = { wrapper: 'component_group', fields: { componentIds: 'components' } };

/** GET /pages/{page_id}/component-groups. */
export const GET = withManageKey(async (req) => {
  const paging = readPaging(req);
  if (!paging.ok) return paging.response;
  return json(200, await getManageGroups({ ctx: req.ctx, paging: paging.paging, pageId: req.pageId }));
}, OPTIONS);

/** POST /pages/{page_id}/component-groups: an admin's; the listed components move in. */
export const POST = withManageKey(async (req) => {
  const body = readWrapped(req, 'component_group', GroupBody);
  if (!body.ok) return body.response;
  const { name, description, componentIds, translations } = toGroupInput(body.value, body.outer.description);
  // Statuspage's groups are never empty: the listed components exist first and move in.
  const group = await createGroup({ ctx: req.ctx, input: { name: name ?? '', description, componentIds: componentIds ?? [], translations } });
  return json(201, await getManageGroup({ ctx: req.ctx, id: group.id, pageId: req.pageId }));
}, OPTIONS);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

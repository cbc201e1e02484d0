import { readIdList } from '@/lib/domain/statuspage-manage/page-access-requests';
import { toPageAccessGroup } from '@/lib/domain/statuspage-manage/page-access-shapes';
import { getPageAccessGroupComponents } from '@/lib/services/get-page-access';
import { setAudienceComponents, type ComponentEdit } from '@/lib/services/set-audience-components';
import { badList, GROUP_OPTIONS } from '@/app/api/v1/_lib/page-access';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { readPaging } from '@/app/api/v1/_lib/util';
import { withManageKey, type ManageRequest } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; pageAccessGroupId: string };

/** GET: the group's components, in its order. */
export const GET = withManageKey<Params>(async (req) => {
  const paging = readPaging(req);
  if (!paging.ok) return paging.response;
  return json(200, await getPageAccessGroupComponents({ ctx: req.ctx, id: req.params.pageAccessGroupId, paging: paging.paging, pageId: req.pageId }));
}, GROUP_OPTIONS);

function edit(kind: ComponentEdit, status: number, required: boolean) {
  return withManageKey<Params>(async (req: ManageRequest<Params>) => {
    // A DELETE may carry its list in the body or nowhere (then every component goes).
    const list = readIdList(req.body ?? (kind === 'remove' ? undefined : {}), 'component_ids');
    if (!list.ok) return badList(list.message);
    if (required && list.ids === undefined) return errorJson(400, 'Bad request: component_ids is required', { component_ids: 'is required' });
    const audience = await setAudienceComponents({ ctx: req.ctx, id: req.params.pageAccessGroupId, edit: kind, componentIds: list.ids });
    return json(status, toPageAccessGroup(audience, req.pageId));
  }, { ...GROUP_OPTIONS, deleteBody: true });
}

/** PATCH and PUT add components (Statuspage's "Add components"). */
export const PATCH = edit('add', 200, true);
export const PUT = PATCH;
/** POST replaces the group's components (201). */
export const POST = edit('replace', 201, true);
/** DELETE removes the listed components, or all of them. */
export const DELETE = edit('remove', 200, false);

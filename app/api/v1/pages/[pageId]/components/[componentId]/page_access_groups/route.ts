import { readIdList } from '@/lib/domain/statuspage-manage/page-access-requests';
import { getManageComponent } from '@/lib/services/get-statuspage-resources';
import { setComponentAudiences } from '@/lib/services/set-component-audiences';
import { badList } from '@/app/api/v1/_lib/page-access';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; componentId: string };
const OPTIONS = { wrapper: 'component', fields: { audienceIds: 'page_access_group_ids' } };

/** POST: gives the component to the listed groups; 201 with the component. */
export const POST = withManageKey<Params>(async (req) => {
  const list = readIdList(req.body ?? {}, 'page_access_group_ids');
  if (!list.ok) return badList(list.message);
  if (!list.ids) return errorJson(400, 'Bad request: page_access_group_ids is required', { page_access_group_ids: 'is required' });
  await setComponentAudiences({ ctx: req.ctx, componentId: req.params.componentId, edit: 'add', audienceIds: list.ids });
  return json(201, await getManageComponent({ ctx: req.ctx, id: req.params.componentId, pageId: req.pageId }));
}, OPTIONS);

/** DELETE: takes the component from every group (it is public again); 200 with the component. */
export const DELETE = withManageKey<Params>(async (req) => {
  await setComponentAudiences({ ctx: req.ctx, componentId: req.params.componentId, edit: 'clear' });
  return json(200, await getManageComponent({ ctx: req.ctx, id: req.params.componentId, pageId: req.pageId }));
}, OPTIONS);
export { methodNotAllowed as GET, methodNotAllowed as PATCH, methodNotAllowed as PUT } from '@/app/api/v1/_lib/with-manage-key';

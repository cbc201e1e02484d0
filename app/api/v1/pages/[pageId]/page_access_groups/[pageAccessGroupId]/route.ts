import { PageAccessGroupBody, toAudienceInput } from '@/lib/domain/statuspage-manage/page-access-requests';
import { toPageAccessGroup } from '@/lib/domain/statuspage-manage/page-access-shapes';
import { deleteAudience } from '@/lib/services/delete-audience';
import { getPageAccessGroup } from '@/lib/services/get-page-access';
import { updateAudience } from '@/lib/services/update-audience';
import { GROUP_OPTIONS } from '@/app/api/v1/_lib/page-access';
import { json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; pageAccessGroupId: string };

/** GET /pages/{page_id}/page_access_groups/{page_access_group_id}; 404 once deleted. */
export const GET = withManageKey<Params>(
  async (req) => json(200, await getPageAccessGroup({ ctx: req.ctx, id: req.params.pageAccessGroupId, pageId: req.pageId })),
  GROUP_OPTIONS,
);

/** PATCH (or PUT): the fields sent change; a list sent replaces the stored one. */
export const PATCH = withManageKey<Params>(async (req) => {
  const body = readWrapped(req, 'page_access_group', PageAccessGroupBody);
  if (!body.ok) return body.response;
  const audience = await updateAudience({ ctx: req.ctx, input: { id: req.params.pageAccessGroupId, ...toAudienceInput(body.value) } });
  return json(200, toPageAccessGroup(audience, req.pageId));
}, GROUP_OPTIONS);
export const PUT = PATCH;

/** DELETE: 200 with the group as it was; its users stay (the safe `orphan_mode`). */
export const DELETE = withManageKey<Params>(async (req) => {
  const audience = await deleteAudience({ ctx: req.ctx, id: req.params.pageAccessGroupId });
  return json(200, toPageAccessGroup(audience, req.pageId));
}, GROUP_OPTIONS);
export { methodNotAllowed as POST } from '@/app/api/v1/_lib/with-manage-key';

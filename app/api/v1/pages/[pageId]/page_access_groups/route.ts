import { PageAccessGroupBody, toAudienceInput } from '@/lib/domain/statuspage-manage/page-access-requests';
import { toPageAccessGroup } from '@/lib/domain/statuspage-manage/page-access-shapes';
import { createAudience } from '@/lib/services/create-audience';
import { getPageAccessGroups } from '@/lib/services/get-page-access';
import { GROUP_OPTIONS } from '@/app/api/v1/_lib/page-access';
import { json } from '@/app/api/v1/_lib/respond';
import { readPaging, readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/page_access_groups. */
export const GET = withManageKey(async (req) => {
  const paging = readPaging(req);
  if (!paging.ok) return paging.response;
  return json(200, await getPageAccessGroups({ ctx: req.ctx, paging: paging.paging, pageId: req.pageId }));
}, GROUP_OPTIONS);

/** POST: creates an audience (201), with its components, metrics and users when listed. */
export const POST = withManageKey(async (req) => {
  const body = readWrapped(req, 'page_access_group', PageAccessGroupBody);
  if (!body.ok) return body.response;
  const input = toAudienceInput(body.value);
  const audience = await createAudience({ ctx: req.ctx, input: { ...input, name: input.name ?? '' } });
  return json(201, toPageAccessGroup(audience, req.pageId));
}, GROUP_OPTIONS);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

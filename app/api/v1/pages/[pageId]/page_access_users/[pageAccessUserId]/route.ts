import { PageAccessUserBody, toMemberInput } from '@/lib/domain/statuspage-manage/page-access-requests';
import { ConflictError } from '@/lib/services/errors';
import { getPageAccessUser } from '@/lib/services/get-page-access';
import { removeMember } from '@/lib/services/remove-member';
import { updateMember } from '@/lib/services/update-member';
import { USER_OPTIONS, wrapIfBare } from '@/app/api/v1/_lib/page-access';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; pageAccessUserId: string };

/** GET /pages/{page_id}/page_access_users/{page_access_user_id}; 404 once deleted. */
export const GET = withManageKey<Params>(
  async (req) => json(200, await getPageAccessUser({ ctx: req.ctx, id: req.params.pageAccessUserId, pageId: req.pageId })),
  USER_OPTIONS,
);

/** PATCH (or PUT), wrapped or bare: email, external login, groups. */
export const PATCH = withManageKey<Params>(async (req) => {
  const body = readWrapped({ body: wrapIfBare(req.body, 'page_access_user') }, 'page_access_user', PageAccessUserBody);
  if (!body.ok) return body.response;
  try {
    await updateMember({ ctx: req.ctx, input: { id: req.params.pageAccessUserId, ...toMemberInput(body.value) } });
  } catch (error) {
    if (error instanceof ConflictError) return errorJson(409, 'page_access_user.email is already a member', { 'page_access_user.email': 'is already a member' });
    throw error;
  }
  return json(200, await getPageAccessUser({ ctx: req.ctx, id: req.params.pageAccessUserId, pageId: req.pageId }));
}, USER_OPTIONS);
export const PUT = PATCH;

/** DELETE: 204; the member's sessions end at once. */
export const DELETE = withManageKey<Params>(async (req) => {
  await removeMember({ ctx: req.ctx, id: req.params.pageAccessUserId });
  return new Response(null, { status: 204 });
}, USER_OPTIONS);
export { methodNotAllowed as POST } from '@/app/api/v1/_lib/with-manage-key';

import { PageAccessUserBody, toMemberInput } from '@/lib/domain/statuspage-manage/page-access-requests';
import { createMember } from '@/lib/services/create-member';
import { ConflictError } from '@/lib/services/errors';
import { getPageAccessUser, getPageAccessUsers } from '@/lib/services/get-page-access';
import { USER_OPTIONS } from '@/app/api/v1/_lib/page-access';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { readPaging, readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/page_access_users, `email` filtering (case-insensitive, exact). */
export const GET = withManageKey(async (req) => {
  const paging = readPaging(req);
  if (!paging.ok) return paging.response;
  const email = req.url.searchParams.get('email') ?? undefined;
  return json(200, await getPageAccessUsers({ ctx: req.ctx, paging: paging.paging, email: email?.trim(), pageId: req.pageId }));
}, USER_OPTIONS);

/** POST: adds a member; 200 (not 201, as Statuspage documents), 409 when the email is already one. */
export const POST = withManageKey(async (req) => {
  const body = readWrapped(req, 'page_access_user', PageAccessUserBody);
  if (!body.ok) return body.response;
  const input = toMemberInput(body.value);
  try {
    const member = await createMember({ ctx: req.ctx, input: { ...input, email: input.email ?? '' } });
    return json(200, await getPageAccessUser({ ctx: req.ctx, id: member.id, pageId: req.pageId }));
  } catch (error) {
    // The v1 edge answers other conflicts with 422; this one is documented as 409.
    if (error instanceof ConflictError) return errorJson(409, 'page_access_user.email is already a member', { 'page_access_user.email': 'is already a member' });
    throw error;
  }
}, USER_OPTIONS);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

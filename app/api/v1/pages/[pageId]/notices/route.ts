import { NOTICE_FIELDS, NoticeBody, readNoticeStatusFilter, toSendNoticeInput } from '@/lib/domain/statuspage-manage/notice-requests';
import { getManageNotice, getManageNotices } from '@/lib/services/get-manage-notices';
import { sendNotice } from '@/lib/services/send-notice';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { readPaging, readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

const OPTIONS = { wrapper: 'notice', fields: NOTICE_FIELDS };

/** GET /pages/{page_id}/notices (Beacon extension): newest first, `status` filtering. */
export const GET = withManageKey(async (req) => {
  const paging = readPaging(req);
  if (!paging.ok) return paging.response;
  const filter = readNoticeStatusFilter(req.url.searchParams.get('status'));
  if (!filter) return errorJson(400, 'Bad request: status must be open, closed or promoted', { status: 'must be open, closed or promoted' });
  return json(200, await getManageNotices({ ctx: req.ctx, paging: paging.paging, status: filter.status, pageId: req.pageId }));
}, OPTIONS);

/** POST: sends a notice to the listed groups or to every group at a support level and up; 201 with how its messages went. */
export const POST = withManageKey(async (req) => {
  const body = readWrapped(req, 'notice', NoticeBody);
  if (!body.ok) return body.response;
  const sent = await sendNotice({ ctx: req.ctx, input: toSendNoticeInput(body.value) });
  // Read again: the messages went out after the notice was written.
  return json(201, await getManageNotice({ ctx: req.ctx, id: sent.id, pageId: req.pageId }));
}, OPTIONS);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

import { NOTICE_FIELDS, NoticePatchBody } from '@/lib/domain/statuspage-manage/notice-requests';
import { toManageNotice } from '@/lib/domain/statuspage-manage/notice-shapes';
import { closeNotice } from '@/lib/services/close-notice';
import { getManageNotice } from '@/lib/services/get-manage-notices';
import { json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; noticeId: string };
const OPTIONS = { wrapper: 'notice', fields: NOTICE_FIELDS };

/** GET /pages/{page_id}/notices/{notice_id}: the notice with how its messages went. */
export const GET = withManageKey<Params>(async (req) => json(200, await getManageNotice({ ctx: req.ctx, id: req.params.noticeId, pageId: req.pageId })), OPTIONS);

/** PATCH (or PUT) with `{ "notice": { "status": "closed" } }`: closes an open notice; 422 once it is closed or promoted. */
export const PATCH = withManageKey<Params>(async (req) => {
  const body = readWrapped(req, 'notice', NoticePatchBody);
  if (!body.ok) return body.response;
  const closed = await closeNotice({ ctx: req.ctx, input: { id: req.params.noticeId } });
  return json(200, toManageNotice(closed, req.pageId));
}, OPTIONS);
export const PUT = PATCH;
export { methodNotAllowed as POST, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

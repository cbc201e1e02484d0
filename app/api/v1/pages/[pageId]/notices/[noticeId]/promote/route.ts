import { NOTICE_FIELDS } from '@/lib/domain/statuspage-manage/notice-requests';
import { toManageNotice } from '@/lib/domain/statuspage-manage/notice-shapes';
import { getManageIncident } from '@/lib/services/get-statuspage-resources';
import { promoteNotice } from '@/lib/services/promote-notice';
import { json } from '@/app/api/v1/_lib/respond';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; noticeId: string };

/**
 * POST /pages/{page_id}/notices/{notice_id}/promote: opens an incident private to the notice's
 * groups (investigating, the notice's title and message); 201 with `{ notice, incident }`.
 */
export const POST = withManageKey<Params>(
  async (req) => {
    const { notice, incident } = await promoteNotice({ ctx: req.ctx, input: { id: req.params.noticeId } });
    return json(201, { notice: toManageNotice(notice, req.pageId), incident: await getManageIncident({ ctx: req.ctx, id: incident.id, pageId: req.pageId, baseUrl: req.baseUrl }) });
  },
  { wrapper: 'notice', fields: NOTICE_FIELDS },
);
export { methodNotAllowed as GET, methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

import { namedComponentIds, planIncidentCreate } from '@/lib/domain/statuspage-manage/incident-requests';
import { applyStatuspageCreate } from '@/lib/services/apply-statuspage-incident';
import { getManageIncident } from '@/lib/services/get-statuspage-resources';
import { IncidentRequestBody } from '@/app/api/v1/_lib/incident-request';
import { listIncidents } from '@/app/api/v1/_lib/incident-lists';
import { json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

/** GET /pages/{page_id}/incidents: every incident and maintenance, newest first. */
export const GET = listIncidents('all');

/** POST /pages/{page_id}/incidents: a realtime, backfilled or scheduled incident; 201 with it. */
export const POST = withManageKey(
  async (req) => {
    const body = readWrapped(req, 'incident', IncidentRequestBody);
    if (!body.ok) return body.response;
    const request = body.value;
    const id = await applyStatuspageCreate({ ctx: req.ctx, componentIds: namedComponentIds(request), plan: (statuses) => planIncidentCreate(request, { statuses }) });
    return json(201, await getManageIncident({ ctx: req.ctx, id, pageId: req.pageId, baseUrl: req.baseUrl }));
  },
  { wrapper: 'incident', fields: { id: 'id' } },
);
export { methodNotAllowed as PATCH, methodNotAllowed as PUT, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

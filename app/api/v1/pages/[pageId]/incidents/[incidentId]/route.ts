import { namedComponentIds, planIncidentPatch } from '@/lib/domain/statuspage-manage/incident-requests';
import { applyStatuspagePatch } from '@/lib/services/apply-statuspage-incident';
import { deleteIncident } from '@/lib/services/delete-incident';
import { getManageIncident } from '@/lib/services/get-statuspage-resources';
import { IncidentRequestBody } from '@/app/api/v1/_lib/incident-request';
import { json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey, type ManageRequest } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; incidentId: string };
const OPTIONS = { wrapper: 'incident', fields: { id: 'id' } };
const read = (req: ManageRequest<Params>) => getManageIncident({ ctx: req.ctx, id: req.params.incidentId, pageId: req.pageId, baseUrl: req.baseUrl });

/** GET /pages/{page_id}/incidents/{incident_id}: the incident with its updates. */
export const GET = withManageKey<Params>(async (req) => json(200, await read(req)), OPTIONS);

/** PATCH (or PUT) /pages/{page_id}/incidents/{incident_id}: edits it or posts an update. */
export const PATCH = withManageKey<Params>(async (req) => {
  const body = readWrapped(req, 'incident', IncidentRequestBody);
  if (!body.ok) return body.response;
  const request = body.value;
  await applyStatuspagePatch({
    ctx: req.ctx,
    incidentId: req.params.incidentId,
    componentIds: namedComponentIds(request),
    plan: (incident, statuses) => planIncidentPatch(request, { incident, statuses }),
  });
  return json(200, await read(req));
}, OPTIONS);
export const PUT = PATCH;

/** DELETE /pages/{page_id}/incidents/{incident_id}: answers with the incident as it was, updates included. */
export const DELETE = withManageKey<Params>(async (req) => {
  const before = await read(req);
  await deleteIncident({ ctx: req.ctx, input: { id: req.params.incidentId } });
  return json(200, before);
}, OPTIONS);
export { methodNotAllowed as POST } from '@/app/api/v1/_lib/with-manage-key';

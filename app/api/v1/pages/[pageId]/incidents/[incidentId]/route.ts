import { IncidentBody, toUpdateIncidentInput } from '@/lib/domain/statuspage-manage/requests';
import { deleteIncident } from '@/lib/services/delete-incident';
import { getManageIncident } from '@/lib/services/get-statuspage-resources';
import { updateStatuspageIncident } from '@/lib/services/update-statuspage-incident';
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
  const body = readWrapped(req, 'incident', IncidentBody);
  if (!body.ok) return body.response;
  await updateStatuspageIncident({ ctx: req.ctx, input: toUpdateIncidentInput(req.params.incidentId, body.value) });
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

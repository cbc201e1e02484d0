import { IncidentUpdateBody, toEditIncidentUpdateInput } from '@/lib/domain/statuspage-manage/requests';
import { editIncidentUpdate } from '@/lib/services/edit-incident-update';
import { getManageIncident } from '@/lib/services/get-statuspage-resources';
import { json } from '@/app/api/v1/_lib/respond';
import { readWrapped } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

export const dynamic = 'force-dynamic';

type Params = { pageId: string; incidentId: string; incidentUpdateId: string };

/** PATCH (or PUT) /pages/{page_id}/incidents/{incident_id}/incident_updates/{incident_update_id}: tune one update. */
export const PATCH = withManageKey<Params>(
  async (req) => {
    const { incidentId, incidentUpdateId } = req.params;
    const body = readWrapped(req, 'incident_update', IncidentUpdateBody);
    if (!body.ok) return body.response;
    await editIncidentUpdate({ ctx: req.ctx, input: toEditIncidentUpdateInput(incidentId, incidentUpdateId, body.value) });
    const incident = await getManageIncident({ ctx: req.ctx, id: incidentId, pageId: req.pageId, baseUrl: req.baseUrl });
    return json(200, incident.incident_updates.find((u) => u.id === incidentUpdateId));
  },
  { wrapper: 'incident_update' },
);
export const PUT = PATCH;
export { methodNotAllowed as GET, methodNotAllowed as POST, methodNotAllowed as DELETE } from '@/app/api/v1/_lib/with-manage-key';

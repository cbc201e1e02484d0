import {
  IncidentBody,
  IncidentUpdateBody,
  toCreateIncidentInput,
  toEditIncidentUpdateInput,
  toUpdateIncidentInput,
} from '@/lib/domain/statuspage-manage/requests';
import { editIncidentUpdate } from '@/lib/services/edit-incident-update';
import { createStatuspageIncident } from '@/lib/services/create-statuspage-incident';
import { deleteIncident } from '@/lib/services/delete-incident';
import {
  getManageIncident,
  getManageIncidents,
  type IncidentFilter,
} from '@/lib/services/get-statuspage-resources';
import { updateStatuspageIncident } from '@/lib/services/update-statuspage-incident';
import { errorJson, errorResponse, json, MESSAGES } from '@/app/api/v1/_lib/respond';
import type { ApiRequest } from '@/app/api/v1/_lib/types';
import { methodNotAllowed, readPaging, readWrapped } from '@/app/api/v1/_lib/util';

const LISTS: Record<string, IncidentFilter> = {
  unresolved: 'unresolved',
  upcoming: 'upcoming',
  active_maintenance: 'active_maintenance',
  scheduled: 'scheduled',
};

/** /incidents, its four fixed lists, and /incidents/{incident_id}. */
export async function incidents(req: ApiRequest): Promise<Response> {
  const { ctx, pageId, baseUrl } = req;
  // Own keys only: `/incidents/constructor` is an incident id, not a list.
  const list = req.id === undefined ? 'all' : Object.hasOwn(LISTS, req.id) ? LISTS[req.id] : undefined;
  try {
    if (list) {
      if (req.method === 'GET') {
        const paging = readPaging(req);
        if (!paging.ok) return paging.response;
        const q = req.url.searchParams.get('q')?.trim() || undefined;
        return json(200, await getManageIncidents({ ctx, filter: list, q, paging: paging.paging, pageId, baseUrl }));
      }
      if (req.method !== 'POST' || list !== 'all') return methodNotAllowed();
      const body = readWrapped(req, 'incident', IncidentBody);
      if (!body.ok) return body.response;
      const row = await createStatuspageIncident({ ctx, input: toCreateIncidentInput(body.value) });
      return json(201, await getManageIncident({ ctx, id: row.id, pageId, baseUrl }));
    }

    const id = req.id!;
    if (req.rest.length > 0) return await incidentUpdate(req, id);
    switch (req.method) {
      case 'GET':
        return json(200, await getManageIncident({ ctx, id, pageId, baseUrl }));
      case 'PATCH':
      case 'PUT': {
        const body = readWrapped(req, 'incident', IncidentBody);
        if (!body.ok) return body.response;
        await updateStatuspageIncident({ ctx, input: toUpdateIncidentInput(id, body.value) });
        return json(200, await getManageIncident({ ctx, id, pageId, baseUrl }));
      }
      case 'DELETE': {
        // Read first: the response is the incident as it was, updates included.
        const before = await getManageIncident({ ctx, id, pageId, baseUrl });
        await deleteIncident({ ctx, input: { id } });
        return json(200, before);
      }
      default:
        return methodNotAllowed();
    }
  } catch (error) {
    return errorResponse(error, 'incident', { id: 'id' });
  }
}

/** PATCH (or PUT) /incidents/{incident_id}/incident_updates/{incident_update_id}: tune one update. */
async function incidentUpdate(req: ApiRequest, incidentId: string): Promise<Response> {
  const [segment, updateId, ...more] = req.rest;
  if (segment !== 'incident_updates' || !updateId || more.length > 0) return errorJson(404, MESSAGES[404]);
  if (req.method !== 'PATCH' && req.method !== 'PUT') return methodNotAllowed();
  const body = readWrapped(req, 'incident_update', IncidentUpdateBody);
  if (!body.ok) return body.response;
  try {
    await editIncidentUpdate({ ctx: req.ctx, input: toEditIncidentUpdateInput(incidentId, updateId, body.value) });
    const incident = await getManageIncident({ ctx: req.ctx, id: incidentId, pageId: req.pageId, baseUrl: req.baseUrl });
    return json(200, incident.incident_updates.find((u) => u.id === updateId));
  } catch (error) {
    return errorResponse(error, 'incident_update');
  }
}

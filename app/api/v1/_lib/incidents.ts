import { IncidentBody, toCreateIncidentInput, toUpdateIncidentInput } from '@/lib/domain/statuspage-manage/requests';
import { createStatuspageIncident } from '@/lib/services/create-statuspage-incident';
import { deleteIncident } from '@/lib/services/delete-incident';
import {
  getManageIncident,
  getManageIncidents,
  type IncidentFilter,
} from '@/lib/services/get-statuspage-resources';
import { updateStatuspageIncident } from '@/lib/services/update-statuspage-incident';
import { errorResponse, json } from '@/app/api/v1/_lib/respond';
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
  const list = req.id === undefined ? 'all' : LISTS[req.id];
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

import { TemplateBody, toTemplateInput } from '@/lib/domain/statuspage-manage/requests';
import { createIncidentTemplate } from '@/lib/services/create-incident-template';
import { deleteIncidentTemplate } from '@/lib/services/delete-incident-template';
import { getManageTemplate, getManageTemplates } from '@/lib/services/get-statuspage-resources';
import { updateIncidentTemplate } from '@/lib/services/update-incident-template';
import { errorResponse, json } from '@/app/api/v1/_lib/respond';
import type { ApiRequest } from '@/app/api/v1/_lib/types';
import { methodNotAllowed, readPaging, readWrapped } from '@/app/api/v1/_lib/util';

const FIELDS = { status: 'update_status', componentIds: 'component_ids' };

/**
 * /incident_templates (documented: list, create) and /incident_templates/{id} (get, update,
 * delete: not in Statuspage's docs, offered so templates can be managed without the console).
 */
export async function incidentTemplates(req: ApiRequest): Promise<Response> {
  const { ctx, pageId } = req;
  try {
    if (req.id === undefined) {
      if (req.method === 'GET') {
        const paging = readPaging(req);
        if (!paging.ok) return paging.response;
        return json(200, await getManageTemplates({ ctx, paging: paging.paging, pageId }));
      }
      if (req.method !== 'POST') return methodNotAllowed();
      const body = readWrapped(req, 'template', TemplateBody);
      if (!body.ok) return body.response;
      const { name, title, body: text, status, componentIds } = toTemplateInput(body.value);
      const template = await createIncidentTemplate({ ctx, input: { name: name ?? '', title: title ?? '', body: text ?? '', status, componentIds } });
      return json(201, await getManageTemplate({ ctx, id: template.id, pageId }));
    }

    const id = req.id;
    switch (req.method) {
      case 'GET':
        return json(200, await getManageTemplate({ ctx, id, pageId }));
      case 'PATCH':
      case 'PUT': {
        const body = readWrapped(req, 'template', TemplateBody);
        if (!body.ok) return body.response;
        await updateIncidentTemplate({ ctx, input: { id, ...toTemplateInput(body.value) } });
        return json(200, await getManageTemplate({ ctx, id, pageId }));
      }
      case 'DELETE': {
        const before = await getManageTemplate({ ctx, id, pageId });
        await deleteIncidentTemplate({ ctx, input: { id } });
        return json(200, before);
      }
      default:
        return methodNotAllowed();
    }
  } catch (error) {
    return errorResponse(error, 'template', FIELDS);
  }
}

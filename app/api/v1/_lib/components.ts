import {
  ComponentBody,
  GroupBody,
  toCreateComponentInput,
  toGroupInput,
  toUpdateComponentInput,
} from '@/lib/domain/statuspage-manage/requests';
import { toManageGroup } from '@/lib/domain/statuspage-manage/shapes';
import { archiveComponent } from '@/lib/services/archive-component';
import { createComponent } from '@/lib/services/create-component';
import { createStatuspageGroup } from '@/lib/services/create-statuspage-group';
import { deleteGroup } from '@/lib/services/delete-group';
import {
  getManageComponent,
  getManageComponents,
  getManageGroup,
  getManageGroups,
} from '@/lib/services/get-statuspage-resources';
import { updateStatuspageComponent } from '@/lib/services/update-statuspage-component';
import { updateStatuspageGroup } from '@/lib/services/update-statuspage-group';
import { errorResponse, json } from '@/app/api/v1/_lib/respond';
import type { ApiRequest } from '@/app/api/v1/_lib/types';
import { methodNotAllowed, readPaging, readWrapped } from '@/app/api/v1/_lib/util';

/** /components and /components/{component_id}; the services decide who may change what (a responder: a status). */
export async function components(req: ApiRequest): Promise<Response> {
  const { ctx, pageId } = req;
  try {
    if (req.id === undefined) {
      if (req.method === 'GET') {
        const paging = readPaging(req, 1000);
        if (!paging.ok) return paging.response;
        return json(200, await getManageComponents({ ctx, paging: paging.paging, pageId }));
      }
      if (req.method !== 'POST') return methodNotAllowed();
      const body = readWrapped(req, 'component', ComponentBody);
      if (!body.ok) return body.response;
      const row = await createComponent({ ctx, input: toCreateComponentInput(body.value) });
      return json(201, await getManageComponent({ ctx, id: row.id, pageId }));
    }

    const id = req.id;
    switch (req.method) {
      case 'GET':
        return json(200, await getManageComponent({ ctx, id, pageId }));
      case 'PATCH':
      case 'PUT': {
        const body = readWrapped(req, 'component', ComponentBody);
        if (!body.ok) return body.response;
        await updateStatuspageComponent({ ctx, input: toUpdateComponentInput(id, body.value) });
        return json(200, await getManageComponent({ ctx, id, pageId }));
      }
      case 'DELETE': {
        await archiveComponent({ ctx, input: { id } });
        return new Response(null, { status: 204 });
      }
      default:
        return methodNotAllowed();
    }
  } catch (error) {
    return errorResponse(error, 'component');
  }
}

/** /component-groups and /component-groups/{id}; the services allow writes to admins only. */
export async function componentGroups(req: ApiRequest): Promise<Response> {
  const { ctx, pageId } = req;
  try {
    if (req.id === undefined) {
      if (req.method === 'GET') {
        const paging = readPaging(req);
        if (!paging.ok) return paging.response;
        return json(200, await getManageGroups({ ctx, paging: paging.paging, pageId }));
      }
      if (req.method !== 'POST') return methodNotAllowed();
      const body = readWrapped(req, 'component_group', GroupBody);
      if (!body.ok) return body.response;
      const input = toGroupInput(body.value, body.outer.description);
      const group = await createStatuspageGroup({ ctx, input: { ...input, name: input.name ?? '', components: input.components ?? [] } });
      return json(201, await getManageGroup({ ctx, id: group.id, pageId }));
    }

    const id = req.id;
    switch (req.method) {
      case 'GET':
        return json(200, await getManageGroup({ ctx, id, pageId }));
      case 'PATCH':
      case 'PUT': {
        const body = readWrapped(req, 'component_group', GroupBody);
        if (!body.ok) return body.response;
        await updateStatuspageGroup({ ctx, input: { id, ...toGroupInput(body.value, body.outer.description) } });
        return json(200, await getManageGroup({ ctx, id, pageId }));
      }
      case 'DELETE': {
        const { group, movedComponentIds } = await deleteGroup({ ctx, input: { id } });
        return json(200, toManageGroup(group, movedComponentIds, pageId));
      }
      default:
        return methodNotAllowed();
    }
  } catch (error) {
    return errorResponse(error, 'component_group');
  }
}

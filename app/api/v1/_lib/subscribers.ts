import { getManageSubscriber, getManageSubscribers } from '@/lib/services/get-statuspage-subscribers';
import { errorJson, errorResponse, json } from '@/app/api/v1/_lib/respond';
import type { ApiRequest } from '@/app/api/v1/_lib/types';
import { methodNotAllowed, readPaging } from '@/app/api/v1/_lib/util';

const SORT_FIELDS = ['primary', 'created_at', 'quarantined_at'] as const;

/** /subscribers, /subscribers/unsubscribed and /subscribers/{subscriber_id}: reading only. */
export async function subscribers(req: ApiRequest): Promise<Response> {
  if (req.method !== 'GET') return methodNotAllowed();
  const { ctx } = req;
  try {
    if (req.id === undefined || req.id === 'unsubscribed') {
      const paging = readPaging(req);
      if (!paging.ok) return paging.response;
      const params = req.url.searchParams;
      const sortField = params.get('sort_field') ?? 'primary';
      const sortDirection = params.get('sort_direction') ?? 'asc';
      if (!(SORT_FIELDS as readonly string[]).includes(sortField)) {
        return errorJson(400, `Bad request: sort_field must be one of ${SORT_FIELDS.join(', ')}`, { sort_field: 'unknown' });
      }
      if (sortDirection !== 'asc' && sortDirection !== 'desc') {
        return errorJson(400, 'Bad request: sort_direction must be asc or desc', { sort_direction: 'unknown' });
      }
      return json(
        200,
        await getManageSubscribers({
          ctx,
          query: {
            type: params.get('type') || undefined,
            state: req.id === 'unsubscribed' ? 'unsubscribed' : params.get('state') || undefined,
            q: params.get('q')?.trim() || undefined,
            sortField: sortField as (typeof SORT_FIELDS)[number],
            sortDirection,
            paging: paging.paging,
          },
        }),
      );
    }
    return json(200, await getManageSubscriber({ ctx, id: req.id }));
  } catch (error) {
    return errorResponse(error, 'subscriber');
  }
}

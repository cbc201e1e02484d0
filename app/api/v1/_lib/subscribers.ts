import { SubscriberBody, toAddSubscriberInput } from '@/lib/domain/statuspage-manage/requests';
import { toManageSubscriber } from '@/lib/domain/statuspage-manage/shapes';
import { addSubscriber } from '@/lib/services/add-subscriber';
import { getManageSubscriber, getManageSubscribers } from '@/lib/services/get-statuspage-subscribers';
import { removeSubscriber } from '@/lib/services/remove-subscriber';
import { errorJson, errorResponse, json } from '@/app/api/v1/_lib/respond';
import type { ApiRequest } from '@/app/api/v1/_lib/types';
import { methodNotAllowed, readPaging, readWrapped } from '@/app/api/v1/_lib/util';

const SORT_FIELDS = ['primary', 'created_at', 'quarantined_at'] as const;

/**
 * /subscribers (list; create: admin), /subscribers/unsubscribed, and /subscribers/{id}
 * (get; delete = unsubscribe: admin). Responders read only.
 */
export async function subscribers(req: ApiRequest): Promise<Response> {
  const { ctx } = req;
  try {
    if (req.id === undefined && req.method === 'POST') return await create(req);
    if (req.id !== undefined && req.id !== 'unsubscribed' && req.method === 'DELETE') {
      const before = await getManageSubscriber({ ctx, id: req.id });
      await removeSubscriber({ ctx, input: { id: req.id } });
      return json(200, before);
    }
    if (req.method !== 'GET') return methodNotAllowed();
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

/** POST /subscribers: 201 with the subscriber; a webhook's signing secret is added once, as `secret`. */
async function create(req: ApiRequest): Promise<Response> {
  const body = readWrapped(req, 'subscriber', SubscriberBody);
  if (!body.ok) return body.response;
  const input = toAddSubscriberInput(body.value);
  if (!input) return errorJson(422, 'subscriber.phone_number SMS subscribers are not supported', { 'subscriber.phone_number': 'SMS subscribers are not supported' });
  const { subscriber, secret } = await addSubscriber({ ctx: req.ctx, input });
  const shaped = toManageSubscriber(subscriber, input.componentIds ?? []);
  return json(201, secret ? { ...shaped, secret } : shaped);
}

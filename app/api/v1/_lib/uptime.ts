import { getComponentUptime } from '@/lib/services/get-component-uptime';
import { ServiceError } from '@/lib/services/errors';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import type { ManageRequest } from '@/app/api/v1/_lib/with-manage-key';

const TRUE = new Set(['true', '1', 't']);

/**
 * GET …/components/{id}/uptime and …/component-groups/{id}/uptime with `start`, `end` and
 * `skip_related_events`; a bad parameter is a 422 naming it as the query spells it (the
 * wrapper's naming is for wrapped bodies).
 */
export async function componentUptime<P>(req: ManageRequest<P>, kind: 'component' | 'group', id: string): Promise<Response> {
  const q = req.url.searchParams;
  try {
    const body = await getComponentUptime({
      ctx: req.ctx,
      query: { kind, id, start: q.get('start'), end: q.get('end'), skipRelatedEvents: TRUE.has(q.get('skip_related_events') ?? '') },
    });
    return json(200, body);
  } catch (error) {
    if (error instanceof ServiceError && error.status === 422) return errorJson(422, error.message, error.fields);
    throw error;
  }
}

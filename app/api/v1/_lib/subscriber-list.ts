import { getManageSubscribers } from '@/lib/services/get-statuspage-subscribers';
import { errorJson, json } from '@/app/api/v1/_lib/respond';
import { readPaging } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

const SORT_FIELDS = ['primary', 'created_at', 'quarantined_at'] as const;

/** GET /subscribers (filtered by `type`, `state`, `q`) and /subscribers/unsubscribed; responders may read. */
export function listSubscribers(fixedState?: 'unsubscribed') {
  return withManageKey(
    async (req) => {
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
      const query = {
        type: params.get('type') || undefined,
        state: fixedState ?? (params.get('state') || undefined),
        q: params.get('q')?.trim() || undefined,
        sortField: sortField as (typeof SORT_FIELDS)[number],
        sortDirection,
        paging: paging.paging,
      } as const;
      return json(200, await getManageSubscribers({ ctx: req.ctx, query }));
    },
    { wrapper: 'subscriber' },
  );
}

import { getManageIncidents, type IncidentFilter } from '@/lib/services/get-statuspage-resources';
import { json } from '@/app/api/v1/_lib/respond';
import { readPaging } from '@/app/api/v1/_lib/util';
import { withManageKey } from '@/app/api/v1/_lib/with-manage-key';

/** GET of /incidents and its four fixed lists: one page of incidents, `q` searching names and updates. */
export function listIncidents(filter: IncidentFilter) {
  return withManageKey(
    async (req) => {
      const paging = readPaging(req);
      if (!paging.ok) return paging.response;
      const q = req.url.searchParams.get('q')?.trim() || undefined;
      return json(200, await getManageIncidents({ ctx: req.ctx, filter, q, paging: paging.paging, pageId: req.pageId, baseUrl: req.baseUrl }));
    },
    { wrapper: 'incident', fields: { id: 'id' } },
  );
}

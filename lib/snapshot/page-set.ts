import type { ServiceContext } from '@/lib/services/context';
import { getHistoryPage } from '@/lib/services/get-history-page';
import { getLiveIncidents } from '@/lib/services/get-live-incidents';
import { getStatusPage } from '@/lib/services/get-status-page';
import { CACHE_POLICY } from '@/lib/snapshot/cache-policy';
import { PAGE_DOC } from '@/lib/snapshot/page-document-types';
import { historyDocument, incidentDocument, overviewDocument } from '@/lib/snapshot/page-documents';
import { represent, type Representation } from '@/lib/snapshot/representation';

/** A page document as the snapshot store serves it; browsers revalidate it like the HTML it feeds. */
function pageDocRepresentation(doc: object, builtAt: string): Representation {
  return represent(JSON.stringify(doc), { 'content-type': 'application/json; charset=utf-8', 'cache-control': CACHE_POLICY.html }, { builtAt });
}

/**
 * The page documents the public pages revalidate from (lib/snapshot/page-document-types.ts):
 * `/`'s, the first history page's, and one per live incident (getLiveIncidents); any other path
 * under the prefix is the store's 404 from memory.
 */
export async function buildPageSet(ctx: ServiceContext): Promise<Map<string, Representation>> {
  const builtAt = ctx.now().toISOString();
  const [overview, history, live] = await Promise.all([
    getStatusPage({ ctx, uptime: false }),
    getHistoryPage({ ctx, pageNumber: 1 }),
    getLiveIncidents({ ctx }),
  ]);
  const set = new Map<string, Representation>();
  set.set(PAGE_DOC.overview, pageDocRepresentation(overviewDocument(overview), builtAt));
  if (history) set.set(PAGE_DOC.history, pageDocRepresentation(historyDocument(history), builtAt));
  for (const incident of live.incidents) {
    set.set(PAGE_DOC.incident(incident.id), pageDocRepresentation(incidentDocument(incident, live.timeZone), builtAt));
  }
  return set;
}

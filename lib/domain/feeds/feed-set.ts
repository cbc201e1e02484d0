import { historyAtom, historyRss } from '@/lib/domain/feeds/history-feed';
import { maintenanceIcs } from '@/lib/domain/feeds/ics';
import type { V2Path } from '@/lib/domain/statuspage/documents';
import type { SpIncident, SpPage, SpScheduledMaintenance } from '@/lib/domain/statuspage/types';

/** The feed files, by the name they have under `/` (public) and under a member's feed URL. */
export const FEED_FILES = ['history.rss', 'history.atom', 'maintenance.ics'] as const;
export type FeedFile = (typeof FEED_FILES)[number];

export const FEED_CONTENT_TYPES: Record<FeedFile, string> = {
  'history.rss': 'application/rss+xml; charset=utf-8',
  'history.atom': 'application/atom+xml; charset=utf-8',
  'maintenance.ics': 'text/calendar; charset=utf-8',
};

/**
 * Every feed's body from the v2 documents a reader may see: the public set and a member's feeds
 * are the same function over different documents. `cancelled` names maintenance that was called off.
 */
export function feedBodies(docs: Record<V2Path, object>, input: { baseUrl: string; now: Date; cancelled: ReadonlySet<string> }): Record<FeedFile, string> {
  const { page } = docs['summary.json'] as { page: SpPage };
  const { incidents } = docs['incidents.json'] as { incidents: SpIncident[] };
  const { scheduled_maintenances: maintenance } = docs['scheduled-maintenances.json'] as { scheduled_maintenances: SpScheduledMaintenance[] };
  const feedInput = { page, baseUrl: input.baseUrl, incidents, maintenance, now: input.now };
  return {
    'history.rss': historyRss(feedInput),
    'history.atom': historyAtom(feedInput),
    'maintenance.ics': maintenanceIcs({ page, baseUrl: input.baseUrl, maintenance: maintenance.map((m) => ({ ...m, cancelled: input.cancelled.has(m.id) })) }),
  };
}

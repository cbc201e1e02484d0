import { listByStatus, listStartedBetween } from '@/lib/db/queries/incidents';
import { ACTIVE_MAINTENANCE, UNRESOLVED_INCIDENT, UPCOMING_MAINTENANCE } from '@/lib/domain/statuspage/documents';
import type { ServiceContext } from '@/lib/services/context';
import { toIncidentViews } from '@/lib/services/incident-views';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { loadSight } from '@/lib/services/visibility';
import type { IncidentDetailView } from '@/lib/services/views';

/** The most recent incidents and maintenances that keep a live page document besides the open ones. */
export const LIVE_RECENT = 50;

/**
 * The incidents whose pages update live: every open incident and maintenance (active or
 * scheduled) and the LIVE_RECENT most recent others, each with its whole timeline. Older pages
 * show what they were rendered with; a bounded set keeps every rebuild the same size.
 */
export async function getLiveIncidents({ ctx }: { ctx: ServiceContext }): Promise<{ timeZone: string; incidents: IncidentDetailView[] }> {
  const now = ctx.now();
  const db = ctx.db;
  // These are the public live documents: private incidents never have one.
  const sight = await loadSight(db);
  const [settings, unresolved, active, upcoming, recent] = await Promise.all([
    getPageSettings(db, now),
    listByStatus(db, 'incident', UNRESOLVED_INCIDENT),
    listByStatus(db, 'maintenance', ACTIVE_MAINTENANCE),
    listByStatus(db, 'maintenance', UPCOMING_MAINTENANCE),
    listStartedBetween(db, null, now.toISOString(), { limit: LIVE_RECENT }),
  ]);
  const rows = new Map([...unresolved, ...active, ...upcoming, ...recent].filter((r) => sight.incident(r.id)).map((r) => [r.id, r]));
  return { timeZone: settings.time_zone, incidents: await toIncidentViews(db, [...rows.values()], now, sight) };
}

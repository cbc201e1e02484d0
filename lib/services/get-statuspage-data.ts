import { listComponents, listGroups } from '@/lib/db/queries/components';
import { listByStatus, listAffected, listUpdateChanges, listUpdates } from '@/lib/db/queries/incidents';
import { listRecent } from '@/lib/db/queries/statuspage';
import type { IncidentRow } from '@/lib/db/schema';
import {
  ACTIVE_MAINTENANCE,
  RECENT_LIMIT,
  UNRESOLVED_INCIDENT,
  UPCOMING_MAINTENANCE,
} from '@/lib/domain/statuspage/documents';
import { assembleIncidents } from '@/lib/domain/statuspage/assemble';
import type { StatuspageData } from '@/lib/domain/statuspage/types';
import type { ServiceContext } from '@/lib/services/context';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { loadSight } from '@/lib/services/visibility';
import { withVisiblePostmortem, type Viewer } from '@/lib/domain/visibility';

/**
 * Everything the public Statuspage v2 documents are built from, read in one pass (a fixed number
 * of queries). Private components and incidents are left out: these documents are public, unless
 * `viewer` names a member's audiences (their own API and feeds, never a shared snapshot).
 */
export async function getStatuspageData({ ctx, baseUrl, viewer }: { ctx: ServiceContext; baseUrl: string; viewer?: Viewer }): Promise<StatuspageData> {
  const db = ctx.db;
  const sight = await loadSight(db, viewer);
  const [settings, groups, components, recentIncidents, recentMaintenance, unresolved, openMaintenance] = await Promise.all([
    getPageSettings(db, ctx.now()),
    listGroups(db),
    listComponents(db),
    listRecent(db, 'incident', RECENT_LIMIT),
    listRecent(db, 'maintenance', RECENT_LIMIT),
    listByStatus(db, 'incident', UNRESOLVED_INCIDENT),
    listByStatus(db, 'maintenance', [...UPCOMING_MAINTENANCE, ...ACTIVE_MAINTENANCE]),
  ]);
  const rows = new Map<string, IncidentRow>();
  for (const row of [...recentIncidents, ...recentMaintenance, ...unresolved, ...openMaintenance]) if (sight.incident(row.id)) rows.set(row.id, withVisiblePostmortem(row, sight));
  const ids = [...rows.keys()];
  const [updates, allAffected] = await Promise.all([listUpdates(db, ids), listAffected(db, ids)]);
  const changes = (await listUpdateChanges(db, updates.map((u) => u.id))).filter((c) => sight.component(c.component_id));
  const affected = new Map([...allAffected].map(([id, list]) => [id, list.filter((c) => sight.component(c))]));

  const incidents = assembleIncidents([...rows.values()], updates, changes, affected);
  return {
    settings,
    baseUrl,
    groups: groups.filter((g) => sight.group(g.id)),
    components: components.filter((c) => sight.component(c.id, c.group_id)),
    incidents,
  };
}

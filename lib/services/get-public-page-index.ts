import { listComponents, listGroups } from '@/lib/db/queries/components';
import { listIncidentStarts, oldestIncidentByComponent } from '@/lib/db/queries/public-index';
import { historyPageCount } from '@/lib/domain/history-pages';
import type { ServiceContext } from '@/lib/services/context';
import { MONTHS_PER_PAGE } from '@/lib/services/get-history-page';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { loadSight } from '@/lib/services/visibility';

/** Which parameterised public pages name something: the rest are 404s without asking anyone. */
export interface PublicPageIndex {
  /** When each incident and maintenance started, by id: which history page lists it. */
  incidentStarts: Map<string, string>;
  /** The page's time zone, in which history pages are months. */
  timeZone: string;
  /** History pages without a filter. */
  historyPages: number;
  /** History pages per component filter; a component not listed does not exist. */
  historyPagesByComponent: Map<string, number>;
  /** When the oldest incident started, overall and per component: what the page counts follow. */
  oldest: string | null;
  oldestByComponent: Map<string, string>;
  /** Groups, which have a `/components/<id>` page like components. */
  groupIds?: Set<string>;
}

/** The index of the public pages that exist, from the data as it is now. */
export async function getPublicPageIndex({ ctx }: { ctx: ServiceContext }): Promise<PublicPageIndex> {
  const now = ctx.now();
  // Public pages only: a private component or incident has no public page (its URL is a 404).
  const sight = await loadSight(ctx.db);
  const [settings, incidents, components, oldestByComponent, groups] = await Promise.all([
    getPageSettings(ctx.db, now),
    listIncidentStarts(ctx.db, (id) => sight.incident(id)),
    listComponents(ctx.db).then((rows) => rows.filter((c) => sight.component(c.id, c.group_id))),
    oldestIncidentByComponent(ctx.db),
    listGroups(ctx.db).then((rows) => rows.filter((g) => sight.group(g.id))),
  ]);
  const pages = (oldest: string | null) => historyPageCount(now, settings.time_zone, oldest, MONTHS_PER_PAGE);
  return {
    incidentStarts: incidents.starts,
    timeZone: settings.time_zone,
    historyPages: pages(incidents.oldest),
    historyPagesByComponent: new Map(components.map((c) => [c.id, pages(oldestByComponent.get(c.id) ?? null)])),
    oldest: incidents.oldest,
    oldestByComponent,
    groupIds: new Set(groups.map((g) => g.id)),
  };
}

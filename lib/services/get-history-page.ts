import { z } from 'zod';
import { historyMonths } from '@/lib/domain/calendar';
import { HISTORY_MIN_MONTHS } from '@/lib/domain/history-pages';
import { listComponents, listGroups } from '@/lib/db/queries/components';
import { listStartedBetween } from '@/lib/db/queries/incidents';
import type { ServiceContext } from '@/lib/services/context';
import { toIncidentViews } from '@/lib/services/incident-views';
import type { Viewer } from '@/lib/domain/visibility';
import { loadSight } from '@/lib/services/visibility';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import type { HistoryView } from '@/lib/services/views';

export const MONTHS_PER_PAGE = 3;

/** `/history`'s query: a page number (anything else is page 1) and a component id (else none). */
export const HistoryQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).catch(1),
  component: z
    .string()
    .regex(/^[a-z0-9]{1,64}$/)
    .optional()
    .catch(undefined),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** Normalises `/history`'s parameters, as the page and the snapshot layer both read them. */
export function parseHistoryQuery(raw: { page?: string | null; component?: string | null }): HistoryQuery {
  return HistoryQuery.parse({ page: raw.page ?? undefined, component: raw.component ?? undefined });
}

/**
 * Incidents and maintenance by calendar month, three months per page, newest first; undefined
 * for a page past the oldest incident (and past a year back) or an unknown component.
 */
export async function getHistoryPage({
  ctx,
  pageNumber,
  componentId,
  viewer,
}: {
  ctx: ServiceContext;
  pageNumber: number;
  componentId?: string;
  /** The public unless a member's audiences are given. */
  viewer?: Viewer;
}): Promise<HistoryView | undefined> {
  const now = ctx.now();
  const db = ctx.db;
  const sight = await loadSight(db, viewer);
  const settings = await getPageSettings(db, now);
  const months = historyMonths(now, pageNumber, settings.time_zone, MONTHS_PER_PAGE);
  const oldest = months[months.length - 1]!;
  const newest = months[0]!;

  const [groups, components] = await Promise.all([
    listGroups(db).then((rows) => rows.filter((g) => sight.group(g.id))),
    listComponents(db).then((rows) => rows.filter((c) => sight.component(c.id, c.group_id))),
  ]);
  const filter = componentId ? components.find((c) => c.id === componentId) : undefined;
  if (componentId && !filter) return undefined;
  const opts = filter ? { componentId: filter.id } : {};
  const seen = <T extends { id: string }>(list: T[]) => list.filter((r) => sight.incident(r.id));
  const [rows, older] = await Promise.all([
    listStartedBetween(db, new Date(oldest.start).toISOString(), new Date(newest.end).toISOString(), opts).then(seen),
    // With private incidents about, the first older row may be one the reader cannot see.
    listStartedBetween(db, null, new Date(oldest.start).toISOString(), sight.anyPrivateIncident ? opts : { ...opts, limit: 1 }).then(seen),
  ]);
  // Past the first year, a page exists while it holds the oldest incident or newer ones are older.
  if (pageNumber > Math.ceil(HISTORY_MIN_MONTHS / MONTHS_PER_PAGE) && rows.length === 0 && older.length === 0) return undefined;
  const views = await toIncidentViews(db, rows, now, sight);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));

  return {
    page: { id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone },
    pageNumber,
    months: months.map((m) => ({
      key: m.key,
      label: m.label,
      incidents: views.filter((v) => {
        const t = Date.parse(v.startedAt);
        return t >= m.start && t < m.end;
      }),
    })),
    hasOlder: older.length > 0,
    components: components.map((c) => ({ id: c.id, name: c.name, groupName: c.group_id ? (groupName.get(c.group_id) ?? null) : null })),
    componentFilter: filter ? { id: filter.id, name: filter.name } : null,
  };
}

import { historyMonths } from '@/lib/domain/calendar';
import { listComponents, listGroups } from '@/lib/db/queries/components';
import { listStartedBetween } from '@/lib/db/queries/incidents';
import type { ServiceContext } from '@/lib/services/context';
import { toIncidentViews } from '@/lib/services/incident-views';
import { getPageSettings } from '@/lib/services/page-settings';
import type { HistoryView } from '@/lib/services/views';

export const MONTHS_PER_PAGE = 3;

/** Incidents and maintenance by calendar month, three months per page, newest first. */
export async function getHistoryPage({
  ctx,
  pageNumber,
  componentId,
}: {
  ctx: ServiceContext;
  pageNumber: number;
  componentId?: string;
}): Promise<HistoryView> {
  const now = ctx.now();
  const db = ctx.db;
  const settings = await getPageSettings(db, now);
  const months = historyMonths(now, pageNumber, settings.time_zone, MONTHS_PER_PAGE);
  const oldest = months[months.length - 1]!;
  const newest = months[0]!;

  const [groups, components] = await Promise.all([listGroups(db), listComponents(db)]);
  const filter = componentId ? components.find((c) => c.id === componentId) : undefined;
  const opts = filter ? { componentId: filter.id } : {};
  const [rows, older] = await Promise.all([
    listStartedBetween(db, new Date(oldest.start).toISOString(), new Date(newest.end).toISOString(), opts),
    listStartedBetween(db, null, new Date(oldest.start).toISOString(), { ...opts, limit: 1 }),
  ]);
  const views = await toIncidentViews(db, rows, now);
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

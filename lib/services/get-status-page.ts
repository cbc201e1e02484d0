import { lastDays, type TimeWindow } from '@/lib/domain/calendar';
import { pageStatus } from '@/lib/domain/rollup';
import { COMPONENT_STATUSES, worstOf } from '@/lib/domain/status';
import { uptimeByDay, uptimePercent, type StatusInterval } from '@/lib/domain/uptime';
import { listComponents, listGroups, listIntervals } from '@/lib/db/queries/components';
import { listAffected, listByStatus, listOverlapping, listStartedBetween } from '@/lib/db/queries/incidents';
import type { ComponentRow, IncidentRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { toIncidentViews } from '@/lib/services/incident-views';
import { getPageSettings } from '@/lib/services/page-settings';
import type { ComponentView, GroupView, StatusPageView, UptimeDayView } from '@/lib/services/views';

export const UPTIME_DAYS = 90;
const RECENT_DAYS = 7;

/**
 * Everything the public status page shows, read in one pass; `uptime: false` leaves the bars out
 * (the live page document does not carry them).
 */
export async function getStatusPage({
  ctx,
  partialWeight,
  uptime: withUptime = true,
}: {
  ctx: ServiceContext;
  partialWeight?: number;
  uptime?: boolean;
}): Promise<StatusPageView> {
  const now = ctx.now();
  const db = ctx.db;
  const settings = await getPageSettings(db, now);
  const days = lastDays(now, UPTIME_DAYS, settings.time_zone);
  const recent = lastDays(now, RECENT_DAYS, settings.time_zone);

  const [groups, components, unresolved, activeMaint, scheduledMaint, recentRows] = await Promise.all([
    listGroups(db),
    listComponents(db),
    listByStatus(db, 'incident', ['investigating', 'identified', 'monitoring']),
    listByStatus(db, 'maintenance', ['in_progress', 'verifying']),
    listByStatus(db, 'maintenance', ['scheduled']),
    listStartedBetween(db, iso(recent[0]!.start), now.toISOString()),
  ]);
  const visible = components.filter((c) => !(c.only_show_if_degraded && c.status === 'operational'));
  const uptime = withUptime ? await uptimeFor(db, visible.filter((c) => c.showcase), days, now, partialWeight) : new Map();

  const toView = (c: ComponentRow): ComponentView => ({
    id: c.id,
    name: c.name,
    description: c.description,
    status: c.status,
    uptime: uptime.get(c.id) ?? null,
  });
  const groupViews: GroupView[] = groups
    .map((g) => {
      const all = components.filter((c) => c.group_id === g.id);
      return {
        id: g.id,
        name: g.name,
        description: g.description,
        status: worstOf(COMPONENT_STATUSES, all.map((c) => c.status), 'operational'),
        components: visible.filter((c) => c.group_id === g.id).map(toView),
      };
    })
    .filter((g) => g.components.length > 0);

  const byScheduledFor = (a: IncidentRow, b: IncidentRow) => (a.scheduled_for ?? '').localeCompare(b.scheduled_for ?? '');
  const [activeIncidents, activeMaintenance, upcomingMaintenance, recentViews] = await Promise.all([
    toIncidentViews(db, unresolved, now),
    toIncidentViews(db, activeMaint, now),
    toIncidentViews(db, [...scheduledMaint].sort(byScheduledFor), now),
    toIncidentViews(db, recentRows.filter((r) => r.status !== 'scheduled'), now),
  ]);

  return {
    page: { id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: settings.time_zone },
    status: pageStatus({
      componentStatuses: components.map((c) => c.status),
      unresolvedIncidentImpacts: unresolved.map((i) => i.impact),
      maintenanceInProgress: activeMaint.length > 0,
    }),
    activeIncidents,
    activeMaintenance,
    upcomingMaintenance,
    groups: groupViews,
    ungrouped: visible.filter((c) => c.group_id === null).map(toView),
    recentDays: [...recent].reverse().map((day) => ({
      key: day.key,
      start: iso(day.start),
      incidents: recentViews.filter((i) => {
        const t = Date.parse(i.startedAt);
        return t >= day.start && t < day.end;
      }),
    })),
    generatedAt: now.toISOString(),
  };
}

/** 90 daily bars and the percentage for each showcased component, with the incidents of each day. */
async function uptimeFor(
  db: DbOrTx,
  components: readonly ComponentRow[],
  days: readonly TimeWindow[],
  now: Date,
  partialWeight?: number,
): Promise<Map<string, { percent: number | null; days: UptimeDayView[] }>> {
  const result = new Map<string, { percent: number | null; days: UptimeDayView[] }>();
  if (components.length === 0) return result;
  const from = iso(days[0]!.start);
  const to = now.toISOString();
  const ids = components.map((c) => c.id);
  const [intervals, incidents] = await Promise.all([
    listIntervals(db, ids, from, to),
    listOverlapping(db, from, to, { kind: 'incident' }),
  ]);
  const affected = await listAffected(db, incidents.map((i) => i.id));
  // Grouped once, so that the loop below is linear in components + rows (200 components × years of rows).
  const intervalsOf = new Map<string, StatusInterval[]>();
  for (const i of intervals) {
    const list = intervalsOf.get(i.component_id) ?? [];
    list.push({ status: i.status, startedAt: i.started_at, endedAt: i.ended_at });
    intervalsOf.set(i.component_id, list);
  }
  const incidentsOf = new Map<string, IncidentRow[]>();
  for (const incident of incidents) {
    for (const componentId of affected.get(incident.id) ?? []) {
      incidentsOf.set(componentId, [...(incidentsOf.get(componentId) ?? []), incident]);
    }
  }

  for (const component of components) {
    const own = intervalsOf.get(component.id) ?? [];
    const touching = incidentsOf.get(component.id) ?? [];
    const daily = uptimeByDay(own, days, now, partialWeight).map((day, index) => {
      const window = days[index]!;
      return {
        ...day,
        incidents: touching
          .filter((i) => {
            const start = Date.parse(i.started_at);
            const end = i.resolved_at ? Date.parse(i.resolved_at) : now.getTime();
            return start < window.end && end >= window.start;
          })
          .map((i) => ({ id: i.id, name: i.name, impact: i.impact })),
      };
    });
    result.set(component.id, { percent: uptimePercent(daily, partialWeight), days: daily });
  }
  return result;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

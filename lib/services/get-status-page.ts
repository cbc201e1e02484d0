import { lastDays, type TimeWindow } from '@/lib/domain/calendar';
import { pageStatus } from '@/lib/domain/rollup';
import { COMPONENT_STATUSES, worstOf } from '@/lib/domain/status';
import { uptimeByDay, uptimePercent, type StatusInterval, type UptimeRule } from '@/lib/domain/uptime';
import { listComponents, listGroups, listIntervals } from '@/lib/db/queries/components';
import { listAffected, listByStatus, listOverlapping, listStartedBetween } from '@/lib/db/queries/incidents';
import type { ComponentRow, IncidentRow } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';
import { toIncidentViews, withTranslations } from '@/lib/services/incident-views';
import { listAllTranslations } from '@/lib/db/queries/translations';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import { upstreamViews } from '@/lib/services/upstream-views';
import type { ComponentView, GroupView, StatusPageView, UptimeDayView } from '@/lib/services/views';
import type { Sight, Viewer } from '@/lib/domain/visibility';
import { loadSight } from '@/lib/services/visibility';

export const UPTIME_DAYS = 90;
const RECENT_DAYS = 7;

/**
 * Everything the public status page shows, read in one pass; `uptime: false` leaves the bars out
 * (the live page document does not carry them). `viewer` is the anonymous public unless a
 * signed-in member's audiences are given (then their private components and incidents count too).
 */
export async function getStatusPage({
  ctx,
  partialWeight,
  uptime: withUptime = true,
  viewer,
}: {
  ctx: ServiceContext;
  partialWeight?: number | UptimeRule;
  uptime?: boolean;
  viewer?: Viewer;
}): Promise<StatusPageView> {
  const now = ctx.now();
  const db = ctx.db;
  const sight = await loadSight(db, viewer);
  const settings = await getPageSettings(db, now);
  const days = lastDays(now, UPTIME_DAYS, settings.time_zone);
  const recent = lastDays(now, RECENT_DAYS, settings.time_zone);

  const seen = <T extends { id: string }>(rows: T[]) => rows.filter((r) => sight.incident(r.id));
  const [groups, components, unresolved, activeMaint, scheduledMaint, recentRows, componentTranslations, groupTranslations] = await Promise.all([
    listGroups(db).then((rows) => rows.filter((g) => sight.group(g.id))),
    listComponents(db).then((rows) => rows.filter((c) => sight.component(c.id, c.group_id))),
    listByStatus(db, 'incident', ['investigating', 'identified', 'monitoring']).then(seen),
    listByStatus(db, 'maintenance', ['in_progress', 'verifying']).then(seen),
    listByStatus(db, 'maintenance', ['scheduled']).then(seen),
    listStartedBetween(db, iso(recent[0]!.start), now.toISOString()).then(seen),
    listAllTranslations(db, 'component'),
    listAllTranslations(db, 'component_group'),
  ]);
  const visible = components.filter((c) => !(c.only_show_if_degraded && c.status === 'operational'));
  const upstreams = await upstreamViews(db);
  const uptime = withUptime ? await uptimeFor(db, visible.filter((c) => c.showcase), days, now, partialWeight, sight) : new Map();

  const toView = (c: ComponentRow): ComponentView => {
    const privateTo = sight.privateTo('component', c.id);
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      status: c.status,
      uptime: uptime.get(c.id) ?? null,
      ...withTranslations(componentTranslations.get(c.id)),
      ...(upstreams.has(c.id) ? { upstream: upstreams.get(c.id) } : {}),
      ...(privateTo.length > 0 ? { privateTo } : {}),
    };
  };
  const groupViews: GroupView[] = groups
    .map((g) => {
      const all = components.filter((c) => c.group_id === g.id);
      return {
        id: g.id,
        name: g.name,
        description: g.description,
        status: worstOf(COMPONENT_STATUSES, all.map((c) => c.status), 'operational'),
        components: visible.filter((c) => c.group_id === g.id).map(toView),
        ...withTranslations(groupTranslations.get(g.id)),
      };
    })
    .filter((g) => g.components.length > 0);

  const byScheduledFor = (a: IncidentRow, b: IncidentRow) => (a.scheduled_for ?? '').localeCompare(b.scheduled_for ?? '');
  const [activeIncidents, activeMaintenance, upcomingMaintenance, recentViews] = await Promise.all([
    toIncidentViews(db, unresolved, now, sight),
    toIncidentViews(db, activeMaint, now, sight),
    toIncidentViews(db, [...scheduledMaint].sort(byScheduledFor), now, sight),
    toIncidentViews(db, recentRows.filter((r) => r.status !== 'scheduled'), now, sight),
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
  partialWeight: number | UptimeRule | undefined,
  sight: Sight,
): Promise<Map<string, { percent: number | null; days: UptimeDayView[] }>> {
  const result = new Map<string, { percent: number | null; days: UptimeDayView[] }>();
  if (components.length === 0) return result;
  const from = iso(days[0]!.start);
  const to = now.toISOString();
  const ids = components.map((c) => c.id);
  const [intervals, incidents] = await Promise.all([
    listIntervals(db, ids, from, to),
    listOverlapping(db, from, to, { kind: 'incident' }).then((rows) => rows.filter((r) => sight.incident(r.id))),
  ]);
  const affected = await listAffected(db, incidents.map((i) => i.id));
  // Grouped once, so that the loop below is linear in components + rows (200 components × years of rows).
  const intervalsOf = new Map<string, StatusInterval[]>();
  for (const i of intervals) {
    const list = intervalsOf.get(i.component_id) ?? [];
    list.push({ status: i.status, startedAt: i.started_at, endedAt: i.ended_at });
    intervalsOf.set(i.component_id, list);
  }
  // Each incident's span parsed once (not once per component and day: 200 components × 90 days).
  const incidentsOf = new Map<string, { row: IncidentRow; start: number; end: number }[]>();
  for (const row of incidents) {
    const span = { row, start: Date.parse(row.started_at), end: row.resolved_at ? Date.parse(row.resolved_at) : now.getTime() };
    for (const componentId of affected.get(row.id) ?? []) {
      const list = incidentsOf.get(componentId);
      if (list) list.push(span);
      else incidentsOf.set(componentId, [span]);
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
          .filter((i) => i.start < window.end && i.end >= window.start)
          .map(({ row: i }) => ({ id: i.id, name: i.name, impact: i.impact })),
      };
    });
    result.set(component.id, { percent: uptimePercent(daily, partialWeight), days: daily });
  }
  return result;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

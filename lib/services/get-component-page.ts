import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay, startOfMonth, startOfQuarter, startOfYear, subMonths, subQuarters, subYears } from 'date-fns';
import { getComponent, getGroup, listComponents } from '@/lib/db/queries/components';
import { listOverlapping } from '@/lib/db/queries/incidents';
import { COMPONENT_STATUSES, worstOf } from '@/lib/domain/status';
import { uptimePercent, type UptimeRule } from '@/lib/domain/uptime';
import { daysOf, monthsOf, quartersOf } from '@/lib/domain/uptime-periods';
import type { ServiceContext } from '@/lib/services/context';
import { listTranslations } from '@/lib/db/queries/translations';
import { toIncidentViews, withTranslations } from '@/lib/services/incident-views';
import { upstreamViews } from '@/lib/services/upstream-views';
import { getPageSettings } from '@/lib/db/queries/page-settings';
import type { Translations } from '@/lib/domain/localize';
import type { Viewer } from '@/lib/domain/visibility';
import { loadSight } from '@/lib/services/visibility';
import { configuredUptimeRule, figuresOver, intervalsByComponent } from '@/lib/services/uptime-history';
import type { CalendarMonthView, ComponentPageView } from '@/lib/services/uptime-views';

/** Months in the calendar, this one included. */
export const CALENDAR_MONTHS = 12;

/**
 * Everything `/components/<id>` shows for a live component or a group (over its live
 * components): the calendar of the last 12 months, monthly, quarterly and yearly figures, and
 * the incidents and maintenance that touched it; undefined when the id names neither.
 */
export async function getComponentPage({
  ctx,
  id,
  rule = configuredUptimeRule(),
  viewer,
}: {
  ctx: ServiceContext;
  id: string;
  rule?: UptimeRule;
  /** The public unless a member's audiences are given. */
  viewer?: Viewer;
}): Promise<ComponentPageView | undefined> {
  const now = ctx.now();
  const db = ctx.db;
  const sight = await loadSight(db, viewer);
  const [settings, component, group] = await Promise.all([
    getPageSettings(db, now),
    getComponent(db, id).then((c) => (c && sight.component(c.id, c.group_id) ? c : undefined)),
    getGroup(db, id).then((g) => (g && sight.group(g.id) ? g : undefined)),
  ]);
  const live = component && component.archived_at === null ? component : undefined;
  if (!live && !group) return undefined;
  const tz = settings.time_zone;
  const today = new TZDate(now.getTime(), tz);

  const members = live ? [live] : (await listComponents(db)).filter((c) => c.group_id === group!.id && sight.component(c.id, c.group_id));
  const memberIds = members.map((c) => c.id);
  const since = members.length > 0 ? members.map((c) => c.start_date).reduce((a, b) => (a < b ? a : b)) : now.toISOString();

  const calendarStart = startOfMonth(subMonths(today, CALENDAR_MONTHS - 1)).getTime();
  const tomorrow = startOfDay(addDays(today, 1)).getTime();
  const lastYearStart = startOfYear(subYears(today, 1)).getTime();
  const from = Math.min(calendarStart, lastYearStart);
  const days = daysOf(from, tomorrow, tz);
  const months = monthsOf(calendarStart, tomorrow, tz);
  const quarters = quartersOf(startOfQuarter(subQuarters(today, 3)).getTime(), tomorrow, tz);
  const years = [lastYearStart, startOfYear(today).getTime()].map((start) => {
    const end = Math.min(startOfYear(addDays(new TZDate(start, tz), 366)).getTime(), tomorrow);
    const y = new TZDate(start, tz).getFullYear();
    return { key: String(y), label: end === tomorrow ? `${y} to date` : String(y), start, end };
  });

  const [intervals, touching] = await Promise.all([
    intervalsByComponent(db, memberIds, from, tomorrow),
    listOverlapping(db, new Date(calendarStart).toISOString(), now.toISOString(), { componentIds: memberIds }),
  ]);
  // A group's history is its components' together: where they overlap, the worst status counts.
  const history = memberIds.flatMap((m) => intervals.get(m) ?? []);
  const { byDay, figures } = figuresOver(history, days, [...months, ...quarters, ...years], now, rule, since);

  const incidents = touching.filter((i) => sight.incident(i.id));
  const [incidentViews, componentTranslations, groupTranslations] = await Promise.all([
    toIncidentViews(db, incidents, now, sight),
    listTranslations(db, 'component', memberIds),
    listTranslations(db, 'component_group', [live ? live.group_id : group!.id].filter((g): g is string => g !== null)),
  ]);
  const incidentTranslations = new Map(incidentViews.map((v) => [v.id, v.translations]));
  const spans = incidents.map((i) => ({
    ref: { id: i.id, name: i.name, impact: i.impact, kind: i.kind, ...withTranslations(incidentTranslations.get(i.id)) },
    start: Date.parse(i.kind === 'maintenance' ? (i.scheduled_for ?? i.started_at) : i.started_at),
    end: i.resolved_at ? Date.parse(i.resolved_at) : i.kind === 'maintenance' && i.scheduled_until ? Date.parse(i.scheduled_until) : now.getTime(),
  }));

  const calendarDays = days.map((d, i) => ({ d, u: byDay[i]! })).filter(({ d }) => d.start >= calendarStart);
  const calendar: CalendarMonthView[] = months.map((m) => ({
    key: m.key,
    label: m.label,
    offset: (new TZDate(m.start, tz).getDay() + 6) % 7,
    days: calendarDays
      .filter(({ d }) => d.start >= m.start && d.start < m.end)
      .map(({ d, u }) => ({
        key: d.key,
        uptime: u.uptime,
        percent: uptimePercent([u], rule),
        majorMs: u.majorMs,
        partialMs: u.partialMs,
        maintenanceMs: u.maintenanceMs,
        degradedMs: u.degradedMs,
        incidents: spans.filter((s) => s.start < d.end && s.end >= d.start).map((s) => s.ref),
      })),
  }));
  // Whole months in the calendar also run to the month's end (future days show as no data).
  const lastMonth = calendar[calendar.length - 1];
  if (lastMonth) {
    const monthEnd = startOfMonth(addDays(new TZDate(tomorrow - 1, tz), 32)).getTime();
    for (const d of daysOf(tomorrow, monthEnd, tz)) {
      lastMonth.days.push({ key: d.key, uptime: null, percent: null, majorMs: 0, partialMs: 0, maintenanceMs: 0, degradedMs: 0, incidents: [] });
    }
  }

  const upstreams = await upstreamViews(db);
  const byNewest = <T>(list: T[]) => [...list].reverse();
  return {
    page: { id: settings.id, name: settings.name, logoUrl: settings.logo_url, timeZone: tz },
    target: {
      kind: live ? 'component' : 'group',
      id,
      name: live ? live.name : group!.name,
      description: live ? live.description : group!.description,
      ...withTranslations(live ? componentTranslations.get(id) : groupTranslations.get(id)),
      status: worstOf(COMPONENT_STATUSES, members.map((c) => c.status), 'operational'),
      group: live && live.group_id ? await groupRef(ctx, live.group_id, groupTranslations) : null,
      members: live ? [] : members.map((c) => ({ id: c.id, name: c.name, status: c.status, ...withTranslations(componentTranslations.get(c.id)) })),
      startDate: since,
      ...(live && upstreams.has(id) ? { upstream: upstreams.get(id) } : {}),
    },
    rule,
    calendar,
    months: byNewest(figures.slice(0, months.length)),
    quarters: byNewest(figures.slice(months.length, months.length + quarters.length)),
    years: byNewest(figures.slice(months.length + quarters.length)),
    incidents: incidentViews,
    generatedAt: now.toISOString(),
  };
}

async function groupRef(ctx: ServiceContext, groupId: string, translations: Map<string, Translations>): Promise<ComponentPageView['target']['group']> {
  const g = await getGroup(ctx.db, groupId);
  return g ? { id: g.id, name: g.name, ...withTranslations(translations.get(g.id)) } : null;
}

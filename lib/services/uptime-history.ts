import { listIntervals } from '@/lib/db/queries/components';
import type { DbOrTx } from '@/lib/db/transaction';
import { getEnv } from '@/lib/env';
import { uptimeByDay, uptimeFigure, type DayUptime, type StatusInterval, type UptimeRule } from '@/lib/domain/uptime';
import type { TimeWindow } from '@/lib/domain/calendar';
import type { FigureView } from '@/lib/services/uptime-views';

/** The rule the page's settings give: BEACON_UPTIME_PARTIAL_WEIGHT and BEACON_UPTIME_COUNT_MAINTENANCE. */
export function configuredUptimeRule(): UptimeRule {
  const env = getEnv();
  return { partialWeight: env.BEACON_UPTIME_PARTIAL_WEIGHT, maintenanceCounts: env.BEACON_UPTIME_COUNT_MAINTENANCE };
}

/** Status intervals overlapping [from, to) per component, in one query. */
export async function intervalsByComponent(
  db: DbOrTx,
  componentIds: readonly string[],
  from: number,
  to: number,
): Promise<Map<string, StatusInterval[]>> {
  const rows = await listIntervals(db, componentIds, new Date(from).toISOString(), new Date(to).toISOString());
  const byComponent = new Map<string, StatusInterval[]>(componentIds.map((id) => [id, []]));
  for (const r of rows) byComponent.get(r.component_id)?.push({ status: r.status, startedAt: r.started_at, endedAt: r.ended_at });
  return byComponent;
}

/** Days of uptime plus a figure per window, all through the one uptime function. */
export function figuresOver(
  intervals: readonly StatusInterval[],
  days: readonly TimeWindow[],
  windows: readonly (TimeWindow & { label: string })[],
  now: Date,
  rule: UptimeRule,
  since: string | null,
): { byDay: DayUptime[]; figures: FigureView[] } {
  const byDay = uptimeByDay(intervals, days, now, rule, since);
  const figures = windows.map((w) => {
    // Windows are whole days of the same calendar, so a day belongs to a window by its start.
    const [first, last] = dayRange(days, w);
    return { key: w.key, label: w.label, ...uptimeFigure(byDay.slice(first, last), rule) };
  });
  return { byDay, figures };
}

/** The days (sorted) whose start lies in the window, as [first, last) indexes. */
function dayRange(days: readonly TimeWindow[], w: TimeWindow): [number, number] {
  return [firstStartAtOrAfter(days, w.start), firstStartAtOrAfter(days, w.end)];
}

/** Bisection: a year's report asks 13 windows of 365 days for each of 200 components. */
function firstStartAtOrAfter(days: readonly TimeWindow[], ms: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]!.start < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

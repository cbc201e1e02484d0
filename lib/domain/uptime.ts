import type { TimeWindow } from '@/lib/domain/calendar';
import { COMPONENT_STATUSES, type ComponentStatus } from '@/lib/domain/status';

/** One stretch of a component's status history; `endedAt` null means it is still current. */
export interface StatusInterval {
  status: ComponentStatus;
  startedAt: string;
  endedAt: string | null;
}

export interface DayUptime {
  key: string;
  observedMs: number;
  majorMs: number;
  partialMs: number;
  degradedMs: number;
  maintenanceMs: number;
  /** In [0, 1]; null when nothing was observed that day. */
  uptime: number | null;
}

/** Share of partial-outage time that counts as downtime. */
export const DEFAULT_PARTIAL_WEIGHT = 0.3;

// Absorbs float error in the basis-point count without lifting a real value to the next point.
const FLOOR_EPSILON = 1e-9;

interface Span {
  status: ComponentStatus;
  start: number;
  end: number;
}

function assertWeight(w: number): void {
  if (!(w >= 0 && w <= 1)) throw new RangeError(`partial weight must be within [0, 1], got ${w}`);
}

function downtime(majorMs: number, partialMs: number, w: number): number {
  return majorMs + w * partialMs;
}

/** Time per status within [from, to); where spans overlap (bad data) the worst status takes the time. */
function timeByStatus(spans: readonly Span[], from: number, to: number): Map<ComponentStatus, number> {
  const clipped = spans
    .map((s) => ({ status: s.status, start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start);
  const cuts = [...new Set(clipped.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const totals = new Map<ComponentStatus, number>();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    const covering = clipped.filter((s) => s.start <= a && s.end >= b).map((s) => COMPONENT_STATUSES.indexOf(s.status));
    if (covering.length === 0) continue; // a gap in the history is not observed time
    const status = COMPONENT_STATUSES[Math.max(...covering)]!;
    totals.set(status, (totals.get(status) ?? 0) + (b - a));
  }
  return totals;
}

/** Per-day uptime from a component's status history; time is observed only where an interval covers it, up to `now`. */
export function uptimeByDay(
  intervals: readonly StatusInterval[],
  days: readonly TimeWindow[],
  now: Date,
  partialWeight = DEFAULT_PARTIAL_WEIGHT,
): DayUptime[] {
  assertWeight(partialWeight);
  const nowMs = now.getTime();
  const spans: Span[] = intervals
    .map((i) => ({
      status: i.status,
      start: Date.parse(i.startedAt),
      end: i.endedAt === null ? nowMs : Date.parse(i.endedAt),
    }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end));

  return days.map((day) => {
    const totals = timeByStatus(spans, day.start, Math.min(day.end, nowMs));
    const observedMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
    const majorMs = totals.get('major_outage') ?? 0;
    const partialMs = totals.get('partial_outage') ?? 0;
    return {
      key: day.key,
      observedMs,
      majorMs,
      partialMs,
      degradedMs: totals.get('degraded_performance') ?? 0,
      maintenanceMs: totals.get('under_maintenance') ?? 0,
      uptime: observedMs > 0 ? Math.max(0, 1 - downtime(majorMs, partialMs, partialWeight) / observedMs) : null,
    };
  });
}

/** Uptime percentage over the days, floored to 2 decimals so any downtime shows below 100; null when nothing observed. */
export function uptimePercent(days: readonly DayUptime[], partialWeight = DEFAULT_PARTIAL_WEIGHT): number | null {
  assertWeight(partialWeight);
  const observed = days.reduce((sum, d) => sum + d.observedMs, 0);
  if (observed <= 0) return null;
  const down = days.reduce((sum, d) => sum + downtime(d.majorMs, d.partialMs, partialWeight), 0);
  let basisPoints = Math.floor((10_000 * (observed - down)) / observed + FLOOR_EPSILON);
  if (down > 0) basisPoints = Math.min(basisPoints, 9_999);
  return Math.max(0, basisPoints) / 100;
}

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

/**
 * How downtime is counted: major outage fully, partial outage at `partialWeight`, maintenance
 * fully only when `maintenanceCounts`; degraded performance never.
 */
export interface UptimeRule {
  partialWeight: number;
  maintenanceCounts: boolean;
}

export const DEFAULT_UPTIME_RULE: UptimeRule = Object.freeze({ partialWeight: DEFAULT_PARTIAL_WEIGHT, maintenanceCounts: false });

/** A bare number is the partial weight of the default rule (the callers from before the rule). */
export function toRule(rule: number | UptimeRule | undefined): UptimeRule {
  const full = typeof rule === 'number' ? { ...DEFAULT_UPTIME_RULE, partialWeight: rule } : (rule ?? DEFAULT_UPTIME_RULE);
  assertWeight(full.partialWeight);
  return full;
}

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

/** Downtime of a day (or a sum of days) under the rule, in ms. */
export function downtimeMs(d: Pick<DayUptime, 'majorMs' | 'partialMs' | 'maintenanceMs'>, rule: UptimeRule): number {
  return d.majorMs + rule.partialWeight * d.partialMs + (rule.maintenanceCounts ? d.maintenanceMs : 0);
}

/** Time per status within [from, to); where spans overlap (bad data) the worst status takes the time. */
function timeByStatus(spans: readonly Span[], from: number, to: number): Map<ComponentStatus, number> {
  if (spans.length === 0) return new Map();
  if (spans.length === 1) {
    const only = spans[0]!;
    const ms = Math.min(only.end, to) - Math.max(only.start, from);
    return new Map(ms > 0 ? [[only.status, ms]] : []);
  }
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

/**
 * Per-day uptime from a status history; time is observed only where an interval covers it, from
 * `since` (the component's start date: earlier days are "no data") up to `now`. Intervals of
 * several components (a group) may be passed together: where they overlap the worst status counts.
 */
export function uptimeByDay(
  intervals: readonly StatusInterval[],
  days: readonly TimeWindow[],
  now: Date,
  rule?: number | UptimeRule,
  since?: string | null,
): DayUptime[] {
  const r = toRule(rule);
  const nowMs = now.getTime();
  const sinceMs = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
  const spans: Span[] = intervals
    .map((i) => ({
      status: i.status,
      start: Date.parse(i.startedAt),
      end: i.endedAt === null ? nowMs : Date.parse(i.endedAt),
    }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start);
  // The latest end among the spans up to each index: rises with the index, so the first span that
  // can still reach a day is found by bisection instead of walking every earlier span each day.
  const reach: number[] = [];
  for (const [i, s] of spans.entries()) reach.push(Math.max(s.end, reach[i - 1] ?? Number.NEGATIVE_INFINITY));

  return days.map((day) => {
    const from = Math.max(day.start, sinceMs);
    const to = Math.min(day.end, nowMs);
    // Only the spans that reach into the day: a year of days over years of history stays linear-ish.
    const near = nearby(spans, reach, from, to);
    // Most days lie within one span (or none): their time is that span's, without the cutting.
    if (near.length <= 1) {
      const only = near[0];
      const ms = only ? Math.min(only.end, to) - Math.max(only.start, from) : 0;
      return dayOf(day.key, only?.status ?? 'operational', Math.max(0, ms), r);
    }
    const totals = timeByStatus(near, from, to);
    const observedMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
    const counted = {
      majorMs: totals.get('major_outage') ?? 0,
      partialMs: totals.get('partial_outage') ?? 0,
      maintenanceMs: totals.get('under_maintenance') ?? 0,
    };
    return {
      key: day.key,
      observedMs,
      ...counted,
      degradedMs: totals.get('degraded_performance') ?? 0,
      uptime: observedMs > 0 ? Math.max(0, 1 - downtimeMs(counted, r) / observedMs) : null,
    };
  });
}

/** A day observed for `ms` in one status (none when `ms` is 0), figured as the general case is. */
function dayOf(key: string, status: ComponentStatus, ms: number, rule: UptimeRule): DayUptime {
  // A plain literal, no spread: a year's report makes 73,000 of these.
  const day: DayUptime = {
    key,
    observedMs: ms,
    majorMs: status === 'major_outage' ? ms : 0,
    partialMs: status === 'partial_outage' ? ms : 0,
    maintenanceMs: status === 'under_maintenance' ? ms : 0,
    degradedMs: status === 'degraded_performance' ? ms : 0,
    uptime: null,
  };
  if (ms > 0) day.uptime = Math.max(0, 1 - downtimeMs(day, rule) / ms);
  return day;
}

/** The spans (sorted by start, with `reach` the running latest end) that may overlap [from, to). */
function nearby(spans: readonly Span[], reach: readonly number[], from: number, to: number): Span[] {
  if (to <= from) return [];
  // First span starting at or after `to`: none from there on can overlap.
  const stop = firstIndex(spans.length, (i) => spans[i]!.start >= to);
  // Before the first index whose running end passes `from`, every span ended before the day.
  const begin = firstIndex(stop, (i) => reach[i]! > from);
  const found: Span[] = [];
  for (let i = begin; i < stop; i++) if (spans[i]!.end > from) found.push(spans[i]!);
  return found;
}

/** The first index in [0, length) where `past` holds (false, …, false, true, …), or `length`. */
function firstIndex(length: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Uptime percentage over the days, floored to 2 decimals so any downtime shows below 100; null when nothing observed. */
export function uptimePercent(days: readonly DayUptime[], rule?: number | UptimeRule): number | null {
  const r = toRule(rule);
  let observed = 0;
  let down = 0;
  for (const d of days) {
    observed += d.observedMs;
    down += downtimeMs(d, r);
  }
  return percentOf(observed, down);
}

/** The floored percentage of observed time that was not down; null when nothing was observed. */
function percentOf(observed: number, down: number): number | null {
  if (observed <= 0) return null;
  let basisPoints = Math.floor((10_000 * (observed - down)) / observed + FLOOR_EPSILON);
  if (down > 0) basisPoints = Math.min(basisPoints, 9_999);
  return Math.max(0, basisPoints) / 100;
}

/** One uptime figure and the time behind it, for a month, a quarter, a year or any run of days. */
export interface UptimeFigure {
  /** Floored to 2 decimals; null when nothing was observed ("no data"). */
  percent: number | null;
  observedMs: number;
  majorMs: number;
  partialMs: number;
  maintenanceMs: number;
  degradedMs: number;
  /** What the rule counted as down, in ms. */
  downtimeMs: number;
}

/** The figure over some days: the percentage of `uptimePercent` and the sums it is made of. */
export function uptimeFigure(days: readonly DayUptime[], rule?: number | UptimeRule): UptimeFigure {
  const r = toRule(rule);
  const totals = { observedMs: 0, majorMs: 0, partialMs: 0, maintenanceMs: 0, degradedMs: 0 };
  // One pass: a year's report over 200 components sums hundreds of thousands of days.
  for (const d of days) {
    totals.observedMs += d.observedMs;
    totals.majorMs += d.majorMs;
    totals.partialMs += d.partialMs;
    totals.maintenanceMs += d.maintenanceMs;
    totals.degradedMs += d.degradedMs;
  }
  // Summed per day as uptimePercent does, so both give the same figure to the last bit.
  let down = 0;
  for (const d of days) down += downtimeMs(d, r);
  return { percent: percentOf(totals.observedMs, down), ...totals, downtimeMs: downtimeMs(totals, r) };
}

/** Whole minutes for display and export: any part of a minute counts as one (a 20 s outage is "1 min", not "0"). */
export function minutesOf(ms: number): number {
  return ms > 0 ? Math.ceil(ms / 60_000) : 0;
}

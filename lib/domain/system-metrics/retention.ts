import { LONGEST_VIEW_SECONDS } from '@/lib/domain/system-metrics/views';

/**
 * How long system metric data is kept, so storage stays bounded however long pushers push:
 * points for two days (the day view needs one; the margin lets a late point still replace its
 * slot), then folded into hourly rollups, which are kept a day longer than the longest view.
 * At one point every 30 s that is at most 5,760 points and 744 rollups per metric.
 */
export const POINTS_KEPT_SECONDS = 2 * 86_400;
export const ROLLUP_SECONDS = 3_600;
export const ROLLUPS_KEPT_SECONDS = LONGEST_VIEW_SECONDS + 86_400;

export interface RollupPlan {
  /** Points before this (Unix seconds, an hour boundary) are folded into hourly rollups. */
  rollUpBefore: number;
  /** Points and rollups before this (Unix seconds, an hour boundary) are deleted. */
  pruneBefore: number;
}

/** What the scheduled rollup does at `now`: whole hours only, so an hour is folded once. */
export function rollupPlan(now: Date): RollupPlan {
  const seconds = Math.floor(now.getTime() / 1000);
  const hour = (s: number) => Math.floor(s / ROLLUP_SECONDS) * ROLLUP_SECONDS;
  return { rollUpBefore: hour(seconds - POINTS_KEPT_SECONDS), pruneBefore: hour(seconds - ROLLUPS_KEPT_SECONDS) };
}

/** The hour a point is folded into. */
export function rollupHourOf(at: number): number {
  return Math.floor(at / ROLLUP_SECONDS) * ROLLUP_SECONDS;
}

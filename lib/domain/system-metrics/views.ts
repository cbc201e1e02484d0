import type { Transform } from '@/lib/domain/system-metrics/definition';

/**
 * The chart views of a metric: a day of 5-minute values, a week of hourly values, a month of
 * 6-hourly values, each ending with the interval `now` falls in. Points (or rollups of them)
 * combine into one value per interval by the metric's transform.
 */
export const VIEWS = {
  day: { label: 'Day', spanSeconds: 86_400, intervalSeconds: 300 },
  week: { label: 'Week', spanSeconds: 7 * 86_400, intervalSeconds: 3_600 },
  month: { label: 'Month', spanSeconds: 30 * 86_400, intervalSeconds: 6 * 3_600 },
} as const;
export type ViewName = keyof typeof VIEWS;
export const VIEW_NAMES = Object.keys(VIEWS) as ViewName[];
/** The longest view: data older than this is never shown. */
export const LONGEST_VIEW_SECONDS = VIEWS.month.spanSeconds;

/** Points of one metric folded together: a single point is `{ count: 1, sum: v, min: v, max: v }`. */
export interface Aggregate {
  /** Unix seconds: the start of the span the aggregate covers. */
  at: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

export interface ChartBucket {
  /** Unix seconds. */
  start: number;
  value: number | null;
}

export interface ChartSeries {
  view: ViewName;
  intervalSeconds: number;
  /** Unix seconds: the first bucket's start and the last bucket's end. */
  start: number;
  end: number;
  buckets: ChartBucket[];
  /** The whole view folded by the transform (the headline number); null without data. */
  summary: number | null;
  /** Points behind the view. */
  points: number;
}

/** Folds `b` into `a` (same span or a finer one inside it). */
export function combine(a: Aggregate, b: Aggregate): Aggregate {
  return { at: a.at, count: a.count + b.count, sum: a.sum + b.sum, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}

/** An aggregate's one value by the transform. */
export function valueOf(aggregate: Aggregate, transform: Transform): number {
  switch (transform) {
    case 'average':
      return aggregate.sum / aggregate.count;
    case 'sum':
      return aggregate.sum;
    case 'min':
      return aggregate.min;
    case 'max':
      return aggregate.max;
    case 'count':
      return aggregate.count;
  }
}

/** The first bucket's start and the last bucket's end of a view at `now`. */
export function viewWindow(view: ViewName, now: Date): { start: number; end: number } {
  const { spanSeconds, intervalSeconds } = VIEWS[view];
  const end = (Math.floor(now.getTime() / 1000 / intervalSeconds) + 1) * intervalSeconds;
  return { start: end - spanSeconds, end };
}

/**
 * One view of a metric from its aggregates (any mix of spans no longer than the view's interval,
 * in any order): every interval of the view, null where nothing was recorded.
 */
export function chartSeries(aggregates: Iterable<Aggregate>, view: ViewName, transform: Transform, now: Date): ChartSeries {
  const { intervalSeconds, spanSeconds } = VIEWS[view];
  const { start, end } = viewWindow(view, now);
  const count = spanSeconds / intervalSeconds;
  const slots: (Aggregate | undefined)[] = new Array(count);
  let total: Aggregate | undefined;
  for (const a of aggregates) {
    if (a.at < start || a.at >= end || a.count <= 0) continue;
    const index = Math.floor((a.at - start) / intervalSeconds);
    const slot = slots[index];
    slots[index] = slot ? combine(slot, a) : { ...a, at: start + index * intervalSeconds };
    total = total ? combine(total, a) : { ...a };
  }
  const buckets: ChartBucket[] = [];
  for (let i = 0; i < count; i++) {
    const slot = slots[i];
    buckets.push({ start: start + i * intervalSeconds, value: slot ? valueOf(slot, transform) : null });
  }
  return { view, intervalSeconds, start, end, buckets, summary: total ? valueOf(total, transform) : null, points: total?.count ?? 0 };
}

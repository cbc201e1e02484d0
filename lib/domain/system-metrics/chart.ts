import type { MetricDisplay } from '@/lib/domain/system-metrics/definition';
import type { ChartSeries } from '@/lib/domain/system-metrics/views';

/** The drawing box of a chart, in SVG user units (the SVG scales to its container). */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 140;

export interface ChartGeometry {
  /** The y-axis range drawn, bottom to top. */
  min: number;
  max: number;
  /** Horizontal grid lines: the value and its y. */
  ticks: { value: number; y: number }[];
  /** One SVG path `d` for the line; gaps where nothing was recorded. */
  line: string;
  /** The points drawn, for hover: x, y, the bucket's start and value. */
  points: { x: number; y: number; start: number; value: number }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A step of 1, 2, 2.5 or 5 × 10ⁿ giving about `count` intervals over `range`. */
export function niceStep(range: number, count = 4): number {
  if (!(range > 0)) return 1;
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * The y-axis range: the metric's own bounds where it set them (Statuspage's y_axis_min/max), the
 * data's range widened to round ticks where it did not; a flat or empty series gets a unit range.
 */
export function yRange(values: readonly number[], metric: Pick<MetricDisplay, 'yAxisMin' | 'yAxisMax'>): { min: number; max: number; step: number } {
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (metric.yAxisMin !== null) lo = Math.min(metric.yAxisMin, lo);
  if (metric.yAxisMax !== null) hi = Math.max(metric.yAxisMax, hi);
  if (hi === lo) {
    hi = lo + Math.max(1, Math.abs(lo) * 0.1);
    if (metric.yAxisMin === null && lo > 0) lo = Math.max(0, lo - Math.abs(lo) * 0.1);
  }
  const step = niceStep(hi - lo);
  const min = metric.yAxisMin !== null ? lo : Math.floor(lo / step) * step;
  const max = metric.yAxisMax !== null ? hi : Math.ceil(hi / step) * step;
  return { min, max, step };
}

/** Where a series is drawn in a CHART_WIDTH × CHART_HEIGHT box. */
export function chartGeometry(series: ChartSeries, metric: Pick<MetricDisplay, 'yAxisMin' | 'yAxisMax'>): ChartGeometry {
  const values = series.buckets.flatMap((b) => (b.value === null ? [] : [b.value]));
  const { min, max, step } = yRange(values, metric);
  const y = (v: number) => round1(CHART_HEIGHT - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * CHART_HEIGHT);
  const last = Math.max(1, series.buckets.length - 1);
  const x = (i: number) => round1((i / last) * CHART_WIDTH);

  const ticks: { value: number; y: number }[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push({ value: Number(v.toPrecision(12)), y: y(v) });

  const points: ChartGeometry['points'] = [];
  let line = '';
  let open = false;
  series.buckets.forEach((b, i) => {
    if (b.value === null) {
      open = false;
      return;
    }
    const px = x(i);
    const py = y(b.value);
    points.push({ x: px, y: py, start: b.start, value: b.value });
    // A lone point between gaps is a zero-length segment, drawn as a dot by the round line cap.
    line += open ? `L${px} ${py}` : `M${px} ${py}h0`;
    open = true;
  });
  return { min, max, ticks, line, points };
}

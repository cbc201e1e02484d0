/**
 * A system metric as operators define it: Statuspage's metric object fields. How points combine
 * into one value per chart interval is the metric's transform.
 */
export const TRANSFORMS = ['average', 'sum', 'min', 'max', 'count'] as const;
export type Transform = (typeof TRANSFORMS)[number];

export const TRANSFORM_LABEL: Record<Transform, string> = {
  average: 'Average',
  sum: 'Sum',
  min: 'Minimum',
  max: 'Maximum',
  count: 'Count of points',
};

/** The metric fields the charts need (no ids or timestamps). */
export interface MetricDisplay {
  name: string;
  suffix: string;
  tooltipDescription: string;
  transform: Transform;
  decimalPlaces: number;
  yAxisMin: number | null;
  yAxisMax: number | null;
  yAxisHidden: boolean;
}

/** Decimal places a metric may ask for; more would only print noise. */
export const MAX_DECIMAL_PLACES = 6;

/** Whether `value` is one of the transforms (stored rows are text). */
export function isTransform(value: string): value is Transform {
  return (TRANSFORMS as readonly string[]).includes(value);
}

/** Formats a value as the metric shows it: its decimal places, then its suffix. */
export function formatMetricValue(value: number, metric: Pick<MetricDisplay, 'decimalPlaces' | 'suffix'>): string {
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: metric.decimalPlaces,
    maximumFractionDigits: metric.decimalPlaces,
  });
  if (!metric.suffix) return text;
  // "99.5 %" reads oddly; "%" sticks to the number, units get a space.
  return metric.suffix === '%' ? `${text}%` : `${text} ${metric.suffix}`;
}

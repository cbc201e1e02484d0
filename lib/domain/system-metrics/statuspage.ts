import { z } from 'zod';
import { LooseBool } from '@/lib/domain/statuspage-manage/requests';
import { TRANSFORMS } from '@/lib/domain/system-metrics/definition';
import { MAX_POINTS_PER_REQUEST, readPoints, type MetricPoint } from '@/lib/domain/system-metrics/points';

/**
 * The Statuspage manage API's metric shapes: the `metric` request body as clients send it (JSON
 * or Rails-style forms, numbers and booleans as strings), and the Metric object Beacon answers
 * with. Beacon has one metrics provider, of type `Self`: data is pushed, never fetched.
 */

/** The id of Beacon's one metrics provider. */
export const SELF_PROVIDER_ID = 'self';

/** `null` reads as "not sent". */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v) => (v === null ? undefined : v));
}

const LooseNumber = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v),
  z.number({ message: 'must be a number' }).finite('must be a finite number'),
);

export const MetricBody = z.object({
  name: optional(z.string()),
  metric_identifier: optional(z.string()),
  transform: optional(z.enum(TRANSFORMS, { message: `must be one of ${TRANSFORMS.join(', ')}` })),
  suffix: optional(z.string()),
  y_axis_min: optional(LooseNumber),
  y_axis_max: optional(LooseNumber),
  y_axis_hidden: optional(LooseBool),
  display: optional(LooseBool),
  decimal_places: optional(LooseNumber),
  tooltip_description: optional(z.string()),
});
export type MetricBody = z.output<typeof MetricBody>;

/** The service's field names → the request's. */
export const METRIC_FIELD_NAMES: Record<string, string> = {
  metricIdentifier: 'metric_identifier',
  yAxisMin: 'y_axis_min',
  yAxisMax: 'y_axis_max',
  yAxisHidden: 'y_axis_hidden',
  decimalPlaces: 'decimal_places',
  tooltipDescription: 'tooltip_description',
};

/** A `metric` body → the service's metric fields (absent fields stay absent). */
export function toMetricInput(body: MetricBody) {
  return {
    name: body.name,
    metricIdentifier: body.metric_identifier,
    transform: body.transform,
    suffix: body.suffix,
    yAxisMin: body.y_axis_min,
    yAxisMax: body.y_axis_max,
    yAxisHidden: body.y_axis_hidden,
    display: body.display,
    decimalPlaces: body.decimal_places,
    tooltipDescription: body.tooltip_description,
  };
}

/** A stored metric as the service hands it out. */
export interface MetricRecord {
  id: string;
  name: string;
  metric_identifier: string;
  suffix: string;
  tooltip_description: string;
  transform: string;
  decimal_places: number;
  y_axis_min: number | null;
  y_axis_max: number | null;
  y_axis_hidden: boolean;
  display: boolean;
  most_recent_data_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * The Metric object. Clients dereference name, metric_identifier, suffix, the y-axis fields,
 * display and decimal_places without nil checks, so those are never null: an automatic y-axis
 * bound reads as 0 (and 0 with the other bound 0 means automatic again when sent back).
 */
export function toManageMetric(row: MetricRecord, pageId: string) {
  return {
    id: row.id,
    metrics_provider_id: SELF_PROVIDER_ID,
    metric_identifier: row.metric_identifier,
    name: row.name,
    display: row.display,
    tooltip_description: row.tooltip_description,
    backfilled: false,
    y_axis_min: row.y_axis_min ?? 0,
    y_axis_max: row.y_axis_max ?? 0,
    y_axis_hidden: row.y_axis_hidden,
    suffix: row.suffix,
    decimal_places: row.decimal_places,
    most_recent_data_at: row.most_recent_data_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
    last_fetched_at: row.most_recent_data_at,
    backfill_percentage: 100,
    reference_name: row.name,
    transform: row.transform,
    page_id: pageId,
  };
}

/** Beacon's one metrics provider: `Self`, whose metrics are pushed through the API. */
export function toManageProvider(pageId: string, createdAt: string) {
  return {
    id: SELF_PROVIDER_ID,
    type: 'Self',
    disabled: false,
    metric_base_uri: null,
    last_revalidated_at: createdAt,
    created_at: createdAt,
    updated_at: createdAt,
    page_id: pageId,
  };
}

export type DataBodyRead<T> = { ok: true; value: T } | { ok: false; status: 400 | 422; fields: Record<string, string> };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{ "data": { "timestamp", "value" } }` (POST …/metrics/{id}/data): the point, cast to its slot. */
export function readSingleDataBody(body: unknown, now: Date): DataBodyRead<MetricPoint[]> {
  if (!isObject(body) || body.data === undefined || body.data === null) return { ok: false, status: 400, fields: { data: 'is required' } };
  const read = readPoints(body.data, 'data', now);
  return read.ok ? { ok: true, value: read.points } : { ok: false, status: 422, fields: read.fields };
}

/**
 * `{ "data": { "<metric_id>": [ { timestamp, value }, … ] } }` (POST …/metrics/data), each
 * metric's value also accepted as one point object (an older published form).
 */
export function readBulkDataBody(body: unknown, now: Date): DataBodyRead<{ metricId: string; points: MetricPoint[] }[]> {
  if (!isObject(body) || !isObject(body.data)) return { ok: false, status: 400, fields: { data: 'must map metric ids to points' } };
  const entries = Object.entries(body.data);
  if (entries.length === 0) return { ok: false, status: 422, fields: { data: 'must hold at least one metric' } };
  const total = entries.reduce((n, [, v]) => n + (Array.isArray(v) ? v.length : 1), 0);
  if (total > MAX_POINTS_PER_REQUEST) return { ok: false, status: 422, fields: { data: `must hold at most ${MAX_POINTS_PER_REQUEST.toLocaleString('en-US')} points` } };
  const series: { metricId: string; points: MetricPoint[] }[] = [];
  const fields: Record<string, string> = {};
  for (const [metricId, raw] of entries) {
    const read = readPoints(raw, `data.${metricId}`, now);
    if (read.ok) series.push({ metricId, points: read.points });
    else Object.assign(fields, read.fields);
  }
  return Object.keys(fields).length > 0 ? { ok: false, status: 422, fields } : { ok: true, value: series };
}

/** Points as the data endpoints answer with them: `{ timestamp, value }`, timestamps cast. */
export function toManagePoints(points: readonly MetricPoint[]) {
  return points.map((p) => ({ timestamp: p.at, value: p.value }));
}

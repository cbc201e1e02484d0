import { MetricBody, SELF_PROVIDER_ID } from '@/lib/domain/system-metrics/statuspage';
import { TRANSFORMS } from '@/lib/domain/system-metrics/definition';
import { MAX_POINTS_PER_REQUEST } from '@/lib/domain/system-metrics/points';
import { bool, errors, int, json, list, nullableTime, num, obj, paging, ref, str, time, unwrapped, wrapped } from '@/lib/domain/statuspage-manage/openapi-fragments';

/**
 * System metrics in the management API document (reference part 2, §3): Beacon's one metrics
 * provider (`Self`), the metrics under it, and their pushed data.
 */

/** The Metric object of toManageMetric; never null where clients dereference without checks. */
const Metric = obj({
  id: str, metrics_provider_id: { type: 'string', enum: [SELF_PROVIDER_ID] }, metric_identifier: str, name: str, display: bool,
  tooltip_description: str, backfilled: bool, y_axis_min: { ...num, description: '0 with y_axis_max 0: automatic' }, y_axis_max: num,
  y_axis_hidden: bool, suffix: str, decimal_places: int, most_recent_data_at: nullableTime, created_at: time, updated_at: time,
  last_fetched_at: nullableTime, backfill_percentage: int, reference_name: str, transform: { type: 'string', enum: [...TRANSFORMS] }, page_id: str,
});
/** The MetricsProvider object of toManageProvider: credentials are write-only and Self has none. */
const MetricsProvider = obj({
  id: { type: 'string', enum: [SELF_PROVIDER_ID] }, type: { type: 'string', enum: ['Self'] }, disabled: bool, metric_base_uri: { type: 'null' },
  last_revalidated_at: time, created_at: time, updated_at: time, page_id: str,
});
const timestamp = { type: ['number', 'string'], description: 'Unix seconds (integer, float or numeric string), floored and cast to its 30-second slot; at most 28 days ago' };
const MetricPointInput = { type: 'object', properties: { timestamp, value: { type: ['number', 'string'] } }, required: ['timestamp', 'value'] };
const MetricPoint = obj({ timestamp: { type: 'integer', description: 'Unix seconds, cast to the 30-second slot' }, value: num });

export const METRIC_SCHEMAS = { Metric, MetricsProvider, MetricPoint };

const points = { anyOf: [MetricPointInput, { type: 'array', items: MetricPointInput, maxItems: MAX_POINTS_PER_REQUEST }] };
const metricBody = wrapped('metric', MetricBody);
const metricsList = { tags: ['Metrics'], parameters: paging, responses: { 200: json(list('Metric'), 'OK'), ...errors(400, 401, 404) } };

/** The metric and metrics provider paths under `base` (`/pages/{page_id}`). */
export function metricPaths(base: string) {
  return {
    [`${base}/metrics`]: { get: { ...metricsList, summary: 'List metrics (a bare array); metrics are created under their provider' } },
    [`${base}/metrics/data`]: {
      post: {
        tags: ['Metrics'], summary: 'Add points to several metrics, all or nothing (admin or responder)',
        requestBody: unwrapped({
          type: 'object', properties: { data: { type: 'object', description: 'metric id → its points', additionalProperties: points } }, required: ['data'],
        }, { form: 'Rails-style keys: data[<metric_id>][][timestamp]=…&data[<metric_id>][][value]=…' }),
        responses: {
          202: json(obj({ data: { type: 'object', additionalProperties: list('MetricPoint') } }), 'Accepted: the points as stored'),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    [`${base}/metrics/{metric_id}`]: {
      get: { tags: ['Metrics'], summary: 'Get one', responses: { 200: json(ref('Metric'), 'OK'), ...errors(401, 404) } },
      patch: { tags: ['Metrics'], summary: 'Update the fields sent (admin)', requestBody: metricBody, responses: { 200: json(ref('Metric'), 'OK'), ...errors(400, 401, 403, 404, 422) } },
      put: { tags: ['Metrics'], summary: 'Same as PATCH', requestBody: metricBody, responses: { 200: json(ref('Metric'), 'OK'), ...errors(400, 401, 403, 404, 422) } },
      delete: { tags: ['Metrics'], summary: 'Delete the metric and its data (admin)', responses: { 200: json(ref('Metric'), 'The metric as it was'), ...errors(401, 403, 404) } },
    },
    [`${base}/metrics/{metric_id}/data`]: {
      post: {
        tags: ['Metrics'], summary: 'Add a point, or a list of points (admin or responder)',
        requestBody: unwrapped(obj({ data: points }), { form: 'Rails-style keys: data[timestamp]=…&data[value]=…' }),
        responses: {
          201: json(obj({ data: { anyOf: [ref('MetricPoint'), list('MetricPoint')], description: 'one point as sent, or the list' } }), 'Created: the point as stored'),
          ...errors(400, 401, 403, 404, 422),
        },
      },
      delete: { tags: ['Metrics'], summary: 'Reset the metric\'s data (admin)', responses: { 200: json(ref('Metric'), 'The metric'), ...errors(401, 403, 404) } },
    },
    [`${base}/metrics_providers`]: {
      get: { tags: ['Metrics'], summary: 'Beacon\'s one provider, Self (data is pushed, never fetched)', responses: { 200: json(list('MetricsProvider'), 'OK'), ...errors(401, 404) } },
      post: {
        tags: ['Metrics'], summary: 'Always refused: another provider would pull from a vendor, which Beacon does not do',
        requestBody: unwrapped({ type: 'object', properties: { metrics_provider: { type: 'object', properties: { type: str } } } }, { required: false, form: 'Rails-style keys: metrics_provider[type]=…' }),
        responses: errors(401, 404, 422),
      },
    },
    [`${base}/metrics_providers/{metrics_provider_id}`]: {
      get: { tags: ['Metrics'], summary: `The provider; only \`${SELF_PROVIDER_ID}\` exists`, responses: { 200: json(ref('MetricsProvider'), 'OK'), ...errors(401, 404) } },
    },
    [`${base}/metrics_providers/{metrics_provider_id}/metrics`]: {
      get: { ...metricsList, summary: 'The provider\'s metrics (all of them, under Self)' },
      post: {
        tags: ['Metrics'], summary: 'Create a metric (admin)', requestBody: metricBody,
        responses: { 201: json(ref('Metric'), 'Created'), ...errors(400, 401, 403, 404, 422) },
      },
    },
  };
}

import { describe, expect, it } from 'vitest';
import { toManageMetric, toManageProvider } from '@/lib/domain/system-metrics/statuspage';
import { buildManageOpenApi } from '@/lib/domain/statuspage-manage/openapi';
import { toManageNotice } from '@/lib/domain/statuspage-manage/notice-shapes';
import { toPageAccessGroup, toPageAccessUser } from '@/lib/domain/statuspage-manage/page-access-shapes';
import { toComponentUptime, toGroupUptime } from '@/lib/domain/statuspage-manage/uptime';

const AT = '2026-01-02T03:04:05.000Z';

describe('management API OpenAPI document', () => {
  const doc = buildManageOpenApi('https://status.example.com');

  it('is OpenAPI 3.1 with the server and the OAuth header scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: 'https://status.example.com/api/v1' }]);
    expect(doc.components.securitySchemes.OAuth).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
  });

  // Which paths and methods are listed is checked against the route files in openapi-drift.test.ts.
  it('resolves every $ref', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(schemas|responses)\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(20);
    for (const [, kind, name] of refs) expect(doc.components[kind as 'schemas'], `${kind}/${name}`).toHaveProperty([name!]);
  });

  it('derives request bodies from the validating schemas', () => {
    const post = (doc.paths as Record<string, unknown>)['/pages/{page_id}/incidents'] as { post: { requestBody: { content: Record<string, { schema: { properties: { incident: { properties: Record<string, unknown> } } } }> } } };
    const incident = post.post.requestBody.content['application/json']!.schema.properties.incident;
    expect(Object.keys(incident.properties)).toEqual(expect.arrayContaining(['name', 'status', 'components', 'component_ids', 'scheduled_for', 'backfilled']));
  });

  it('derives the metric and page access bodies from their schemas too', () => {
    type Operation = { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } };
    const paths = doc.paths as unknown as Record<string, Record<string, Operation>>;
    const body = (at: string, method: string) => paths[`/pages/{page_id}${at}`]![method]!.requestBody.content['application/json']!.schema;
    const inside = (schema: Record<string, unknown>, key: string) => Object.keys((schema.properties as Record<string, { properties: object }>)[key]!.properties);
    expect(inside(body('/metrics_providers/{metrics_provider_id}/metrics', 'post'), 'metric')).toEqual(
      expect.arrayContaining(['name', 'metric_identifier', 'transform', 'y_axis_min', 'decimal_places']),
    );
    expect(inside(body('/page_access_groups/{page_access_group_id}', 'put'), 'page_access_group')).toEqual(
      expect.arrayContaining(['name', 'external_identifier', 'component_ids', 'metric_ids', 'page_access_user_ids']),
    );
    const user = body('/page_access_users/{page_access_user_id}', 'patch') as { anyOf: Record<string, unknown>[] };
    expect(user.anyOf.map((s) => Object.keys(s.properties as object))).toEqual([['page_access_user'], expect.arrayContaining(['email', 'external_login', 'page_access_group_ids'])]);
    expect(body('/page_access_groups/{page_access_group_id}/components', 'post')).toMatchObject({ required: ['component_ids'] });
  });

  it('names in each new response schema exactly the fields its shape emits', () => {
    const schemas = doc.components.schemas as Record<string, { properties: object }>;
    const keys = (name: string) => Object.keys(schemas[name]!.properties).sort();
    const metric = { id: 'm1', name: 'Latency', metric_identifier: '', suffix: 'ms', tooltip_description: '', transform: 'average', decimal_places: 0,
      y_axis_min: null, y_axis_max: null, y_axis_hidden: false, display: true, most_recent_data_at: null, created_at: AT, updated_at: AT };
    const uptime = { id: 'c1', name: 'API', rangeStart: '2026-01-01', rangeEnd: '2026-01-02', warnings: [],
      figure: { percent: 100, observedMs: 1, majorMs: 0, partialMs: 0, maintenanceMs: 0, degradedMs: 0, downtimeMs: 0 } };
    const shapes: Record<string, object> = {
      Metric: toManageMetric(metric, 'p1'),
      MetricsProvider: toManageProvider('p1', AT),
      PageAccessGroup: toPageAccessGroup({ id: 'g1', name: 'Acme', support_level: 'standard', external_identifier: null, componentIds: [], metricIds: [],
        memberIds: [], emailDomains: [], created_at: AT, updated_at: AT }, 'p1'),
      PageAccessUser: toPageAccessUser({ id: 'u1', email: 'a@example.com', external_login: null, audienceIds: [], created_at: AT, updated_at: AT }, 'p1'),
      ComponentUptime: toComponentUptime(uptime, [{ id: 'i1', name: 'Outage' }]),
      ComponentGroupUptime: toGroupUptime(uptime, new Map([['c1', [{ id: 'i1', name: 'Outage' }]]])),
      Notice: toManageNotice({ id: 'n1', title: 'PDP spike', body: 'x', status: 'open', min_level: null, incident_id: null, sent_by: 'Nora', created_at: AT,
        updated_at: AT, closed_at: null, audiences: [{ id: 'g1' }], deliveries: { queued: 0, delivered: 1, failed: 0 } }, 'p1'),
    };
    for (const [name, shape] of Object.entries(shapes)) expect(keys(name), name).toEqual(Object.keys(shape).sort());
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '@/lib/db/testing/test-db';
import { getSystemMetricCharts } from '@/lib/services/get-system-metric-charts';
import { apiHarness, type ApiHarness } from '@/app/api/v1/_tests/test-harness';

for (const dialect of testDialects()) {
  describe(`management API v1: system metrics on ${dialect}`, () => {
    let h: ApiHarness;
    let nowS: number;
    const create = async (metric: Record<string, unknown>) => {
      const res = await h.call('POST', 'metrics_providers/self/metrics.json', { body: { metric } });
      expect(res.status).toBe(201);
      return res.body as { id: string } & Record<string, unknown>;
    };
    const pointsOf = async (id: string) =>
      h.db.kysely.selectFrom('system_metric_points').select(['at', 'value']).where('metric_id', '=', id).orderBy('at').execute();

    beforeEach(async () => {
      h = await apiHarness(dialect);
      nowS = Math.floor(h.clock.now().getTime() / 1000);
    });
    afterEach(async () => h.db.drop());

    it('creates, lists, reads, updates and deletes metrics with Statuspage’s metric object', async () => {
      expect((await h.call('GET', 'metrics_providers')).body).toEqual([expect.objectContaining({ id: 'self', type: 'Self', page_id: h.page.id })]);
      const m = await create({ name: 'REST API p95 latency', suffix: 'ms', transform: 'average', y_axis_min: '0', decimal_places: 0, display: 't', tooltip_description: 'p95' });
      expect(m).toEqual({
        id: m.id,
        metrics_provider_id: 'self',
        metric_identifier: '',
        name: 'REST API p95 latency',
        display: true,
        tooltip_description: 'p95',
        backfilled: false,
        y_axis_min: 0,
        y_axis_max: 0,
        y_axis_hidden: false,
        suffix: 'ms',
        decimal_places: 0,
        most_recent_data_at: null,
        created_at: h.clock.iso(),
        updated_at: h.clock.iso(),
        last_fetched_at: null,
        backfill_percentage: 100,
        reference_name: 'REST API p95 latency',
        transform: 'average',
        page_id: h.page.id,
      });
      expect((await h.call('GET', 'metrics')).body).toEqual([m]);
      expect(await h.call('GET', `metrics/${m.id}.json`)).toEqual({ status: 200, body: m });
      const patched = await h.call('PATCH', `metrics/${m.id}`, { body: { metric: { name: 'API latency', y_axis_max: 500.5, transform: 'max' } } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'API latency', y_axis_max: 500.5, transform: 'max', suffix: 'ms' });
      const deleted = await h.call('DELETE', `metrics/${m.id}`);
      expect(deleted).toEqual({ status: 200, body: patched.body });
      expect((await h.call('GET', `metrics/${m.id}`)).status).toBe(404);
      expect((await h.call('GET', `metrics/${m.id}`, { key: h.responderKey })).status).toBe(404);
    });

    it('refuses bad metric bodies naming the field, writing nothing; only admins manage metrics', async () => {
      const before = await h.allCounts();
      const bad = await h.call('POST', 'metrics_providers/self/metrics', { body: { metric: { name: 'x', transform: 'median' } } });
      expect([bad.status, bad.body.fields]).toEqual([422, { 'metric.transform': 'must be one of average, sum, min, max, count' }]);
      const places = await h.call('POST', 'metrics_providers/self/metrics', { body: { metric: { name: 'x', decimal_places: 9 } } });
      expect([places.status, places.body.fields]).toEqual([422, { 'metric.decimal_places': 'must be at most 6' }]);
      const range = await h.call('POST', 'metrics_providers/self/metrics', { body: { metric: { name: 'x', y_axis_min: 10, y_axis_max: 5 } } });
      expect([range.status, range.body.fields]).toEqual([422, { 'metric.y_axis_max': 'must be greater than the y-axis minimum' }]);
      const blank = await h.call('POST', 'metrics_providers/self/metrics', { body: { metric: { suffix: 'ms' } } });
      expect([blank.status, blank.body.fields]).toEqual([422, { 'metric.name': 'is required' }]);
      expect((await h.call('POST', 'metrics_providers/self/metrics', { body: { name: 'unwrapped' } })).status).toBe(400);
      expect((await h.call('POST', 'metrics_providers/self/metrics', { key: h.responderKey, body: { metric: { name: 'x' } } })).status).toBe(403);
      expect((await h.call('POST', 'metrics_providers/datadog/metrics', { body: { metric: { name: 'x' } } })).status).toBe(404);
      expect(await h.allCounts()).toEqual(before);
    });

    it('accepts a point as JSON or as a form, timestamps in seconds (float or string), cast to 30 s', async () => {
      const m = await create({ name: 'Latency' });
      const json = await h.call('POST', `metrics/${m.id}/data.json`, { body: { data: { timestamp: nowS - 61.7, value: 12.5 } } });
      expect(json).toEqual({ status: 201, body: { data: { timestamp: nowS - 90, value: 12.5 } } });
      // prometheus-statuspage-pusher's form body, from a responder's key.
      const form = await h.call('POST', `metrics/${m.id}/data`, { key: h.responderKey, raw: `data[timestamp]=${nowS - 5}&data[value]=7`, contentType: 'application/x-www-form-urlencoded' });
      expect(form).toEqual({ status: 201, body: { data: { timestamp: nowS - 30, value: 7 } } });
      expect(await pointsOf(m.id)).toEqual([{ at: nowS - 90, value: 12.5 }, { at: nowS - 30, value: 7 }]);
      expect((await h.call('GET', `metrics/${m.id}`)).body.most_recent_data_at).toBe(new Date((nowS - 30) * 1000).toISOString());
    });

    it('takes bulk points for several metrics, out of order, the last in a slot winning (202)', async () => {
      const a = await create({ name: 'Latency' });
      const b = await create({ name: 'Success rate', suffix: '%' });
      const res = await h.call('POST', 'metrics/data', {
        body: {
          data: {
            [a.id]: [
              { timestamp: nowS - 60, value: 3 },
              { timestamp: nowS - 600, value: 1 },
              { timestamp: nowS - 59, value: 4 },
            ],
            [b.id]: { timestamp: `${nowS - 300}`, value: '99.5' },
          },
        },
      });
      expect(res).toEqual({
        status: 202,
        body: { data: { [a.id]: [{ timestamp: nowS - 600, value: 1 }, { timestamp: nowS - 60, value: 4 }], [b.id]: [{ timestamp: nowS - 300, value: 99.5 }] } },
      });
      expect(await pointsOf(a.id)).toEqual([{ at: nowS - 600, value: 1 }, { at: nowS - 60, value: 4 }]);
      const charts = await getSystemMetricCharts({ ctx: h.ctx });
      expect(charts.metrics.map((m) => m.views.day.summary)).toEqual([2.5, 99.5]);
    });

    it('takes bulk points as a Rails form, a list of hashes per metric (the NTP Pool script sends this)', async () => {
      const a = await create({ name: 'Offset' });
      const b = await create({ name: 'Jitter' });
      const raw = [
        `data[${a.id}][][timestamp]=${nowS - 120}`,
        `data[${a.id}][][value]=1.5`,
        `data[${a.id}][][timestamp]=${nowS - 60}`,
        `data[${a.id}][][value]=2.5`,
        `data[${b.id}][][timestamp]=${nowS - 60}`,
        `data[${b.id}][][value]=9`,
      ].join('&');
      const res = await h.call('POST', 'metrics/data', { raw, contentType: 'application/x-www-form-urlencoded' });
      expect(res).toEqual({
        status: 202,
        body: { data: { [a.id]: [{ timestamp: nowS - 120, value: 1.5 }, { timestamp: nowS - 60, value: 2.5 }], [b.id]: [{ timestamp: nowS - 60, value: 9 }] } },
      });
      expect(await pointsOf(b.id)).toEqual([{ at: nowS - 60, value: 9 }]);
      // A point without its value is refused, naming it, and nothing is written.
      const bad = await h.call('POST', 'metrics/data', { raw: `data[${b.id}][][timestamp]=${nowS - 30}`, contentType: 'application/x-www-form-urlencoded' });
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.body.fields ?? {}).join()).toMatch(/value/);
      expect(await pointsOf(b.id)).toEqual([{ at: nowS - 60, value: 9 }]);
    });

    it('refuses bad points with a 422 naming the field, and writes none of the request', async () => {
      const m = await create({ name: 'Latency' });
      const before = await h.allCounts();
      const cases: [string, unknown, number, Record<string, string>][] = [
        [`metrics/${m.id}/data`, { data: { timestamp: nowS, value: 'fast' } }, 422, { 'data.value': 'must be a finite number' }],
        [`metrics/${m.id}/data`, { data: { value: 1 } }, 422, { 'data.timestamp': 'is required' }],
        [`metrics/${m.id}/data`, { data: { timestamp: nowS + 86_400, value: 1 } }, 422, { 'data.timestamp': 'is in the future' }],
        [`metrics/${m.id}/data`, { data: { timestamp: nowS - 40 * 86_400, value: 1 } }, 422, { 'data.timestamp': 'is more than 28 days ago' }],
        [`metrics/${m.id}/data`, { point: {} }, 400, { data: 'is required' }],
        ['metrics/data', { data: { [m.id]: [{ timestamp: nowS, value: 1 }, { timestamp: 'soon', value: 2 }] } }, 422, { [`data.${m.id}[1].timestamp`]: 'must be a number of seconds since 1970 (Unix time)' }],
        ['metrics/data', { data: [] }, 400, { data: 'must map metric ids to points' }],
      ];
      for (const [path, body, status, fields] of cases) {
        const res = await h.call('POST', path, { body });
        expect([path, res.status, res.body.fields]).toEqual([path, status, fields]);
        expect(res.body.message).toContain(Object.keys(fields)[0]);
      }
      expect((await h.call('POST', 'metrics/data', { body: { data: { [m.id]: [{ timestamp: nowS, value: 1 }], nosuchmetric: [{ timestamp: nowS, value: 1 }] } } })).status).toBe(404);
      expect((await h.call('POST', 'metrics/data', { body: { data: { 'Not an id!': [{ timestamp: nowS, value: 1 }] } } })).status).toBe(404);
      expect((await h.call('POST', 'metrics/nosuchmetric/data', { body: { data: { timestamp: nowS, value: 1 } } })).status).toBe(404);
      expect(await h.allCounts()).toEqual(before);
    });

    it('resets a metric’s data with DELETE …/data', async () => {
      const m = await create({ name: 'Latency' });
      await h.call('POST', `metrics/${m.id}/data`, { body: { data: { timestamp: nowS, value: 1 } } });
      const reset = await h.call('DELETE', `metrics/${m.id}/data`);
      expect(reset.status).toBe(200);
      expect(reset.body.id).toBe(m.id);
      expect(await pointsOf(m.id)).toEqual([]);
      expect((await h.call('GET', `metrics/${m.id}`)).body.most_recent_data_at).toBeNull();
    });
  });
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/connect';
import { testClock } from '@/lib/db/testing/clock';
import { createTestDb, testDialects } from '@/lib/db/testing/test-db';
import { addSystemMetricPoints } from '@/lib/services/add-system-metric-points';
import { createSystemMetric } from '@/lib/services/create-system-metric';
import { deleteSystemMetric } from '@/lib/services/delete-system-metric';
import { NotFoundError, ValidationError } from '@/lib/services/errors';
import { getSystemMetricCharts } from '@/lib/services/get-system-metric-charts';
import { listSystemMetrics } from '@/lib/services/list-system-metrics';
import { rollUpSystemMetrics } from '@/lib/services/roll-up-system-metrics';
import { updateSystemMetric } from '@/lib/services/update-system-metric';

for (const dialect of testDialects()) {
  describe(`system metrics on ${dialect}`, () => {
    let db: Db & { drop: () => Promise<void> };
    let clock: ReturnType<typeof testClock>;
    const ctx = () => ({ db: db.kysely, now: clock.now });
    const nowS = () => Math.floor(clock.now().getTime() / 1000);

    beforeEach(async () => {
      db = await createTestDb(dialect);
      clock = testClock('2026-12-02T10:00:00.000Z');
    });
    afterEach(async () => db.drop());

    it('defines, edits and deletes a metric with Statuspage’s fields', async () => {
      const m = await createSystemMetric({ ctx: ctx(), input: { name: 'REST API p95 latency', suffix: 'ms', yAxisMin: 0, transform: 'max' } });
      expect(m).toMatchObject({ name: 'REST API p95 latency', suffix: 'ms', y_axis_min: 0, y_axis_max: null, transform: 'max', display: true, y_axis_hidden: false, decimal_places: 0, position: 1 });
      const edited = await updateSystemMetric({ ctx: ctx(), input: { id: m.id, decimalPlaces: 1, display: false, yAxisMax: 500 } });
      expect(edited).toMatchObject({ name: 'REST API p95 latency', decimal_places: 1, display: false, y_axis_min: 0, y_axis_max: 500, transform: 'max' });
      await expect(updateSystemMetric({ ctx: ctx(), input: { id: m.id, yAxisMax: -1 } })).rejects.toMatchObject({ fields: { yAxisMax: 'must be greater than the y-axis minimum' } });
      await expect(createSystemMetric({ ctx: ctx(), input: { name: ' ', decimalPlaces: 9 } })).rejects.toBeInstanceOf(ValidationError);
      expect(await deleteSystemMetric({ ctx: ctx(), input: { id: m.id } })).toMatchObject({ id: m.id });
      expect(await listSystemMetrics({ ctx: ctx() })).toEqual([]);
      await expect(deleteSystemMetric({ ctx: ctx(), input: { id: m.id } })).rejects.toBeInstanceOf(NotFoundError);
    });

    it('records single and bulk points, out of order, the last one in a 30-second slot winning', async () => {
      const latency = await createSystemMetric({ ctx: ctx(), input: { name: 'Latency', suffix: 'ms' } });
      const sms = await createSystemMetric({ ctx: ctx(), input: { name: 'SMS delivery time', suffix: 's', transform: 'max' } });
      const t = nowS() - 3600;
      await addSystemMetricPoints({ ctx: ctx(), input: { series: [{ metricId: latency.id, points: [{ at: t + 600, value: 30 }] }] } });
      await addSystemMetricPoints({
        ctx: ctx(),
        input: {
          series: [
            { metricId: latency.id, points: [{ at: t, value: 10 }, { at: t + 30, value: 20 }] },
            { metricId: sms.id, points: [{ at: t, value: 4 }] },
          ],
        },
      });
      // The same slot again: replaces the 30, not added to it.
      await addSystemMetricPoints({ ctx: ctx(), input: { series: [{ metricId: latency.id, points: [{ at: t + 600, value: 50 }] }] } });
      const [l, s] = await listSystemMetrics({ ctx: ctx() });
      expect([l!.storedPoints, s!.storedPoints]).toEqual([3, 1]);
      // Moves forward only: the older bulk points left it at the newest.
      expect(l!.most_recent_data_at).toBe(new Date((t + 600) * 1000).toISOString());

      const charts = await getSystemMetricCharts({ ctx: ctx() });
      const day = charts.metrics[0]!.views.day.buckets.filter((b) => b.value !== null);
      expect(day.map((b) => [b.start - t, b.value])).toEqual([[0, 15], [600, 50]]);
      expect(charts.metrics[0]!.views.week.buckets.filter((b) => b.value !== null).map((b) => b.value)).toEqual([(10 + 20 + 50) / 3]);
      expect(charts.metrics[1]!.views.day.summary).toBe(4);
    });

    it('refuses the whole request for an unknown metric, writing nothing', async () => {
      const m = await createSystemMetric({ ctx: ctx(), input: { name: 'Latency' } });
      const write = addSystemMetricPoints({
        ctx: ctx(),
        input: { series: [{ metricId: m.id, points: [{ at: nowS() - 60, value: 1 }] }, { metricId: 'nosuchmetric', points: [{ at: nowS() - 60, value: 1 }] }] },
      });
      await expect(write).rejects.toBeInstanceOf(NotFoundError);
      expect((await listSystemMetrics({ ctx: ctx() }))[0]).toMatchObject({ storedPoints: 0, most_recent_data_at: null });
    });

    it('folds points older than two days into hours and prunes data older than the month, charts unchanged', async () => {
      const m = await createSystemMetric({ ctx: ctx(), input: { name: 'Success rate', suffix: '%', decimalPlaces: 2 } });
      const start = nowS() - 27 * 86_400;
      // 27 days of a point every 10 minutes, values cycling 90..99.
      const points = Array.from({ length: 27 * 144 }, (_, i) => ({ at: start + i * 600, value: 90 + (i % 10) }));
      await addSystemMetricPoints({ ctx: ctx(), input: { series: [{ metricId: m.id, points }] } });
      const before = await getSystemMetricCharts({ ctx: ctx() });

      expect(await rollUpSystemMetrics({ ctx: ctx() })).toEqual({ folded: 25 * 144, pruned: 0 });
      let [stored] = await listSystemMetrics({ ctx: ctx() });
      expect(stored).toMatchObject({ storedPoints: 2 * 144, storedRollups: 25 * 24 });
      const after = await getSystemMetricCharts({ ctx: ctx() });
      for (const view of ['day', 'week', 'month'] as const) {
        expect(after.metrics[0]!.views[view].buckets.map((b) => b.value?.toFixed(9) ?? null)).toEqual(before.metrics[0]!.views[view].buckets.map((b) => b.value?.toFixed(9) ?? null));
      }
      expect(await rollUpSystemMetrics({ ctx: ctx() })).toEqual({ folded: 0, pruned: 0 });

      // A late point for an hour already folded adds to its rollup.
      const foldedHour = start + 3600;
      await addSystemMetricPoints({ ctx: ctx(), input: { series: [{ metricId: m.id, points: [{ at: foldedHour + 30, value: 0 }] }] } });
      expect(await rollUpSystemMetrics({ ctx: ctx() })).toEqual({ folded: 1, pruned: 0 });
      const hour = await db.kysely.selectFrom('system_metric_rollups').selectAll().where('at', '=', foldedHour).executeTakeFirstOrThrow();
      expect({ count: hour.count, min: hour.min }).toEqual({ count: 7, min: 0 });

      // Ten days later everything older than 31 days is gone and storage stays bounded.
      clock.advance(10 * 24 * 60);
      const result = await rollUpSystemMetrics({ ctx: ctx() });
      expect(result.pruned).toBeGreaterThan(0);
      [stored] = await listSystemMetrics({ ctx: ctx() });
      expect(stored!.storedPoints).toBe(0);
      const oldest = await db.kysely.selectFrom('system_metric_rollups').select((eb) => eb.fn.min('at').as('at')).executeTakeFirstOrThrow();
      expect(nowS() - Number(oldest.at)).toBeLessThanOrEqual(31 * 86_400);
    });

    it('shows only displayed metrics, and resets data on request', async () => {
      const shown = await createSystemMetric({ ctx: ctx(), input: { name: 'Shown' } });
      await createSystemMetric({ ctx: ctx(), input: { name: 'Hidden', display: false } });
      await addSystemMetricPoints({ ctx: ctx(), input: { series: [{ metricId: shown.id, points: [{ at: nowS() - 30, value: 1 }] }] } });
      expect((await getSystemMetricCharts({ ctx: ctx() })).metrics.map((m) => m.name)).toEqual(['Shown']);
      await deleteSystemMetric({ ctx: ctx(), input: { id: shown.id, dataOnly: true } });
      const [after] = await listSystemMetrics({ ctx: ctx() });
      expect(after).toMatchObject({ name: 'Shown', storedPoints: 0, most_recent_data_at: null });
    });
  });
}

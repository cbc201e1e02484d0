import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH, chartGeometry, niceStep, yRange } from '@/lib/domain/system-metrics/chart';
import type { ChartSeries } from '@/lib/domain/system-metrics/views';

const series = (values: (number | null)[]): ChartSeries => ({
  view: 'day',
  intervalSeconds: 300,
  start: 0,
  end: values.length * 300,
  buckets: values.map((value, i) => ({ start: i * 300, value })),
  summary: null,
  points: 0,
});
const AUTO = { yAxisMin: null, yAxisMax: null };

describe('chart geometry', () => {
  it('picks round steps', () => {
    expect(niceStep(100)).toBe(25);
    expect(niceStep(87)).toBe(25);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0.4)).toBe(0.1);
  });

  it('widens the data range to round ticks, or uses the metric’s own bounds', () => {
    expect(yRange([93, 180], AUTO)).toEqual({ min: 75, max: 200, step: 25 });
    expect(yRange([99.2, 99.9], { yAxisMin: 0, yAxisMax: 100 })).toMatchObject({ min: 0, max: 100 });
    // A bound is a floor (or ceiling) of the axis; data beyond it still shows.
    expect(yRange([120], { yAxisMin: 0, yAxisMax: 100 })).toMatchObject({ min: 0, max: 120 });
    expect(yRange([], AUTO)).toMatchObject({ min: 0, max: 1 });
    expect(yRange([5, 5], AUTO).max).toBeGreaterThan(5);
  });

  it('draws a line across the width with gaps where nothing was recorded, and dots for lone points', () => {
    const g = chartGeometry(series([0, 10, null, 5, null]), { yAxisMin: 0, yAxisMax: 10 });
    expect(g.line).toBe(`M0 ${CHART_HEIGHT}h0L150 0M450 70h0`);
    expect(g.points.map((p) => [p.x, p.value])).toEqual([[0, 0], [150, 10], [450, 5]]);
    expect(g.ticks.map((t) => t.value)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(g.ticks[0]).toEqual({ value: 0, y: CHART_HEIGHT });
    expect(g.ticks.at(-1)).toEqual({ value: 10, y: 0 });
    expect(chartGeometry(series([null, null]), AUTO).line).toBe('');
    expect(Math.max(...g.points.map((p) => p.x))).toBeLessThanOrEqual(CHART_WIDTH);
  });
});

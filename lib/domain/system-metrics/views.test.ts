import { describe, expect, it } from 'vitest';
import { chartSeries, combine, valueOf, viewWindow, type Aggregate } from '@/lib/domain/system-metrics/views';

const NOW = new Date('2026-12-02T10:02:10Z');
const nowS = NOW.getTime() / 1000;
const point = (at: number, v: number): Aggregate => ({ at, count: 1, sum: v, min: v, max: v });

describe('chart views', () => {
  it('ends each view with the interval now falls in, and spans it exactly', () => {
    expect(viewWindow('day', NOW)).toEqual({ start: Date.parse('2026-12-01T10:05:00Z') / 1000, end: Date.parse('2026-12-02T10:05:00Z') / 1000 });
    expect(viewWindow('week', NOW).end).toBe(Date.parse('2026-12-02T11:00:00Z') / 1000);
    expect(viewWindow('month', NOW).end).toBe(Date.parse('2026-12-02T12:00:00Z') / 1000);
    expect(chartSeries([], 'day', 'average', NOW).buckets).toHaveLength(288);
    expect(chartSeries([], 'week', 'average', NOW).buckets).toHaveLength(168);
    expect(chartSeries([], 'month', 'average', NOW).buckets).toHaveLength(120);
  });

  it('combines the points of a 5-minute interval by each transform', () => {
    const start = Date.parse('2026-12-02T09:00:00Z') / 1000;
    const points = [point(start, 10), point(start + 30, 40), point(start + 270, 25), point(start + 300, 100)];
    const at = (transform: Parameters<typeof chartSeries>[2]) => {
      const s = chartSeries(points, 'day', transform, NOW);
      return s.buckets.filter((b) => b.value !== null).map((b) => [new Date(b.start * 1000).toISOString().slice(11, 16), b.value]);
    };
    expect(at('average')).toEqual([['09:00', 25], ['09:05', 100]]);
    expect(at('sum')).toEqual([['09:00', 75], ['09:05', 100]]);
    expect(at('min')).toEqual([['09:00', 10], ['09:05', 100]]);
    expect(at('max')).toEqual([['09:00', 40], ['09:05', 100]]);
    expect(at('count')).toEqual([['09:00', 3], ['09:05', 1]]);
    const day = chartSeries(points, 'day', 'average', NOW);
    expect(day.summary).toBe(175 / 4);
    expect(day.points).toBe(4);
  });

  it('takes points in any order, and leaves intervals without data empty (null, not 0)', () => {
    const start = Date.parse('2026-12-02T08:00:00Z') / 1000;
    const shuffled = [point(start + 600, 3), point(start, 1), point(start + 610, 5)];
    const s = chartSeries(shuffled, 'day', 'max', NOW);
    const i = s.buckets.findIndex((b) => b.start === start);
    expect(s.buckets.slice(i, i + 3).map((b) => b.value)).toEqual([1, null, 5]);
    expect(s.buckets.filter((b) => b.value !== null)).toHaveLength(2);
  });

  it('averages hourly rollups and recent 5-minute aggregates together by their counts (not by averaging averages)', () => {
    const hour = Date.parse('2026-12-02T06:00:00Z') / 1000;
    const rollup: Aggregate = { at: hour, count: 100, sum: 1000, min: 1, max: 50 }; // mean 10
    const fresh: Aggregate = { at: hour + 1800, count: 20, sum: 800, min: 30, max: 60 }; // mean 40
    const month = chartSeries([rollup, fresh], 'month', 'average', NOW);
    const bucket = month.buckets.find((b) => b.value !== null)!;
    expect(new Date(bucket.start * 1000).toISOString()).toBe('2026-12-02T06:00:00.000Z');
    expect(bucket.value).toBeCloseTo(1800 / 120);
    expect(chartSeries([rollup, fresh], 'month', 'max', NOW).summary).toBe(60);
    expect(chartSeries([rollup, fresh], 'month', 'count', NOW).summary).toBe(120);
  });

  it('leaves out data outside the view: older than its first interval or at or after its end', () => {
    const { start, end } = viewWindow('week', NOW);
    const s = chartSeries([point(start - 1, 9), point(start, 1), point(end - 1, 2), point(end, 9)], 'week', 'sum', NOW);
    expect(s.summary).toBe(3);
    expect(s.buckets[0]!.value).toBe(1);
    expect(s.buckets.at(-1)!.value).toBe(2);
    expect(nowS).toBeLessThan(end);
  });

  it('combine and valueOf agree with folding points one by one', () => {
    const a = combine(combine(point(0, 3), point(30, -1)), point(60, 7));
    expect(a).toEqual({ at: 0, count: 3, sum: 9, min: -1, max: 7 });
    expect(valueOf(a, 'average')).toBe(3);
  });
});

import { describe, expect, it } from 'vitest';
import { lastPerSlot, readPoint, readPoints, slotOf } from '@/lib/domain/system-metrics/points';

const NOW = new Date('2026-12-02T10:00:00Z');
const T = NOW.getTime() / 1000;

describe('metric data points as Statuspage accepts them', () => {
  it('casts timestamps to their 30-second slot, accepting integers, floats and numeric strings', () => {
    expect(slotOf(T + 29.9)).toBe(T);
    expect(readPoint({ timestamp: T - 31, value: 5 }, 'data', NOW)).toEqual({ ok: true, point: { at: T - 60, value: 5 } });
    expect(readPoint({ timestamp: `${T - 0.5}`, value: '12.25' }, 'data', NOW)).toEqual({ ok: true, point: { at: T - 30, value: 12.25 } });
    expect(readPoint({ timestamp: T + 0.999, value: -3 }, 'data', NOW)).toEqual({ ok: true, point: { at: T, value: -3 } });
  });

  it('names the field of a bad point as sent', () => {
    const bad = (raw: unknown) => {
      const r = readPoint(raw, 'data', NOW);
      return r.ok ? null : r.fields;
    };
    expect(bad({ value: 1 })).toEqual({ 'data.timestamp': 'is required' });
    expect(bad({ timestamp: 'yesterday', value: 1 })).toEqual({ 'data.timestamp': 'must be a number of seconds since 1970 (Unix time)' });
    expect(bad({ timestamp: T, value: 'NaN' })).toEqual({ 'data.value': 'must be a finite number' });
    expect(bad({ timestamp: T, value: Infinity })).toEqual({ 'data.value': 'must be a finite number' });
    expect(bad({ timestamp: T })).toEqual({ 'data.value': 'is required' });
    expect(bad({ timestamp: T + 3600, value: 1 })).toEqual({ 'data.timestamp': 'is in the future' });
    expect(bad({ timestamp: T - 29 * 86_400, value: 1 })).toEqual({ 'data.timestamp': 'is more than 28 days ago' });
    expect(bad([1, 2])).toEqual({ data: 'must be an object with timestamp and value' });
    expect(bad({ timestamp: true, value: [] })).toEqual({
      'data.timestamp': 'must be a number of seconds since 1970 (Unix time)',
      'data.value': 'must be a finite number',
    });
  });

  it('reads a list (or one object) of points, naming the index of a bad one', () => {
    expect(readPoints([{ timestamp: T, value: 1 }, { timestamp: T, value: 'x' }], 'data.abc', NOW)).toEqual({
      ok: false,
      fields: { 'data.abc[1].value': 'must be a finite number' },
    });
    expect(readPoints({ timestamp: T, value: 1 }, 'data.abc', NOW)).toEqual({ ok: true, points: [{ at: T, value: 1 }] });
    expect(readPoints([], 'data.abc', NOW)).toEqual({ ok: false, fields: { 'data.abc': 'must hold at least one point' } });
  });

  it('keeps the last point sent in a slot, and sorts out-of-order points by time', () => {
    const r = readPoints(
      [
        { timestamp: T - 60, value: 1 },
        { timestamp: T - 120, value: 2 },
        { timestamp: T - 50, value: 3 },
      ],
      'data',
      NOW,
    );
    expect(r).toEqual({ ok: true, points: [{ at: T - 120, value: 2 }, { at: T - 60, value: 3 }] });
    expect(lastPerSlot([])).toEqual([]);
  });
});

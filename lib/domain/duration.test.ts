import { describe, it, expect } from 'vitest';
import { formatDuration } from '@/lib/domain/duration';

const S = 1000, M = 60 * S, H = 60 * M, D = 24 * H;

describe('formatDuration', () => {
  const cases: [number, string][] = [
    [0, 'less than a minute'],
    [59 * S + 999, 'less than a minute'],
    [-5 * M, 'less than a minute'],
    [Number.NaN, 'less than a minute'],
    [M, '1 minute'],
    [M + 59 * S, '1 minute'],
    [45 * M, '45 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [H, '1 hour'],
    [H + M, '1 hour 1 minute'],
    [2 * H + 15 * M, '2 hours 15 minutes'],
    [2 * H + 15 * M + 30 * S, '2 hours 15 minutes'],
    [23 * H + 59 * M, '23 hours 59 minutes'],
    [D, '1 day'],
    [D + 59 * M, '1 day'], // minutes are the third unit: dropped
    [D + H, '1 day 1 hour'],
    [3 * D + 4 * H + 30 * M, '3 days 4 hours'],
    [400 * D + 2 * H, '400 days 2 hours'],
  ];
  for (const [ms, expected] of cases) {
    it(`${ms} ms → ${expected}`, () => {
      expect(formatDuration(ms)).toBe(expected);
    });
  }
});
